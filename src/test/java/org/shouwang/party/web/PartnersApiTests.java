package org.shouwang.party.web;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Partners and mentors over the REST API: everyone reads the public parts; student affairs and administrators keep them. */
@IntegrationTest
class PartnersApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    static String partner(String name, String phone) {
        return """
                {"name":"%s","kind":"ENTERPRISE","address":"常州市测试路 2 号","purpose":"实习基地",
                 "agreementSignedOn":"2025-01-01","agreementEndsOn":"2028-01-01",
                 "contacts":[{"name":"吕经理","role":"人力资源","phone":"%s"}]}""".formatted(name, phone);
    }

    ResultActions send(String who, MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(users.as(who)).with(csrf()));
    }

    long created(ResultActions result) throws Exception {
        String location = result.andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void studentAffairsSetsUpAPartnerThatAStudentReadsWithoutThePhone() throws Exception {
        long id = created(send("affairs", post("/api/v1/partners"), partner("测试API·智造公司", "13966667777")));
        send("student", get("/api/v1/partners?kind=ENTERPRISE"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem((int) id)));
        send("student", get("/api/v1/partners/" + id), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.partner.purpose").value("实习基地"))
                .andExpect(jsonPath("$.partner.contacts[0].phone").value("139****7777"))
                .andExpect(jsonPath("$.partner.phonesShown").value(false))
                .andExpect(content().string(not(containsString("13966667777"))));
        send("leader", get("/api/v1/partners/" + id), null)
                .andExpect(jsonPath("$.partner.contacts[0].phone").value("13966667777"));
        send("student", get("/api/v1/partners/" + partnerId("律师事务所")), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.studios[*].name").value(hasItem("普法天平法律援助工作室")));
        send("student", get("/api/v1/partners/" + partnerId("市红十字会")), null)
                .andExpect(jsonPath("$.activities.length()").value(org.hamcrest.Matchers.greaterThan(0)));
    }

    @Test
    void anEditNeedsTheVersionLastReadAndEndingIsForStudentAffairs() throws Exception {
        long id = created(send("admin", post("/api/v1/partners"), partner("测试API·版本公司", "13811112222")));
        send("affairs", put("/api/v1/partners/" + id).header("If-Match", "\"0\""), partner("测试API·版本公司改", "13811112222"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.partner.version").value(1));
        send("affairs", put("/api/v1/partners/" + id).header("If-Match", "\"0\""), partner("测试API·版本公司再改", "13811112222"))
                .andExpect(status().isConflict());
        send("counsellor", put("/api/v1/partners/" + id), partner("测试API·不许", "13811112222")).andExpect(status().isNotFound());
        send("student", post("/api/v1/partners"), partner("测试API·学生", "13811112222")).andExpect(status().isNotFound());
        send("student", delete("/api/v1/partners/" + id), null).andExpect(status().isNotFound());
        send("affairs", delete("/api/v1/partners/" + id), null).andExpect(status().isNoContent());
        send("student", get("/api/v1/partners/" + id), null).andExpect(status().isNotFound());
        send("affairs", delete("/api/v1/partners/" + id), null).andExpect(status().isConflict());
    }

    @Test
    void badPartnerInputAnswersFieldErrorsAndWritesNothing() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM partner", Integer.class);
        send("admin", post("/api/v1/partners"), """
                {"name":"测试API·坏","kind":"ENTERPRISE","address":"路","purpose":"x","agreementSignedOn":"2025-05-01",
                 "agreementEndsOn":"2025-04-01","contacts":[{"name":"甲","role":"乙","phone":"phone"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("agreementEndsOn")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("contacts[0].phone")));
        send("admin", post("/api/v1/partners"), """
                {"name":"测试API·坏2","kind":"SPACESHIP","address":"路","purpose":"x"}""").andExpect(status().isBadRequest());
        send("admin", post("/api/v1/partners"), """
                {"name":"测试API·坏3","kind":"SCHOOL","address":"路","purpose":"x","agreementSignedOn":"2025-13-01"}""")
                .andExpect(status().isBadRequest());
        send("student", get("/api/v1/partners?kind=SPACESHIP"), null).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM partner", Integer.class)).isEqualTo(before);
    }

    @Test
    void mentorsAreBrowsedByExpertiseAndTheirParticipationIsLoggedByStudioStaff() throws Exception {
        String location = send("affairs", post("/api/v1/mentors"), """
                {"name":"测试API导师","affiliation":"市心理卫生协会","expertise":["PSYCHOLOGY","CAREER"],"title":"咨询师",
                 "bio":"十年咨询经验","phone":"0519-86881234"}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        send("student", get("/api/v1/mentors?expertise=PSYCHOLOGY&q=测试API导师"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem((int) id)));
        send("student", get("/api/v1/mentors?expertise=LAW&q=测试API导师"), null).andExpect(jsonPath("$.length()").value(0));
        send("student", get("/api/v1/mentors?expertise=ASTROLOGY"), null).andExpect(status().isBadRequest());

        send("studio", post("/api/v1/mentors/" + id + "/participation"), """
                {"on":"2025-11-02","kind":"TALK","what":"压力管理讲座","hours":1.5}""").andExpect(status().isCreated());
        send("studio", post("/api/v1/mentors/" + id + "/participation"), """
                {"on":"2025-11-03","kind":"TALK","what":"讲座","hours":30}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("hours"));
        send("studio", post("/api/v1/mentors/" + id + "/participation"), """
                {"on":"2025-11-03","kind":"TALK","what":"讲座","hours":1,"activityId":987654321}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("activityId"));
        send("student", post("/api/v1/mentors/" + id + "/participation"), """
                {"on":"2025-11-03","kind":"TALK","what":"讲座","hours":1}""").andExpect(status().isNotFound());
        send("counsellor", post("/api/v1/mentors/" + id + "/participation"), """
                {"on":"2025-11-03","kind":"TALK","what":"讲座","hours":1}""").andExpect(status().isNotFound());

        send("student", get("/api/v1/mentors/" + id), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.totals[0].year").value(2025))
                .andExpect(jsonPath("$.totals[0].hours").value(1.5))
                .andExpect(content().string(not(containsString("86881234"))));
        send("student", get("/api/v1/mentors/" + id + "/participation"), null).andExpect(status().isNotFound());
        send("counsellor", get("/api/v1/mentors/" + id + "/participation?year=2025"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].what").value("压力管理讲座"));
        send("counsellor", put("/api/v1/mentors/" + id), """
                {"name":"改名","affiliation":"x","expertise":["OTHER"]}""").andExpect(status().isNotFound());
    }

    long partnerId(String name) {
        return jdbc.queryForObject("SELECT id FROM partner WHERE name = ?", Long.class, name);
    }
}
