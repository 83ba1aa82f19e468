package org.shouwang.studios.web;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Studios over the REST API: everyone reads the directory; only administrators set studios up. */
@IntegrationTest
class StudiosApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    static String body(String name, String type, String leader) {
        return """
                {"name":"%s","type":"%s","buildingId":null,"venue":"社区 201","leaderUsername":"%s","partner":"律师事务所",
                 "services":"法律咨询","openingHours":"周三 14:00–17:00","description":"律师驻点"}""".formatted(name, type, leader);
    }

    ResultActions send(String who, MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(users.as(who)).with(csrf()));
    }

    long create(String name) throws Exception {
        String location = send("admin", post("/api/v1/studios"), body(name, "LEGAL_AID", "counsellor"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anAdministratorSetsUpAStudioThatEveryoneFindsInTheDirectory() throws Exception {
        String location = send("admin", post("/api/v1/studios"), body("测试API·法援", "LEGAL_AID", "counsellor"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("测试API·法援"))
                .andExpect(jsonPath("$.members[0].leader").value(true))
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        send("student", get("/api/v1/studios?type=LEGAL_AID"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem((int) id)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].partner").value(hasItem("律师事务所")));
        send("student", get("/api/v1/studios?type=CAREER"), null)
                .andExpect(jsonPath("$[*].id").value(not(hasItem((int) id))));
        send("student", get("/api/v1/studios/" + id), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.services").value("法律咨询"));

        send("admin", post("/api/v1/studios/" + id + "/members"), "{\"username\":\"studio\"}").andExpect(status().isNoContent());
        send("student", get("/api/v1/studios/" + id), null).andExpect(jsonPath("$.members.length()").value(2));
        send("admin", delete("/api/v1/studios/" + id + "/members/studio"), null).andExpect(status().isNoContent());
        send("admin", delete("/api/v1/studios/" + id + "/members/counsellor"), null).andExpect(status().isConflict());
        send("student", get("/api/v1/studios/" + id), null).andExpect(jsonPath("$.members.length()").value(1));
    }

    @Test
    void anEditNeedsTheVersionLastRead() throws Exception {
        long id = create("测试API·版本");
        send("admin", put("/api/v1/studios/" + id).header("If-Match", "\"0\""), body("测试API·版本改", "CAREER", "headteacher"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.type").value("CAREER"));
        send("admin", put("/api/v1/studios/" + id).header("If-Match", "\"0\""), body("测试API·版本旧", "CAREER", "headteacher"))
                .andExpect(status().isConflict());
        send("student", get("/api/v1/studios/" + id), null).andExpect(jsonPath("$.name").value("测试API·版本改"));
    }

    @Test
    void aDeactivatedStudioIsGoneForEveryoneButAdministrators() throws Exception {
        long id = create("测试API·停用");
        send("admin", delete("/api/v1/studios/" + id), null).andExpect(status().isNoContent());
        send("student", get("/api/v1/studios/" + id), null).andExpect(status().isNotFound());
        send("student", get("/api/v1/studios"), null).andExpect(jsonPath("$[*].id").value(not(hasItem((int) id))));
        send("admin", get("/api/v1/studios/" + id), null).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        send("admin", post("/api/v1/studios/" + id + "/reactivate"), null).andExpect(status().isNoContent());
        send("student", get("/api/v1/studios/" + id), null).andExpect(status().isOk());
    }

    @Test
    void nobodyButAdministratorsChangesStudios() throws Exception {
        long id = create("测试API·越权");
        int before = jdbc.queryForObject("SELECT count(*) FROM studio", Integer.class);
        for (String who : new String[] {"student", "studio", "counsellor", "leader"}) {
            send(who, post("/api/v1/studios"), body("测试API·越权新" + who, "CAREER", "counsellor")).andExpect(status().isNotFound());
            send(who, put("/api/v1/studios/" + id), body("测试API·越权改", "CAREER", "counsellor")).andExpect(status().isNotFound());
            send(who, delete("/api/v1/studios/" + id), null).andExpect(status().isNotFound());
            send(who, post("/api/v1/studios/" + id + "/reactivate"), null).andExpect(status().isNotFound());
            send(who, post("/api/v1/studios/" + id + "/members"), "{\"username\":\"studio\"}").andExpect(status().isNotFound());
            send(who, delete("/api/v1/studios/" + id + "/members/counsellor"), null).andExpect(status().isNotFound());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM studio", Integer.class)).isEqualTo(before);
        send("student", get("/api/v1/studios/" + id), null).andExpect(jsonPath("$.name").value("测试API·越权"))
                .andExpect(jsonPath("$.members.length()").value(1));
    }

    @Test
    void badInputIsAFieldErrorAndWritesNothing() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM studio", Integer.class);
        send("admin", post("/api/v1/studios"), """
                {"name":"","type":"COUNSELLOR","buildingId":999999,"venue":"","leaderUsername":"student","services":"",
                 "openingHours":""}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("name", "buildingId", "venue",
                        "leaderUsername", "services", "openingHours")));
        send("admin", post("/api/v1/studios"), body("测试API·坏类型", "SPACESHIP", "counsellor"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        send("admin", post("/api/v1/studios"), "{\"name\":\"x\",\"buildingId\":\"一号楼\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("buildingId"));
        send("admin", post("/api/v1/studios"), "{not json").andExpect(status().isBadRequest());
        send("student", get("/api/v1/studios?type=SPACESHIP"), null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        send("student", get("/api/v1/studios/abc"), null).andExpect(status().isBadRequest());
        send("student", get("/api/v1/studios/99999999"), null).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM studio", Integer.class)).isEqualTo(before);
    }

    @Test
    void theOpenApiDocumentDescribesEveryStudioAndProjectEndpoint() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.Map<String, Object> paths = com.jayway.jsonpath.JsonPath.read(docs, "$.paths");
        assertThat(paths).containsKeys("/api/v1/studios", "/api/v1/studios/{id}", "/api/v1/studios/{id}/members",
                "/api/v1/studios/{id}/members/{username}", "/api/v1/studios/{id}/reactivate", "/api/v1/projects",
                "/api/v1/projects/{id}", "/api/v1/projects/{id}/milestones", "/api/v1/projects/{id}/milestones/{milestoneId}",
                "/api/v1/projects/{id}/milestones/{milestoneId}/done");
    }
}
