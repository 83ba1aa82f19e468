package org.shouwang.tickets.web;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input through the API: 400 with every bad field named in the caller's language, and nothing written. */
@IntegrationTest
class RequestsApiInputTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    RequestsApiDriver api;

    @BeforeEach
    void driver() {
        api = new RequestsApiDriver(mvc, users, jdbc);
    }

    @Test
    void emptyTextIsRefused() throws Exception {
        refused("{\"category\":\"ACADEMICS\",\"text\":\"   \"}", "text", "Please write something.", "请填写内容。");
    }

    @Test
    void tenThousandCharactersAreRefused() throws Exception {
        refused("{\"category\":\"ACADEMICS\",\"text\":\"" + "很".repeat(10_000) + "\"}", "text", "At most 2000 characters.",
                "最多 2000 个字。");
    }

    @Test
    void anUnknownCategoryIsRefused() throws Exception {
        refused("{\"category\":\"CANTEEN\",\"text\":\"食堂太咸\"}", "category", "Choose a category.", "请选择诉求类别。");
        refused("{\"text\":\"食堂太咸\"}", "category", "Choose a category.", "请选择诉求类别。");
    }

    @Test
    void aRepairWithoutSubcategoryIsRefused() throws Exception {
        refused("{\"category\":\"REPAIRS\",\"text\":\"有东西坏了\"}", "subcategory", "Choose what needs repairing.",
                "请选择报修类型。");
        refused("{\"category\":\"REPAIRS\",\"subcategory\":\"ROOF\",\"text\":\"有东西坏了\"}", "subcategory",
                "Choose what needs repairing.", "请选择报修类型。");
    }

    @Test
    void urgentAcademicsIsRefused() throws Exception {
        refused("{\"category\":\"ACADEMICS\",\"urgent\":true,\"text\":\"明天考试\"}", "urgent",
                "Only repairs and safety requests can be urgent.", "只有报修和安全类诉求可以标为紧急。");
    }

    @Test
    void anUnknownBuildingIsRefused() throws Exception {
        refused("{\"category\":\"REPAIRS\",\"subcategory\":\"ELECTRICITY\",\"text\":\"走廊灯坏了\",\"buildingId\":987654321,"
                + "\"location\":\"三楼走廊\"}", "buildingId", "No such building.", "没有这栋楼。");
    }

    @Test
    void aTextFileNamedJpgIsNoPhoto() throws Exception {
        byte[] text = "this is not an image, only text pretending to be one".getBytes();
        refusedPhoto(new MockMultipartFile("photos", "leak.jpg", "image/jpeg", text),
                "Photos must be JPEG, PNG, GIF or WebP images.", "照片须为 JPEG、PNG、GIF 或 WebP 图片。");
    }

    @Test
    void aPhotoOverFiveMegabytesIsRefused() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 0x20);
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        refusedPhoto(new MockMultipartFile("photos", "big.jpg", "image/jpeg", big), "Each photo at most 5 MB.",
                "每张照片不超过 5 MB。");
    }

    @Test
    void aReturnCitingAClauseNotInThePublishedListIsRefused() throws Exception {
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        int version = api.version("handler", id);
        api.move("handler", id, "return", "{\"clause\":\"9.9\",\"reason\":\"不归我们\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clause"))
                .andExpect(jsonPath("$.errors[0].message").value("The published responsibility list has no clause 9.9."));
        api.move("handler", id, "return", "{\"reason\":\"不归我们\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clause"));
        api.move("handler", id, "dispatch", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        api.move("handler", id, "accept", "{\"version\":\"three\"}").andExpect(status().isBadRequest());
        assertThat(api.version("handler", id)).isEqualTo(version);
    }

    /** The same bad submission in English and in Chinese: one field error each time, no request written. */
    private void refused(String json, String field, String english, String chinese) throws Exception {
        long before = api.tickets();
        long events = events();
        expectFieldError(api.post("student", "/api/v1/requests", json, "en"), field, english)
                .andExpect(jsonPath("$.title").value("Invalid request"));
        expectFieldError(api.post("student", "/api/v1/requests", json, "zh-CN"), field, chinese)
                .andExpect(jsonPath("$.title").value("请求有误"));
        assertThat(api.tickets()).isEqualTo(before);
        assertThat(events()).isEqualTo(events);
    }

    private void refusedPhoto(MockMultipartFile photo, String english, String chinese) throws Exception {
        long before = api.tickets();
        long photos = jdbc.sql("SELECT count(*) FROM ticket_photo").query(Long.class).single();
        for (String[] language : new String[][] {{"en", english}, {"zh-CN", chinese}}) {
            expectFieldError(mvc.perform(multipart("/api/v1/requests").file(photo)
                    .param("category", "REPAIRS").param("subcategory", "WATER").param("text", "水龙头一直滴水")
                    .header("Accept-Language", language[0]).with(users.as("student")).with(csrf())), "photos", language[1]);
        }
        assertThat(api.tickets()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_photo").query(Long.class).single()).isEqualTo(photos);
    }

    private static ResultActions expectFieldError(ResultActions result, String field, String message) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM ticket_event").query(Long.class).single();
    }
}
