package org.shouwang.governance.web;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.governance.PublicationFixtures;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Documents and honours over the REST API: everyone reads what is published; editors write; others get 404. */
@IntegrationTest
class PublicationsApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired java.time.Clock clock;

    ResultActions send(String who, MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(users.as(who)).with(csrf()));
    }

    static long idOf(ResultActions created) {
        String location = created.andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void studentAffairsCreatesDraftsAndPublishesADocumentAndStudentsReadOnlyWhatIsPublished() throws Exception {
        String pdf = Base64.getEncoder().encodeToString(PublicationFixtures.pdf());
        long id = idOf(send("affairs", post("/api/v1/documents"), """
                {"title":"测试API·社区值班制度","kind":"RULES","departmentId":null,"text":"# 值班\\n- 每晚一人","format":"MARKDOWN",
                 "changeNote":"首次","fileName":"制度.pdf","file":"%s"}""".formatted(pdf))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.latest").doesNotExist())
                .andExpect(jsonPath("$.draft.number").value(1)));

        send("student", get("/api/v1/documents/" + id), null).andExpect(status().isNotFound());
        send("student", get("/api/v1/documents/" + id + "/versions/1"), null).andExpect(status().isNotFound());
        send("student", post("/api/v1/documents/" + id + "/draft/publish"), null).andExpect(status().isNotFound());
        send("counsellor", put("/api/v1/documents/" + id + "/draft"), "{\"text\":\"改\"}").andExpect(status().isNotFound());

        send("leader", post("/api/v1/documents/" + id + "/draft/publish"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.publishedOn").value(CampusTime.today(clock).toString()))
                .andExpect(jsonPath("$.html").value("<h3>值班</h3>\n<ul>\n<li>每晚一人</li>\n</ul>\n"));
        send("affairs", put("/api/v1/documents/" + id + "/draft"), "{\"text\":\"# 值班\\n- 每晚两人\",\"changeNote\":\"加人\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value(2)).andExpect(jsonPath("$.published").value(false));

        send("student", get("/api/v1/documents/" + id), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.latest.number").value(1))
                .andExpect(jsonPath("$.draft").doesNotExist())
                .andExpect(jsonPath("$.history.length()").value(1));
        send("student", get("/api/v1/documents/" + id + "/versions/2"), null).andExpect(status().isNotFound());
        send("student", get("/api/v1/documents/" + id + "/versions/1/file"), null).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes(PublicationFixtures.pdf()));
        send("student", get("/api/v1/documents?kind=RULES"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.documents[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$.responsibilityList.link").value("/responsibilities"));

        send("affairs", delete("/api/v1/documents/" + id + "/draft"), null).andExpect(status().isNoContent());
        send("affairs", delete("/api/v1/documents/" + id + "/draft"), null).andExpect(status().isConflict());
    }

    @Test
    void badDocumentsAreFieldErrorsAndNothingIsWritten() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM document", Long.class);
        String exe = Base64.getEncoder().encodeToString(PublicationFixtures.exe());
        send("admin", post("/api/v1/documents"), """
                {"title":"","kind":"RULES","text":"x","fileName":"a.exe","file":"%s"}""".formatted(exe))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("file")));
        send("admin", post("/api/v1/documents"), "{\"title\":\"x\",\"kind\":\"NOPE\",\"text\":\"x\"}").andExpect(status().isBadRequest());
        send("student", post("/api/v1/documents"), "{\"title\":\"x\",\"kind\":\"RULES\",\"text\":\"x\"}").andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document", Long.class)).isEqualTo(before);
    }

    @Test
    void studentAffairsRecordsAnHonourWithEvidenceAndStudentsSeeItAndItsCounts() throws Exception {
        String png = Base64.getEncoder().encodeToString(PublicationFixtures.png());
        String today = CampusTime.today(clock).toString();
        long id = idOf(send("affairs", post("/api/v1/honours"), """
                {"title":"测试API·市级优秀志愿服务集体","awardingBody":"市文明办","level":"MUNICIPAL","awardedOn":"%s",
                 "holderKind":"UNIVERSITY","holderText":"守望学生社区志愿服务队","evidenceName":"证书.png","evidence":"%s"}"""
                .formatted(today, png))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.holderName").value("守望学生社区志愿服务队"))
                .andExpect(jsonPath("$.evidenceType").value("image/png")));

        send("student", get("/api/v1/honours/" + id), null).andExpect(status().isOk()).andExpect(jsonPath("$.mayEdit").value(false));
        send("student", get("/api/v1/honours/" + id + "/evidence"), null).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        send("student", get("/api/v1/honours?level=MUNICIPAL&holderKind=UNIVERSITY&year=" + today.substring(0, 4)), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.honours[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$.counts.byLevel.MUNICIPAL").isNumber());
        send("student", get("/api/v1/honours?level=NATIONAL"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.honours[*].id", not(hasItem((int) id))));

        send("student", put("/api/v1/honours/" + id), "{\"title\":\"x\"}").andExpect(status().isNotFound());
        send("counsellor", delete("/api/v1/honours/" + id), null).andExpect(status().isNotFound());
        send("student", post("/api/v1/honours"), "{\"title\":\"x\"}").andExpect(status().isNotFound());
        send("admin", delete("/api/v1/honours/" + id), null).andExpect(status().isNoContent());
        send("student", get("/api/v1/honours/" + id), null).andExpect(status().isNotFound());
    }

    @Test
    void badHonoursAreTranslatedFieldErrorsAndNothingIsWritten() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM honour", Long.class);
        String tomorrow = CampusTime.today(clock).plusDays(1).toString();
        send("affairs", post("/api/v1/honours"), """
                {"title":" ","awardingBody":"市文明办","level":"MUNICIPAL","awardedOn":"%s","holderKind":"STUDIO","holderId":987654}"""
                .formatted(tomorrow))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value(anyOf(hasItem("Required."), hasItem("必填。"))))
                .andExpect(jsonPath("$.errors[?(@.field=='awardedOn')].message").value(
                        anyOf(hasItem("An honour cannot be awarded in the future."), hasItem("获奖日期不能晚于今天。"))))
                .andExpect(jsonPath("$.errors[?(@.field=='holderId')].message").value(
                        anyOf(hasItem("Choose a holder that exists."), hasItem("请选择存在的获得者。"))));
        send("affairs", post("/api/v1/honours"), "{\"title\":\"x\",\"level\":\"GALACTIC\"}").andExpect(status().isBadRequest());
        send("affairs", post("/api/v1/honours"), "{\"title\":\"x\",\"awardedOn\":\"2026-02-30\"}").andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM honour", Long.class)).isEqualTo(before);
    }
}
