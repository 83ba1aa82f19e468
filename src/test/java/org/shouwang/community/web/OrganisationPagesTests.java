package org.shouwang.community.web;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.community.OrganisationFixtures;
import org.shouwang.community.OrganisationViews;
import org.shouwang.community.Organisations;
import org.shouwang.community.Position;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class OrganisationPagesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired OrganisationFixtures fixtures;
    @Autowired Organisations organisations;
    @Autowired Clock clock;

    @Test
    void theDirectoryShowsTheOrganisationsByKindAndAStudentsOwnOnTop() throws Exception {
        mvc.perform(get("/organisations").with(users.as("student")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("我的组织"), containsString("书画社"), containsString("学生社区自律委员会"),
                        containsString("校长助理团"), containsString("退役大学生士兵协会"), containsString("自律委员会"),
                        not(containsString("id=\"organisation-new\"")))));
        mvc.perform(get("/organisations").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"organisation-new\""), not(containsString("id=\"my-organisations\"")))));
    }

    @Test
    void theOrganisationPageShowsStudentNumbersOnlyToStaffAndTheActivityLinkToItsAdvisor() throws Exception {
        long id = fixtures.club("页面社", "headteacher");
        String name = organisations.organisation(id).name();
        String number = fixtures.anotherStudent(41);
        organisations.appoint(users.viewer("admin"), id, number, Position.PRESIDENT, null, null);
        mvc.perform(get("/organisations/" + id).with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), not(containsString(number)),
                        not(containsString("appoint-form")), not(containsString("organisation-new-activity")))));
        mvc.perform(get("/organisations/" + id).with(users.as("counsellor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(number), not(containsString("appoint-form")))));
        mvc.perform(get("/organisations/" + id).with(users.as("headteacher")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("appoint-form"),
                        containsString("/activities/new?organiserKind=STUDENT_ORGANISATION&amp;organiser="),
                        not(containsString("organisation-edit")))));
    }

    @Test
    void theAdvisorAppointsOnThePageAndABadAppointmentShowsTheErrorsBesideTheFields() throws Exception {
        long id = fixtures.club("任命社", "headteacher");
        mvc.perform(post("/organisations/" + id + "/members").with(users.as("headteacher")).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("studentNumber", "NO-SUCH").param("position", "KING").param("termStart", "2026-02-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"position-error\""), containsString("id=\"termStart-error\""),
                        containsString("不是可选的值。"))));
        mvc.perform(post("/organisations/" + id + "/members").with(users.as("headteacher")).with(csrf())
                        .param("studentNumber", "NO-SUCH").param("position", "MEMBER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"studentNumber-error\"")));
        assertThat(organisations.organisation(id).members()).isEmpty();

        String number = fixtures.anotherStudent(42);
        mvc.perform(post("/organisations/" + id + "/members").with(users.as("headteacher")).with(csrf())
                        .param("studentNumber", number).param("position", "SECRETARY").param("termStart", "").param("termEnd", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/organisations/" + id));
        OrganisationViews.Member m = organisations.organisation(id).members().get(0);
        assertThat(m.position()).isEqualTo(Position.SECRETARY);

        mvc.perform(post("/organisations/" + id + "/members/" + m.id() + "/position").with(users.as("headteacher")).with(csrf())
                        .param("position", "SECRETARY").param("from", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("member-error")));
        mvc.perform(post("/organisations/" + id + "/members/" + m.id() + "/position").with(users.as("headteacher")).with(csrf())
                        .param("position", "PRESIDENT"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/organisations/" + id + "/members/" + m.id() + "/end").with(users.as("headteacher")).with(csrf())
                        .param("termEnd", "garbled"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("member-error")));
        mvc.perform(post("/organisations/" + id + "/members/" + m.id() + "/end").with(users.as("headteacher")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (String someone : new String[] {"student", "counsellor", "manager"}) {
            mvc.perform(post("/organisations/" + id + "/members").with(users.as(someone)).with(csrf())
                    .param("studentNumber", number).param("position", "MEMBER")).andExpect(status().isNotFound());
            mvc.perform(post("/organisations/" + id + "/members/" + m.id() + "/end").with(users.as(someone)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void onlyAnAdministratorCreatesEditsAndDeactivates() throws Exception {
        for (String someone : new String[] {"student", "counsellor", "affairs"}) {
            mvc.perform(get("/organisations/new").with(users.as(someone))).andExpect(status().isNotFound());
            mvc.perform(post("/organisations").with(users.as(someone)).with(csrf()).param("name", "x").param("kind", "CLUB")
                    .param("advisorUsername", "counsellor")).andExpect(status().isNotFound());
        }
        mvc.perform(post("/organisations").with(users.as("admin")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("name", "").param("kind", "GUILD").param("advisorUsername", "").param("foundedOn", "soon"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString("id=\"kind-error\""),
                        containsString("id=\"advisorUsername-error\""), containsString("id=\"foundedOn-error\""))));
        String name = fixtures.uniqueName("页面新社");
        mvc.perform(post("/organisations").with(users.as("admin")).with(csrf()).param("name", name).param("kind", "CLUB")
                        .param("advisorUsername", "headteacher").param("description", "简介").param("foundedOn", "2020-09-01"))
                .andExpect(status().is3xxRedirection());
        long id = organisations.list().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();

        for (String someone : new String[] {"student", "counsellor", "headteacher"}) {
            mvc.perform(get("/organisations/" + id + "/edit").with(users.as(someone))).andExpect(status().isNotFound());
            mvc.perform(post("/organisations/" + id).with(users.as(someone)).with(csrf()).param("name", "改").param("kind", "CLUB")
                    .param("advisorUsername", "counsellor")).andExpect(status().isNotFound());
            mvc.perform(post("/organisations/" + id + "/deactivate").with(users.as(someone)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/organisations/" + id + "/edit").with(users.as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"headteacher\"")));
        mvc.perform(post("/organisations/" + id).with(users.as("admin")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("name", name).param("kind", "OTHER").param("advisorUsername", "headteacher").param("version", "77"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("该组织已被他人修改")));
        int version = organisations.organisation(id).version();
        mvc.perform(post("/organisations/" + id).with(users.as("admin")).with(csrf()).param("name", name).param("kind", "OTHER")
                        .param("advisorUsername", "headteacher").param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/organisations/" + id + "/deactivate").with(users.as("admin")).with(csrf())
                        .param("version", String.valueOf(version + 1)))
                .andExpect(status().is3xxRedirection());
        assertThat(organisations.organisation(id).active()).isFalse();
        mvc.perform(get("/organisations/" + id).with(users.as("student"))).andExpect(status().isNotFound());
    }
}
