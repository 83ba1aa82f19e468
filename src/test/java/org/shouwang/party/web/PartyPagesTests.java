package org.shouwang.party.web;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.party.PartyFixtures;
import org.shouwang.party.PartyMemberDraft;
import org.shouwang.party.PartyMemberStatus;
import org.shouwang.party.PartyMembers;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PartyPagesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired PartyFixtures fixtures;
    @Autowired PartyMembers members;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void theTreeShowsSecretariesAndCountsToEveryoneAndTheRosterOnlyToPartyRoles() throws Exception {
        long branch = fixtures.branch("页面", "party");
        String number = fixtures.freeStudent();
        String name = jdbc.queryForObject("SELECT name FROM student WHERE student_number = ?", String.class, number);
        LocalDate today = CampusTime.today(clock);
        long id = members.add(users.viewer("party"), branch, new PartyMemberDraft(number, PartyMemberStatus.ACTIVIST,
                today.minusDays(300), today.minusDays(30), null, null));

        mvc.perform(get("/party").with(users.as("student")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("中共守望大学委员会"), containsString("学生社区党工委"),
                        containsString("学生社区第一党支部"), containsString("积极分子 1"), not(containsString("id=\"party-new\"")))));
        for (String outsider : new String[] {"counsellor", "student", "headteacher"}) {
            mvc.perform(get("/party/" + branch).with(users.as(outsider)).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("members-hidden"), not(containsString(name)),
                            not(containsString("member-form")))));
            mvc.perform(get("/party/members/" + id).with(users.as(outsider))).andExpect(status().isNotFound());
            mvc.perform(post("/party/" + branch + "/members").with(users.as(outsider)).with(csrf()).param("number", fixtures.freeStudent())
                    .param("status", "APPLICANT").param("appliedOn", today.toString())).andExpect(status().isNotFound());
        }
        mvc.perform(get("/party/" + branch).with(users.as("party-02")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString(name), not(containsString("member-form")))));
        mvc.perform(get("/party/" + branch).with(users.as("party")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString(name), containsString("member-form"))));
        mvc.perform(get("/party/members/" + id).with(users.as(number)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("入党积极分子"), not(containsString("status-form")))));
        mvc.perform(get("/party/me").with(users.as(number)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("入党积极分子"), containsString("me-status"))));
    }

    @Test
    void aBadMemberShowsTranslatedErrorsBesideTheFieldsAndWritesNothing() throws Exception {
        long branch = fixtures.branch("页面校验", "party");
        int before = jdbc.queryForObject("SELECT count(*) FROM party_member", Integer.class);
        LocalDate today = CampusTime.today(clock);
        mvc.perform(post("/party/" + branch + "/members").with(users.as("party")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("number", "0000000000").param("status", "FULL").param("probationaryOn", today.minusMonths(3).toString())
                        .param("fullOn", today.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("number-error"), containsString("没有学号或工号为 0000000000 的人员"),
                        containsString("fullOn-error"), containsString("预备期满一年方可转正"))));
        mvc.perform(post("/party/" + branch + "/members").with(users.as("party")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("number", fixtures.freeStudent()).param("status", "WHATEVER").param("appliedOn", "someday"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("status-error"), containsString("appliedOn-error"))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM party_member", Integer.class)).isEqualTo(before);

        mvc.perform(post("/party/" + branch + "/members").with(users.as("party")).with(csrf())
                        .param("number", fixtures.freeStudent()).param("status", "APPLICANT").param("appliedOn", today.toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/party/" + branch + "#member-*"));
    }

    @Test
    void administratorsCreateAndEditOrganisationsOnTheForm() throws Exception {
        mvc.perform(get("/party/new").with(users.as("party"))).andExpect(status().isNotFound());
        mvc.perform(get("/party/new").with(users.as("admin"))).andExpect(status().isOk());
        mvc.perform(post("/party").with(users.as("admin")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("name", "").param("kind", "BRANCH").param("secretaryUsername", "nobody-here"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name-error"), containsString("secretaryUsername-error"))));
        mvc.perform(post("/party").with(users.as("admin")).with(csrf()).param("name", "页面新建党支部").param("kind", "BRANCH")
                        .param("parentId", String.valueOf(fixtures.workingCommittee())).param("functional", "true")
                        .param("secretaryUsername", "party"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT id FROM party_organisation WHERE name = '页面新建党支部'", Long.class);
        mvc.perform(get("/party/" + id + "/edit").with(users.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"party\"")));
        mvc.perform(post("/party/" + id + "/committee").with(users.as("party")).with(csrf()).param("username", "party-03")
                .param("position", "PROPAGANDA")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/party/" + id + "/committee").with(users.as("party-02")).with(csrf()).param("username", "party-03")
                .param("position", "PROPAGANDA")).andExpect(status().isNotFound());
    }
}
