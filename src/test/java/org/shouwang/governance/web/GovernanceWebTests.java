package org.shouwang.governance.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Governance pages and API: the same rules as the services, translated field errors, 404 for those who may not. */
@IntegrationTest
class GovernanceWebTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private final JsonMapper json = JsonMapper.builder().build();

    private MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).with(csrf());
    }

    private long created(String answer) {
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    private long meeting() throws Exception {
        long body = created(mvc.perform(body(post("/api/v1/governance/bodies"), Map.of("name", "测试工作委员会 " + UUID.randomUUID(),
                        "kind", "WORKING_COMMITTEE", "chairs", List.of("affairs"), "members", List.of("depthead")))
                        .with(users.as("admin")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String today = CampusTime.today(clock).toString();
        return created(mvc.perform(body(post("/api/v1/governance/meetings"), Map.of("bodyId", body, "kind", "COMMUNITY",
                        "title", "社区工作推进会", "heldAt", today + "T15:00", "place", "学生社区服务中心", "agenda", List.of("听取汇报"),
                        "attendees", List.of("affairs", "depthead")))
                        .with(users.as("affairs")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theApiRecordsADecisionAndRefusesToCloseItWithoutANoteOrForAnotherDepartment() throws Exception {
        long m = meeting();
        long hq = jdbc.queryForObject("SELECT id FROM department WHERE code = 'HQ'", Long.class);
        LocalDate today = CampusTime.today(clock);
        mvc.perform(body(post("/api/v1/governance/meetings/" + m + "/decisions"), Map.of("decision", "增设自习室",
                        "departmentId", 987654, "deadline", today.minusDays(3).toString()))
                        .with(users.as("affairs")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("deadline")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("departmentId")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("不能早于会议日期"))));
        mvc.perform(body(post("/api/v1/governance/meetings/" + m + "/decisions"), Map.of("decision", "增设自习室",
                        "departmentId", hq, "deadline", "next week"))
                        .with(users.as("affairs")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deadline"));
        long item = created(mvc.perform(body(post("/api/v1/governance/meetings/" + m + "/decisions"), Map.of("decision", "增设自习室",
                        "departmentId", hq, "deadline", today.plusMonths(1).toString()))
                        .with(users.as("affairs")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

        mvc.perform(get("/api/v1/governance/actions?mine=true").with(users.as("depthead")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) item)));
        mvc.perform(body(post("/api/v1/governance/actions/" + item + "/close"), Map.of("note", " ")).with(users.as("depthead")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(body(post("/api/v1/governance/actions/" + item + "/close"), Map.of("note", "已完成")).with(users.as("handler-jwc")))
                .andExpect(status().isNotFound());
        mvc.perform(body(post("/api/v1/governance/actions/" + item + "/progress"), Map.of("status", "FINISHED", "note", "x"))
                        .with(users.as("depthead")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(body(post("/api/v1/governance/actions/" + item + "/close"), Map.of("note", "自习室已开放")).with(users.as("depthead")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/governance/actions/" + item).with(users.as("leader")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.completionNote").value("自习室已开放"));
        mvc.perform(body(post("/api/v1/governance/actions/" + item + "/close"), Map.of("note", "再次")).with(users.as("depthead")))
                .andExpect(status().isConflict());
    }

    @Test
    void counsellorsAndStudentsGet404AndHandlersSeeOnlyTheirDepartmentsItems() throws Exception {
        long m = meeting();
        for (String who : List.of("counsellor", "student")) {
            mvc.perform(get("/governance").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/governance/meetings/" + m).with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/governance/actions").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/governance/meetings/" + m).with(users.as(who))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/governance/meetings/" + m).with(users.as("handler"))).andExpect(status().isNotFound());
        mvc.perform(get("/governance/actions").with(users.as("handler"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/governance/actions").with(users.as("handler"))).andExpect(status().isNotFound());
        mvc.perform(get("/governance/meetings/new").with(users.as("depthead"))).andExpect(status().isNotFound());
        mvc.perform(get("/governance/bodies/new").with(users.as("leader"))).andExpect(status().isNotFound());
        mvc.perform(get("/governance").with(users.as("leader"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("count-community")));
        mvc.perform(get("/governance/meetings/" + m).with(users.as("depthead"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("社区工作推进会")));
    }

    @Test
    void pageFormsShowTranslatedErrorsBesideTheirFields() throws Exception {
        long m = meeting();
        mvc.perform(post("/governance/meetings/" + m + "/minutes").param("minutes", "").param("finish", "1")
                        .with(users.as("affairs")).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请先填写会议纪要再结束会议")));
        mvc.perform(post("/governance/meetings/" + m + "/decisions").param("decision", "整修篮球场").param("departmentId", "abc")
                        .param("deadline", "2020-13-45").with(users.as("affairs")).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"deadline-error\"")))
                .andExpect(content().string(containsString("id=\"departmentId-error\"")));
        Map<String, String> form = new HashMap<>(Map.of("bodyId", "", "kind", "PARTY", "title", "", "heldAt", "tomorrow",
                "place", "", "agenda", "", "attendees", "nobody"));
        var request = post("/governance/meetings").with(users.as("leader")).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE);
        form.forEach(request::param);
        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"kind-error\"", "id=\"heldAt-error\"");
    }

    @Test
    void administratorsSetUpBodiesWithEveryMistakeShownAndAStaleEditRefused() throws Exception {
        mvc.perform(post("/governance/bodies").param("name", "").param("kind", "LEADERSHIP_GROUP").param("chairs", "no-such-person")
                        .param("members", "student").with(users.as("admin")).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("没有用户名为 no-such-person 的教职工账号")))
                .andExpect(content().string(containsString("id=\"members-error\"")));
        mvc.perform(post("/governance/bodies").param("name", "越权机构").param("kind", "LEADERSHIP_GROUP").param("chairs", "leader")
                        .with(users.as("leader")).with(csrf()))
                .andExpect(status().isNotFound());
        String name = "测试校长办公会 " + UUID.randomUUID();
        long id = created(mvc.perform(body(post("/api/v1/governance/bodies"), Map.of("name", name, "kind", "PRESIDENT_OFFICE",
                        "chairs", List.of("leader"))).with(users.as("admin")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        mvc.perform(body(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/governance/bodies/" + id),
                        Map.of("name", name, "kind", "PRESIDENT_OFFICE", "chairs", List.of("leader"), "members", List.of("affairs")))
                        .header("If-Match", "\"7\"").with(users.as("admin")))
                .andExpect(status().isConflict());
        mvc.perform(body(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/governance/bodies/" + id),
                        Map.of("name", name, "kind", "PRESIDENT_OFFICE", "chairs", List.of("leader"), "members", List.of("affairs")))
                        .header("If-Match", "0").with(users.as("admin")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/governance/bodies/" + id).with(users.as("affairs")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.members[0].username").value("affairs"));
    }
}
