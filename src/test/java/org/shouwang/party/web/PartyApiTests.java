package org.shouwang.party.web;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.party.PartyFixtures;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PartyApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired PartyFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM party_member", Integer.class)
                + jdbc.queryForObject("SELECT count(*) FROM party_member_history", Integer.class);
    }

    @Test
    void everyoneSeesTheTreeWithCountsButOnlyPartyRolesSeeTheMembers() throws Exception {
        long first = jdbc.queryForObject("SELECT id FROM party_organisation WHERE name = '学生社区第一党支部'", Long.class);
        mvc.perform(get("/api/v1/party").with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].node.name", hasItem("学生社区党工委")))
                .andExpect(jsonPath("$[?(@.node.name == '学生社区第一党支部')].counts.full").exists());
        mvc.perform(get("/api/v1/party/" + first).with(users.as("counsellor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.manageable", is(false)));
        for (String outsider : new String[] {"student", "counsellor", "headteacher"}) {
            mvc.perform(get("/api/v1/party/" + first + "/members").with(users.as(outsider))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/party/" + first + "/members").with(users.as("party"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.members").isArray());
        mvc.perform(get("/api/v1/party/" + first).with(users.as("party"))).andExpect(jsonPath("$.manageable", is(true)));
    }

    @Test
    void aSecretaryKeepsTheRosterOverTheApiAndOthersAreRefused() throws Exception {
        long branch = fixtures.branch("接口", "party");
        long other = fixtures.branch("接口他支部", "party-02");
        String number = fixtures.freeStudent();
        LocalDate today = CampusTime.today(clock);
        String body = """
                {"number":"%s","status":"PROBATIONARY","appliedOn":"%s","activistOn":"%s","probationaryOn":"%s"}"""
                .formatted(number, today.minusYears(3), today.minusYears(2), today.minusYears(1).minusDays(5));

        for (String outsider : new String[] {"party-02", "counsellor", "student"}) {
            mvc.perform(post("/api/v1/party/" + branch + "/members").with(users.as(outsider)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        }
        int before = rows();
        mvc.perform(post("/api/v1/party/" + branch + "/members").with(users.as("party")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"\",\"status\":\"BOSS\",\"appliedOn\":\"yesterday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("number", "status", "appliedOn")));
        assertThat(rows()).isEqualTo(before);

        String created = mvc.perform(post("/api/v1/party/" + branch + "/members").with(users.as("party")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.member.status", is("PROBATIONARY")))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));

        mvc.perform(post("/api/v1/party/members/" + id + "/status").with(users.as("party")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"FULL\",\"on\":\"" + today.minusDays(30) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("on")));
        mvc.perform(post("/api/v1/party/members/" + id + "/status").with(users.as("party")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"FULL\",\"on\":\"" + today + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.member.status", is("FULL")));
        mvc.perform(post("/api/v1/party/members/" + id + "/status").with(users.as("party-02")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"BOSS\",\"on\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/party/members/" + id).with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/party/members/" + id).with(users.as(number))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/party/me").with(users.as(number))).andExpect(status().isOk())
                .andExpect(jsonPath("$.membership.member.status", is("FULL")));

        mvc.perform(post("/api/v1/party/members/" + id + "/transfer").with(users.as("party")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"organisationId\":\"" + other + "\",\"note\":\"转入\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.member.organisationId", is((int) other)));
        mvc.perform(get("/api/v1/party/" + branch + "/members").with(users.as("party")))
                .andExpect(jsonPath("$.transfers[0].toOrganisationId", is((int) other)));
        mvc.perform(post("/api/v1/party/members/" + id + "/leave").with(users.as("party")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"" + today + "\",\"reason\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/party/members/" + id + "/leave").with(users.as("party-02")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"" + today + "\",\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("reason")));
        mvc.perform(post("/api/v1/party/members/" + id + "/leave").with(users.as("party-02")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"" + today + "\",\"reason\":\"毕业\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.member.active", is(false)));
    }

    @Test
    void administratorsBuildTheTreeAndManagersSeatTheCommittee() throws Exception {
        long parent = fixtures.workingCommittee();
        String created = mvc.perform(post("/api/v1/party").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"接口新建党支部\",\"kind\":\"BRANCH\",\"parentId\":\"" + parent
                                + "\",\"functional\":true,\"secretaryUsername\":\"party\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("\\D", ""));
        mvc.perform(post("/api/v1/party").with(users.as("party")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"kind\":\"BRANCH\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/party").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"kind\":\"CLUB\",\"foundedOn\":\"soon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "kind", "foundedOn")));
        mvc.perform(put("/api/v1/party/" + id).with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"接口改名党支部\",\"kind\":\"BRANCH\",\"parentId\":\"" + parent
                                + "\",\"functional\":true,\"secretaryUsername\":\"party\",\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name", is("接口改名党支部")));
        mvc.perform(put("/api/v1/party/" + id).with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"接口再改党支部\",\"kind\":\"BRANCH\",\"version\":0}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/party/" + id + "/committee").with(users.as("party-02")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"party-03\",\"position\":\"MEMBER\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/party/" + id + "/committee").with(users.as("party")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"party-03\",\"position\":\"ORGANISATION\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.committee[0].position", is("ORGANISATION")));
        mvc.perform(post("/api/v1/party/" + id + "/deactivate").with(users.as("admin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk()).andExpect(jsonPath("$.active", is(false)));
    }
}
