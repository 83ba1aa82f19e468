package org.shouwang.community.web;


import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.community.DefectKind;
import org.shouwang.community.InspectionArea;
import org.shouwang.community.InspectionFixtures;
import org.shouwang.community.InspectionViews;
import org.shouwang.community.Inspections;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inspection pages: who gets them, and bad input shown on the form in the reader's language. */
@IntegrationTest
class InspectionPagesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired InspectionFixtures fixtures;
    @Autowired Inspections inspections;

    @org.junit.jupiter.api.AfterEach
    void retireItems() {
        fixtures.retireItems();
    }

    @Test
    void theInspectionPagesAreForThoseWhoMaySeeThem() throws Exception {
        mvc.perform(get("/inspections").with(users.as("inspector"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("round-form")));
        mvc.perform(get("/inspections").with(users.as("manager"))).andExpect(status().isOk());
        mvc.perform(get("/inspections").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/rubric").with(users.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("item-form")));
        mvc.perform(get("/inspections/rubric").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/my-room").with(users.as("student"))).andExpect(status().isOk());
        mvc.perform(get("/inspections").with(users.as("student"))).andExpect(redirectedUrl("/inspections/my-room"));
        mvc.perform(get("/inspections/my-room").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/rankings").with(users.as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/inspections/rankings").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/rectifications").with(users.as("manager"))).andExpect(status().isOk());
        mvc.perform(get("/inspections/appeals").with(users.as("manager"))).andExpect(status().isOk());
        mvc.perform(post("/inspections/rubric").param("text", "x").param("area", "HYGIENE").param("maxDeduction", "5")
                .param("kind", "ORDINARY").with(csrf()).with(users.as("manager"))).andExpect(status().isNotFound());
    }

    @Test
    void anInspectorStartsARoundAndAScoreAboveTheMaximumIsShownOnTheFormInChinese() throws Exception {
        Viewer inspector = fixtures.newInspector("headteacher");
        long item = fixtures.item("地面卫生", InspectionArea.HYGIENE, 5, DefectKind.ORDINARY, null);
        mvc.perform(post("/inspections/rounds").param("buildingId", "abc").param("mode", "ALL_ROOMS").param("heldOn", "昨天")
                        .with(csrf()).with(users.as(inspector.username())).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有这栋楼")))
                .andExpect(content().string(containsString("请按 2026-11-29 的格式填写日期")));
        String location = mvc.perform(post("/inspections/rounds").param("buildingId", String.valueOf(fixtures.managersBuilding()))
                        .param("floor", String.valueOf(fixtures.floorWithResidents())).param("mode", "ALL_ROOMS")
                        .with(csrf()).with(users.as(inspector.username())))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/inspections/rounds/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long round = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        InspectionViews.RoundRoom room = inspections.round(inspector, round).rooms().get(0);
        String path = "/inspections/rounds/" + round + "/rooms/" + room.roomId();
        mvc.perform(get(path).with(users.as(inspector.username()))).andExpect(status().isOk());
        mvc.perform(get(path).with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(multipart(path).file(new MockMultipartFile("photos", "a.txt", "text/plain", "hello".getBytes()))
                        .param("item", String.valueOf(item)).param("deduction." + item, "7")
                        .with(csrf()).with(users.as(inspector.username())).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("最多扣 5 分")))
                .andExpect(content().string(containsString("照片")));
        mvc.perform(multipart(path).param("item", String.valueOf(item)).param("deduction." + item, "3")
                        .with(csrf()).with(users.as(inspector.username())))
                .andExpect(status().is3xxRedirection());
        InspectionViews.Round after = inspections.round(inspector, round);
        long id = after.rooms().get(0).inspectionId();
        String resident = fixtures.residentOf(room.roomId());
        mvc.perform(get("/inspections/my-room").with(users.as(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("result-" + id)));
        mvc.perform(get("/inspections/results/" + id + "/appeal").with(users.as(resident))).andExpect(status().isOk());
        mvc.perform(post("/inspections/results/" + id + "/appeals").param("defectId", "").param("reason", "")
                        .with(csrf()).with(users.as(resident)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("appeal-error")));
        long defect = inspections.result(users.viewer(resident), id).defects().get(0).id();
        mvc.perform(post("/inspections/results/" + id + "/appeals").param("defectId", String.valueOf(defect)).param("reason", "已打扫")
                        .with(csrf()).with(users.as(resident)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/inspections/results/" + id).with(users.as("headteacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("appeal-decision")));
        mvc.perform(get("/inspections/results/" + id).with(users.as("student"))).andExpect(status().isNotFound());
    }
}
