package org.shouwang.community;

import java.time.Clock;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The safety log over HTTP, API and pages alike: who records, who reads, who finds nothing (404 on
 * the incident, nothing in lists), audited reads, and bad input answered with translated field
 * errors and nothing written.
 */
@IntegrationTest
class SafetyApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Residence residence;
    @Autowired Clock clock;

    private long building() {
        return residence.buildingNames().keySet().iterator().next();
    }

    private String studentNumber() {
        return jdbc.queryForList("SELECT student_number FROM student ORDER BY id DESC", String.class).get(0);
    }

    private String twoHoursAgo() {
        return CampusTime.now(clock).toLocalDateTime().minusHours(2).withSecond(0).withNano(0).toString();
    }

    private String body(String description, String named) {
        return """
                {"category":"FIRE_HAZARD","occurredAt":"%s","buildingId":%d,"place":"一楼楼道","description":"%s",
                 "students":[{"studentNumber":"%s","role":"PARTY"}],"named":[%s]}"""
                .formatted(twoHoursAgo(), building(), description, studentNumber(), named);
    }

    private long record(String username, String description, String named) throws Exception {
        String json = mvc.perform(post("/api/v1/safety/incidents").with(users.as(username)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(description, named)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.matchesPattern("AQ-\\d{4}-\\d{4}")))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private int count() {
        return jdbc.queryForObject("SELECT count(*) FROM safety_incident", Integer.class);
    }

    @Test
    void thePoliceRecordAppendAndCloseThroughTheApiAndTheSecurityDepartmentAndLeadersRead() throws Exception {
        long id = record("police", "电动车室内充电", "");

        mvc.perform(post("/api/v1/safety/incidents/" + id + "/actions").with(users.as("handler-bw")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"电池移至室外充电点\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.actions[0].text").value("电池移至室外充电点"));
        for (String reader : List.of("police", "handler-bw", "leader")) {
            mvc.perform(get("/api/v1/safety/incidents/" + id).with(users.as(reader)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.description").value("电动车室内充电"));
            mvc.perform(get("/api/v1/safety/incidents?size=100&category=FIRE_HAZARD").with(users.as(reader)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
            mvc.perform(get("/safety/" + id).with(users.as(reader))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("电动车室内充电")));
        }
        mvc.perform(get("/api/v1/safety/incidents/" + id).with(users.as("leader"))).andExpect(jsonPath("$.mayUpdate").value(false));
        mvc.perform(post("/api/v1/safety/incidents/" + id + "/actions").with(users.as("leader")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"阅\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/safety/incidents/" + id + "/close").with(users.as("police")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"已整改\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(post("/api/v1/safety/incidents/" + id + "/close").with(users.as("police")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"再结\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aNamedCounsellorReadsOnlyThatIncidentAndEveryoneElseGets404AndAnEmptyList() throws Exception {
        long named = record("police", "同学矛盾调解", "\"counsellor\"");
        long other = record("police", "宿舍失窃", "");

        mvc.perform(get("/api/v1/safety/incidents/" + named).with(users.as("counsellor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.mayUpdate").value(false));
        mvc.perform(get("/safety/" + named).with(users.as("counsellor"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"action-form\""))));
        mvc.perform(get("/api/v1/safety/incidents?size=100").with(users.as("counsellor")))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) named)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) other))));

        for (String username : List.of("counsellor", "headteacher", "manager", "studio", "admin", "student")) {
            mvc.perform(get("/api/v1/safety/incidents/" + other).with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/safety/" + other).with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/safety/incidents/" + other + "/actions").with(users.as(username)).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/safety/" + other + "/close").with(users.as(username)).with(csrf()).param("note", "x"))
                    .andExpect(status().isNotFound());
        }
        for (String username : List.of("headteacher", "manager", "studio", "admin")) {
            mvc.perform(get("/api/v1/safety/incidents?size=100").with(users.as(username))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].id", not(hasItem((int) other))))
                    .andExpect(jsonPath("$.items[*].id", not(hasItem((int) named))));
            mvc.perform(get("/safety").with(users.as(username))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("data-incident=\"" + other + "\""))))
                    .andExpect(content().string(not(containsString("id=\"safety-new\""))));
            mvc.perform(get("/safety/new").with(users.as(username))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/safety").with(users.as("counsellor")).with(csrf()).param("category", "THEFT")
                .param("description", "辅导员登记")).andExpect(status().isNotFound());
        mvc.perform(post("/safety/" + named + "/actions").with(users.as("counsellor")).with(csrf()).param("text", "已知悉"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/safety/" + named + "/close").with(users.as("leader")).with(csrf()).param("note", "结"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/safety/incidents").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/safety").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/safety/incidents").with(users.as("student")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body("学生登记", ""))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/safety/incidents").with(users.as("counsellor")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"NOPE\"}")).andExpect(status().isNotFound());
    }

    @Test
    void readsThroughTheApiAndThePagesAreAudited() throws Exception {
        long id = record("police", "深夜喧哗", "");
        int before = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE actor = 'leader' AND action = 'safety.view'"
                + " AND target_id = ?", Integer.class, String.valueOf(id));

        mvc.perform(get("/api/v1/safety/incidents/" + id).with(users.as("leader"))).andExpect(status().isOk());
        mvc.perform(get("/safety/" + id).with(users.as("leader"))).andExpect(status().isOk());
        mvc.perform(get("/safety?category=OTHER&status=OPEN").with(users.as("handler-bw"))).andExpect(status().isOk());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE actor = 'leader' AND action = 'safety.view'"
                + " AND target_id = ?", Integer.class, String.valueOf(id))).isEqualTo(before + 2);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE actor = 'handler-bw' AND action = 'safety.list'"
                + " ORDER BY id DESC LIMIT 1", String.class)).contains("category OTHER").contains("status OPEN");
    }

    @Test
    void badInputAnswersTranslatedFieldErrorsAndWritesNothing() throws Exception {
        int before = count();
        String future = CampusTime.now(clock).toLocalDateTime().plusDays(2).withNano(0).toString();
        mvc.perform(post("/api/v1/safety/incidents").with(users.as("police")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("""
                                {"category":"FIRE_HAZARD","occurredAt":"%s","buildingId":987654321,"place":"楼道","description":" ",
                                 "students":[{"studentNumber":"NO-SUCH","role":"PARTY"}],"named":["nobody-here"]}"""
                                .formatted(future)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("occurredAt")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("buildingId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("description")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("students")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("named")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("No student has the number NO-SUCH.")));
        mvc.perform(post("/api/v1/safety/incidents").with(users.as("police")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"ARSON\",\"occurredAt\":\"yesterday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("category")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("occurredAt")));
        mvc.perform(post("/api/v1/safety/incidents").with(users.as("police")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/safety/incidents?category=ARSON").with(users.as("police"))).andExpect(status().isBadRequest());

        mvc.perform(post("/safety").with(users.as("police")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("category", "THEFT").param("occurredAt", future).param("buildingId", String.valueOf(building()))
                        .param("place", "x".repeat(201)).param("description", "")
                        .param("studentNumber", "NO-SUCH", "").param("studentRole", "VICTIM", "")
                        .param("named", "nobody-here"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"occurredAt-error\"")))
                .andExpect(content().string(containsString("时间不能晚于现在")))
                .andExpect(content().string(containsString("id=\"place-error\"")))
                .andExpect(content().string(containsString("id=\"description-error\"")))
                .andExpect(content().string(containsString("学号 NO-SUCH 不存在")))
                .andExpect(content().string(containsString("id=\"named-error\"")));
        assertThat(count()).isEqualTo(before);

        mvc.perform(post("/safety").with(users.as("police")).with(csrf())
                        .param("category", "THEFT").param("occurredAt", twoHoursAgo()).param("buildingId", String.valueOf(building()))
                        .param("place", "305 室").param("description", "笔记本电脑失窃")
                        .param("studentNumber", studentNumber(), "").param("studentRole", "VICTIM", "")
                        .param("named", "counsellor, headteacher"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/safety/*"));
        assertThat(count()).isEqualTo(before + 1);
    }
}
