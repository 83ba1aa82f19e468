package org.shouwang.studios.web;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Education projects over the REST API: everyone reads; the owner, the studio's leader and administrators change them. */
@IntegrationTest
class ProjectsApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @BeforeEach
    void today() {
        clock.fix(Instant.parse("2026-11-16T02:00:00Z"));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    static String project(String name, String owner, String starts, String ends) {
        return """
                {"name":"%s","level":"FEATURED","studioId":null,"ownerUsername":"%s","goals":"让每个楼层都有心理委员",
                 "startsOn":"%s","endsOn":"%s","status":"ACTIVE","outcome":null}""".formatted(name, owner, starts, ends);
    }

    ResultActions send(String who, MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(users.as(who)).with(csrf()));
    }

    long create(String name, String owner) throws Exception {
        String location = send("admin", post("/api/v1/projects"), project(name, owner, "2026-09-01", "2027-06-30"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theOwnerPlansMilestonesAndTicksThemAndEveryoneSeesWhatIsOverdue() throws Exception {
        long id = create("测试API·心理委员计划", "counsellor");
        String location = send("counsellor", post("/api/v1/projects/" + id + "/milestones"),
                "{\"title\":\"选拔心理委员\",\"dueOn\":\"2026-10-31\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.milestones[0].overdue").value(true))
                .andReturn().getResponse().getHeader("Location");
        long milestone = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        send("counsellor", post("/api/v1/projects/" + id + "/milestones"), "{\"title\":\"培训\",\"dueOn\":\"2026-12-15\",\"note\":\"16 学时\"}")
                .andExpect(status().isCreated());

        send("student", get("/api/v1/projects?overdue=true"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem((int) id)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].overdue").value(hasItem(1)));
        send("student", get("/api/v1/projects/" + id), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.mayEdit").value(false))
                .andExpect(jsonPath("$.milestones[0].title").value("选拔心理委员"))
                .andExpect(jsonPath("$.milestones[0].overdue").value(true))
                .andExpect(jsonPath("$.milestones[1].overdue").value(false));

        send("counsellor", post("/api/v1/projects/" + id + "/milestones/" + milestone + "/done"), "{\"doneOn\":\"2026-11-14\",\"note\":\"晚了两周\"}")
                .andExpect(status().isNoContent());
        send("student", get("/api/v1/projects/" + id), null)
                .andExpect(jsonPath("$.milestones[0].doneOn").value("2026-11-14"))
                .andExpect(jsonPath("$.milestones[0].note").value("晚了两周"))
                .andExpect(jsonPath("$.milestones[0].overdue").value(false));
        send("student", get("/api/v1/projects?overdue=true"), null).andExpect(jsonPath("$[*].id").value(not(hasItem((int) id))));

        send("counsellor", delete("/api/v1/projects/" + id + "/milestones/" + milestone + "/done"), null).andExpect(status().isNoContent());
        send("counsellor", put("/api/v1/projects/" + id + "/milestones/" + milestone), "{\"title\":\"选拔心理委员\",\"dueOn\":\"2026-11-30\"}")
                .andExpect(status().isNoContent());
        send("student", get("/api/v1/projects/" + id), null).andExpect(jsonPath("$.milestones[0].overdue").value(false));
        send("counsellor", put("/api/v1/projects/" + id).header("If-Match", "\"0\""),
                project("测试API·心理委员计划", "counsellor", "2026-09-01", "2027-06-30").replace("\"outcome\":null", "\"outcome\":\"已覆盖 12 层\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("已覆盖 12 层"));
        send("counsellor", delete("/api/v1/projects/" + id + "/milestones/" + milestone), null).andExpect(status().isNoContent());
        send("student", get("/api/v1/projects/" + id), null).andExpect(jsonPath("$.milestones.length()").value(1));
    }

    @Test
    void othersAreAnsweredAsIfTheProjectCouldNotBeChanged() throws Exception {
        long id = create("测试API·越权项目", "counsellor");
        String m = send("admin", post("/api/v1/projects/" + id + "/milestones"), "{\"title\":\"a\",\"dueOn\":\"2026-10-01\"}")
                .andReturn().getResponse().getHeader("Location");
        String milestone = m.substring(m.lastIndexOf('/') + 1);
        for (String who : new String[] {"student", "studio", "headteacher", "leader"}) {
            send(who, put("/api/v1/projects/" + id), project("测试API·越权改", "counsellor", "2026-09-01", "2027-06-30"))
                    .andExpect(status().isNotFound());
            send(who, post("/api/v1/projects/" + id + "/milestones"), "{\"title\":\"b\",\"dueOn\":\"2026-10-01\"}")
                    .andExpect(status().isNotFound());
            send(who, put("/api/v1/projects/" + id + "/milestones/" + milestone), "{\"title\":\"c\",\"dueOn\":\"2026-10-01\"}")
                    .andExpect(status().isNotFound());
            send(who, post("/api/v1/projects/" + id + "/milestones/" + milestone + "/done"), null).andExpect(status().isNotFound());
            send(who, delete("/api/v1/projects/" + id + "/milestones/" + milestone + "/done"), null).andExpect(status().isNotFound());
            send(who, delete("/api/v1/projects/" + id + "/milestones/" + milestone), null).andExpect(status().isNotFound());
        }
        send("student", post("/api/v1/projects"), project("测试API·学生立项", "counsellor", "2026-09-01", "2027-06-30"))
                .andExpect(status().isNotFound());
        send("student", get("/api/v1/projects/" + id), null).andExpect(jsonPath("$.name").value("测试API·越权项目"))
                .andExpect(jsonPath("$.milestones.length()").value(1))
                .andExpect(jsonPath("$.milestones[0].doneOn").doesNotExist());
    }

    @Test
    void badInputIsAFieldErrorAndWritesNothing() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM project", Integer.class);
        send("admin", post("/api/v1/projects"), """
                {"name":"测试API·坏项目","level":"FEATURED","studioId":999999,"ownerUsername":"nobody-such","goals":"",
                 "startsOn":"2026-09-01","endsOn":"2026-08-01","status":"ACTIVE"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("studioId", "ownerUsername", "goals", "endsOn")));
        send("admin", post("/api/v1/projects"), project("测试API·学生负责", "student", "2026-09-01", "2027-06-30"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ownerUsername"));
        send("admin", post("/api/v1/projects"), project("测试API·坏日期", "counsellor", "2026-13-01", "2027-06-30"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startsOn"));
        send("admin", post("/api/v1/projects"), project("测试API·坏级别", "counsellor", "2026-09-01", "2027-06-30")
                .replace("FEATURED", "GOLDEN")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("level"));
        send("student", get("/api/v1/projects?status=SLEEPING"), null).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project", Integer.class)).isEqualTo(before);

        long id = create("测试API·里程碑校验", "counsellor");
        int milestones = jdbc.queryForObject("SELECT count(*) FROM project_milestone", Integer.class);
        send("counsellor", post("/api/v1/projects/" + id + "/milestones"), "{\"title\":\"\",\"dueOn\":\"2028-01-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("title", "dueOn")));
        send("counsellor", post("/api/v1/projects/" + id + "/milestones"), "{\"title\":\"x\",\"dueOn\":\"明天\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueOn"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project_milestone", Integer.class)).isEqualTo(milestones);
    }
}
