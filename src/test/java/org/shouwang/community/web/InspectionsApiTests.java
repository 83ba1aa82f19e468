package org.shouwang.community.web;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.community.DefectKind;
import org.shouwang.community.InspectionArea;
import org.shouwang.community.InspectionFixtures;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Inspections through the REST API: the same rules as the pages, 400 with every bad field, 404 for what a caller may not see. */
@IntegrationTest
class InspectionsApiTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired InspectionFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void resetClock() {
        clock.reset();
        fixtures.retireItems();
    }

    private MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).with(csrf());
    }

    private long startRound(Viewer inspector) throws Exception {
        String answer = mvc.perform(body(post("/api/v1/inspections/rounds"), Map.of("buildingId", fixtures.managersBuilding(),
                        "floor", fixtures.floorWithResidents(), "mode", "ALL_ROOMS")).with(users.as(inspector.username())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    private long firstRoom(Viewer inspector, long round) throws Exception {
        String answer = mvc.perform(get("/api/v1/inspections/rounds/" + round).with(users.as(inspector.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.rooms[0].roomId")).longValue();
    }

    @Test
    void anInspectorRecordsARoomThroughTheApiAndTheRepairRequestNumberIsLinked() throws Exception {
        Viewer inspector = fixtures.newInspector("headteacher");
        long tap = fixtures.item("水龙头漏水", InspectionArea.SAFETY, 5, DefectKind.NEEDS_REPAIR, "WATER");
        long round = startRound(inspector);
        long room = firstRoom(inspector, round);
        String answer = mvc.perform(body(post("/api/v1/inspections/rounds/" + round + "/rooms/" + room), Map.of(
                        "defects", List.of(Map.of("itemId", tap, "deduction", 3, "note", "一直滴水")), "note", "已拍照",
                        "photos", List.of(Base64.getEncoder().encodeToString(PNG)))).with(users.as(inspector.username())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score").value(97))
                .andExpect(jsonPath("$.repairRequests.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.inspectionId")).longValue();
        String number = JsonPath.read(answer, "$.repairRequests[0]");
        mvc.perform(get("/api/v1/inspections/results/" + id).with(users.as("manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.defects[0].ticketNumber").value(number))
                .andExpect(jsonPath("$.photoIds.length()").value(1));
        mvc.perform(get("/api/v1/inspections/results/" + id).with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/inspections/rounds/" + round).with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(body(post("/api/v1/inspections/rounds/" + round + "/finish"), Map.of()).with(users.as(inspector.username())))
                .andExpect(status().isNoContent());
    }

    @Test
    void aScoreAboveTheMaximumAPhotoThatIsNoImageAndAnUnknownRoomAnswer400AndWriteNothing() throws Exception {
        Viewer inspector = fixtures.newInspector("headteacher");
        long item = fixtures.item("地面卫生", InspectionArea.HYGIENE, 5, DefectKind.ORDINARY, null);
        long round = startRound(inspector);
        long room = firstRoom(inspector, round);
        int before = jdbc.queryForObject("SELECT count(*) FROM room_inspection", Integer.class);
        mvc.perform(body(post("/api/v1/inspections/rounds/" + round + "/rooms/" + room), Map.of(
                        "defects", List.of(Map.of("itemId", item, "deduction", 9)),
                        "photos", List.of(Base64.getEncoder().encodeToString("%PDF-1.4".getBytes())))).with(users.as(inspector.username()))
                        .locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("deduction." + item)))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("photos")))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem("Photos must be JPEG, PNG, GIF or WebP images.")));
        mvc.perform(body(post("/api/v1/inspections/rounds/" + round + "/rooms/" + room), Map.of(
                        "defects", List.of(Map.of("itemId", item, "deduction", 9)))).with(users.as(inspector.username()))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("最多扣 5 分")));
        mvc.perform(body(post("/api/v1/inspections/rounds/" + round + "/rooms/987654321"), Map.of("defects", List.of()))
                        .with(users.as(inspector.username())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roomId"));
        mvc.perform(body(post("/api/v1/inspections/rounds"), Map.of("buildingId", fixtures.managersBuilding(), "mode", "EVERYTHING"))
                        .with(users.as(inspector.username())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mode"));
        mvc.perform(post("/api/v1/inspections/rounds").contentType(MediaType.APPLICATION_JSON).content("{\"buildingId\":\"abc\"}")
                        .with(csrf()).with(users.as(inspector.username())))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM room_inspection", Integer.class)).isEqualTo(before);
    }

    @Test
    void aResidentSeesOnlyTheirRoomAndAppealsWithinTheWindowThenTheAdvisorDecides() throws Exception {
        Viewer inspector = fixtures.newInspector("headteacher");
        long item = fixtures.item("床铺整理", InspectionArea.HYGIENE, 5, DefectKind.ORDINARY, null);
        long round = startRound(inspector);
        long room = firstRoom(inspector, round);
        String answer = mvc.perform(body(post("/api/v1/inspections/rounds/" + round + "/rooms/" + room), Map.of(
                        "defects", List.of(Map.of("itemId", item, "deduction", 5)))).with(users.as(inspector.username())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.inspectionId")).longValue();
        String resident = fixtures.residentOf(room);
        String mine = mvc.perform(get("/api/v1/inspections/my-room").with(users.as(resident)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(mine, "$[*].roomId")).containsOnly((int) room);
        long defect = ((Number) JsonPath.read(mine, "$[0].defects[0].id")).longValue();
        mvc.perform(get("/api/v1/inspections/results/" + id).with(users.as("student"))).andExpect(status().isNotFound());

        mvc.perform(body(post("/api/v1/inspections/results/" + id + "/appeals"), Map.of("defectId", defect, "reason", " "))
                        .with(users.as(resident)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        String filed = mvc.perform(body(post("/api/v1/inspections/results/" + id + "/appeals"), Map.of("defectId", defect,
                        "reason", "床铺当时已整理")).with(users.as(resident)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long appeal = ((Number) JsonPath.read(filed, "$.id")).longValue();
        mvc.perform(get("/api/v1/inspections/appeals").with(users.as("headteacher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id").value(hasItem((int) appeal)));
        mvc.perform(body(post("/api/v1/inspections/appeals/" + appeal + "/decide"), Map.of("upheld", true)).with(users.as("counsellor")))
                .andExpect(status().isNotFound());
        mvc.perform(body(post("/api/v1/inspections/appeals/" + appeal + "/decide"), Map.of("upheld", false)).with(users.as("headteacher")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(body(post("/api/v1/inspections/appeals/" + appeal + "/decide"), Map.of("upheld", true, "note", "属实"))
                        .with(users.as("headteacher")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/inspections/results/" + id).with(users.as(resident)))
                .andExpect(jsonPath("$.score").value(100)).andExpect(jsonPath("$.appeals[0].state").value("UPHELD"));
        mvc.perform(body(post("/api/v1/inspections/appeals/" + appeal + "/decide"), Map.of("upheld", true))
                        .with(users.as("headteacher")))
                .andExpect(status().isConflict());
    }

    @Test
    void anAppealAfterTheWindowAnswers400AndWritesNothing() throws Exception {
        Viewer inspector = fixtures.newInspector("headteacher");
        long item = fixtures.item("垃圾未清理", InspectionArea.HYGIENE, 5, DefectKind.ORDINARY, null);
        long round = startRound(inspector);
        long room = firstRoom(inspector, round);
        String answer = mvc.perform(body(post("/api/v1/inspections/rounds/" + round + "/rooms/" + room), Map.of(
                        "defects", List.of(Map.of("itemId", item, "deduction", 2)))).with(users.as(inspector.username())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.inspectionId")).longValue();
        String resident = fixtures.residentOf(room);
        long defect = ((Number) JsonPath.read(mvc.perform(get("/api/v1/inspections/results/" + id).with(users.as(resident)))
                .andReturn().getResponse().getContentAsString(), "$.defects[0].id")).longValue();
        clock.fix(CampusTime.today(clock).plusDays(4).atTime(10, 0).atZone(CampusTime.ZONE).toInstant());
        int before = jdbc.queryForObject("SELECT count(*) FROM inspection_appeal", Integer.class);
        mvc.perform(body(post("/api/v1/inspections/results/" + id + "/appeals"), Map.of("defectId", defect, "reason", "请复核"))
                        .with(users.as(resident)).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("Appeals are taken within 3 days")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inspection_appeal", Integer.class)).isEqualTo(before);
    }

    @Test
    void theRubricIsTheAdministratorsAndRectificationsAreReInspected() throws Exception {
        String created = mvc.perform(body(post("/api/v1/inspections/rubric"), Map.of("area", "SAFETY", "text", "插座烧焦-" + System.nanoTime(),
                        "maxDeduction", 5, "kind", "NEEDS_REPAIR", "repairSubcategory", "ELECTRICITY")).with(users.as("admin")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long item = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(body(put("/api/v1/inspections/rubric/" + item), Map.of("area", "SAFETY", "text", "插座损坏-" + System.nanoTime(),
                        "maxDeduction", 8, "kind", "NEEDS_REPAIR", "repairSubcategory", "ELECTRICITY")).with(users.as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.maxDeduction").value(8));
        mvc.perform(body(post("/api/v1/inspections/rubric"), Map.of("area", "SAFETY", "text", "x", "maxDeduction", 5, "kind", "ORDINARY"))
                        .with(users.as("manager")))
                .andExpect(status().isNotFound());
        mvc.perform(body(post("/api/v1/inspections/rubric"), Map.of("area", "SAFETY", "text", "x", "maxDeduction", 500, "kind", "WHATEVER"))
                        .with(users.as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("maxDeduction", "kind")));

        Viewer inspector = fixtures.newInspector("headteacher");
        long round = startRound(inspector);
        long room = firstRoom(inspector, round);
        String answer = mvc.perform(body(post("/api/v1/inspections/rounds/" + round + "/rooms/" + room), Map.of(
                        "defects", List.of(Map.of("itemId", item, "deduction", 8)))).with(users.as(inspector.username())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.inspectionId")).longValue();
        mvc.perform(body(post("/api/v1/inspections/rubric/" + item + "/retire"), Map.of("retired", true)).with(users.as("admin")))
                .andExpect(status().isNoContent());
        long rect = ((Number) JsonPath.read(mvc.perform(get("/api/v1/inspections/results/" + id).with(users.as("manager")))
                .andReturn().getResponse().getContentAsString(), "$.rectification.id")).longValue();
        mvc.perform(get("/api/v1/inspections/rectifications").with(users.as("manager")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id").value(hasItem((int) rect)));
        mvc.perform(get("/api/v1/inspections/rectifications").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(body(post("/api/v1/inspections/rectifications/" + rect + "/reinspect"), Map.of("passed", true)).with(users.as("student")))
                .andExpect(status().isNotFound());
        mvc.perform(body(post("/api/v1/inspections/rectifications/" + rect + "/reinspect"), Map.of("passed", true)).with(users.as("manager")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/inspections/results/" + id).with(users.as("manager")))
                .andExpect(jsonPath("$.rectification.state").value("PASSED"));
    }

    @Test
    void rankingsAreForThoseWhoMaySeeThemAndAMalformedMonthIsAFieldError() throws Exception {
        mvc.perform(get("/api/v1/inspections/rankings").with(users.as("leader")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.whole").value(true));
        mvc.perform(get("/api/v1/inspections/rankings").with(users.as("manager")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.whole").value(false));
        mvc.perform(get("/api/v1/inspections/rankings").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/inspections/rankings").param("month", "2026-13").with(users.as("leader")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        mvc.perform(get("/api/v1/inspections/my-room").with(users.as("counsellor"))).andExpect(status().isNotFound());
    }
}
