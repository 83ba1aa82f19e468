package org.shouwang.community.web;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.community.OrganisationFixtures;
import org.shouwang.community.Organisations;
import org.shouwang.community.Position;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class OrganisationsApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired OrganisationFixtures fixtures;
    @Autowired Organisations organisations;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body, String as) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", "en")
                .with(users.as(as)).with(csrf());
    }

    @Test
    void anAdministratorFoundsAnOrganisationAndTheAdvisorAppointsMovesAndEndsMembers() throws Exception {
        String name = fixtures.uniqueName("接口社");
        String location = mvc.perform(json(post("/api/v1/organisations"), """
                        {"name":"%s","kind":"CLUB","advisorUsername":"headteacher","description":"接口测试","foundedOn":"2021-09-01"}"""
                        .formatted(name), "admin"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String number = fixtures.anotherStudent(31);
        String member = mvc.perform(json(post("/api/v1/organisations/" + id + "/members"), """
                        {"studentNumber":"%s","position":"MEMBER","termStart":"%s"}"""
                        .formatted(number, CampusTime.today(clock).minusMonths(3)), "headteacher"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber())
                .andReturn().getResponse().getContentAsString();
        long memberId = Long.parseLong(member.replaceAll("\\D", ""));

        String moved = mvc.perform(json(post("/api/v1/organisations/" + id + "/members/" + memberId + "/position"),
                        "{\"position\":\"VICE_PRESIDENT\"}", "headteacher"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long newTerm = Long.parseLong(moved.replaceAll("\\D", ""));

        mvc.perform(get("/api/v1/organisations/" + id).with(users.as("headteacher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.members[0].position").value("VICE_PRESIDENT"))
                .andExpect(jsonPath("$.members[0].studentNumber").value(number))
                .andExpect(jsonPath("$.pastMembers[0].position").value("MEMBER"))
                .andExpect(jsonPath("$.moves.manageMembers").value(true));
        mvc.perform(get("/api/v1/organisations/" + id).with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].studentNumber").value(nullValue()))
                .andExpect(jsonPath("$.pastMembers", hasSize(0)));

        mvc.perform(json(post("/api/v1/organisations/" + id + "/members/" + newTerm + "/end"),
                        "{\"termEnd\":\"" + CampusTime.today(clock).minusDays(2) + "\"}", "headteacher"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("termEnd"));
        mvc.perform(json(post("/api/v1/organisations/" + id + "/members/" + newTerm + "/end"), "{}", "headteacher"))
                .andExpect(status().isNoContent());
        mvc.perform(json(post("/api/v1/organisations/" + id + "/members/" + memberId + "/end"), "{}", "headteacher"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/organisations").with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisations[*].name", hasItem(name)))
                .andExpect(jsonPath("$.mine[*].name", hasItem("书画社")));
        mvc.perform(get("/api/v1/organisations/" + id + "/activities").with(users.as("student")))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void badValuesAreFieldErrorsAndNothingIsWritten() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM student_organisation", Integer.class);
        mvc.perform(json(post("/api/v1/organisations"), """
                        {"name":"","kind":"SECRET_SOCIETY","advisorUsername":"headteacher","foundedOn":"2021-13-45"}""", "admin"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "kind", "foundedOn")));
        mvc.perform(json(post("/api/v1/organisations"), """
                        {"name":"好社","kind":"CLUB","advisorUsername":"student"}""", "admin"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("advisorUsername"))
                .andExpect(jsonPath("$.errors[0].message").value("No enabled staff account named student."));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("SELECT count(*) FROM student_organisation", Integer.class))
                .isEqualTo(before);

        long id = fixtures.club("坏值社", "headteacher");
        mvc.perform(json(post("/api/v1/organisations/" + id + "/members"), """
                        {"studentNumber":"%s","position":"EMPEROR","termStart":"yesterday"}""".formatted(fixtures.anotherStudent(32)),
                        "headteacher"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("position", "termStart")));
        mvc.perform(json(post("/api/v1/organisations/" + id + "/members"), "{\"studentNumber\":\"NO-SUCH\",\"position\":\"MEMBER\"}",
                        "headteacher"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("No student with number NO-SUCH."));
        org.assertj.core.api.Assertions.assertThat(organisations.organisation(id).members()).isEmpty();
    }

    @Test
    void studentsCounsellorsAndOtherAdvisorsAreAnsweredNotFound() throws Exception {
        long id = fixtures.club("拒绝社", "headteacher");
        long member = organisations.appoint(users.viewer("admin"), id, fixtures.anotherStudent(33), Position.MEMBER, null, null);
        String body = "{\"name\":\"改名\",\"kind\":\"CLUB\",\"advisorUsername\":\"counsellor\"}";
        for (String someone : new String[] {"student", "counsellor", "headteacher"}) {
            mvc.perform(json(put("/api/v1/organisations/" + id), body, someone)).andExpect(status().isNotFound());
            mvc.perform(json(post("/api/v1/organisations"), body, someone)).andExpect(status().isNotFound());
            mvc.perform(json(post("/api/v1/organisations/" + id + "/deactivate"), "{}", someone)).andExpect(status().isNotFound());
        }
        for (String someone : new String[] {"student", "counsellor", "manager", "inspector"}) {
            mvc.perform(json(post("/api/v1/organisations/" + id + "/members"),
                    "{\"studentNumber\":\"x\",\"position\":\"BAD\"}", someone)).andExpect(status().isNotFound());
            mvc.perform(json(post("/api/v1/organisations/" + id + "/members/" + member + "/end"), "{}", someone))
                    .andExpect(status().isNotFound());
            mvc.perform(json(post("/api/v1/organisations/" + id + "/members/" + member + "/position"),
                    "{\"position\":\"PRESIDENT\"}", someone)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/organisations/99999999").with(users.as("admin"))).andExpect(status().isNotFound());
        mvc.perform(json(put("/api/v1/organisations/" + id), """
                        {"name":"%s","kind":"CLUB","advisorUsername":"headteacher","version":99}""".formatted(fixtures.uniqueName("版本社")),
                        "admin"))
                .andExpect(status().isConflict());
    }
}
