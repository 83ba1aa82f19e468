package org.shouwang.party.web;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
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

/** The partner and mentor pages: public parts for everyone signed in, forms for student affairs and administrators. */
@IntegrationTest
class PartnerPagesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    long partnerId(String name) {
        return jdbc.queryForObject("SELECT id FROM partner WHERE name = ?", Long.class, name);
    }

    @Test
    void aStudentSeesAPartnersStudiosAndActivitiesButNoPhoneAndNoForms() throws Exception {
        long id = partnerId("市红十字会");
        String phone = jdbc.queryForObject("SELECT phone FROM partner_contact WHERE partner_id = ? AND position = 0", String.class, id);
        mvc.perform(get("/partners/" + id).with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("救在身边急救工作室"), containsString("AED 与心肺复苏实操培训"),
                        not(containsString(phone)), not(containsString("id=\"edit-partner\"")))));
        mvc.perform(get("/partners/" + id).with(users.as("affairs"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(phone), containsString("id=\"edit-partner\""))));
        mvc.perform(get("/partners?kind=POLICE").with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("湖塘派出所"), not(containsString("市第一人民医院")))));
        mvc.perform(get("/partners/new").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/partners/" + id + "/edit").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(post("/partners/" + id + "/end").with(users.as("counsellor")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/partners?ended=true").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void studentAffairsAddsAPartnerThroughTheFormAndABadOneShowsEachProblemBesideItsField() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM partner", Integer.class);
        mvc.perform(post("/partners").with(users.as("affairs")).with(csrf())
                        .param("name", "测试页·坏").param("kind", "NOPE").param("address", "").param("purpose", "x")
                        .param("agreementSignedOn", "2025-02-30").param("c0Name", "甲").param("c0Role", "乙").param("c0Phone", "123"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"kind-error\""), containsString("id=\"agreementSignedOn-error\""))));
        mvc.perform(post("/partners").with(users.as("affairs")).with(csrf())
                        .param("name", "测试页·坏").param("kind", "SCHOOL").param("address", "").param("purpose", "x")
                        .param("c0Name", "甲").param("c0Role", "乙").param("c0Phone", "123"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"address-error\""), containsString("id=\"c0Phone-error\""))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM partner", Integer.class)).isEqualTo(before);

        mvc.perform(post("/partners").with(users.as("affairs")).with(csrf())
                        .param("name", "测试页·实验小学").param("kind", "SCHOOL").param("address", "常州市 3 号").param("purpose", "支教")
                        .param("agreementSignedOn", "2025-02-01").param("agreementEndsOn", "2027-02-01")
                        .param("c0Name", "吴校长").param("c0Role", "副校长").param("c0Phone", "13812340000"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/partners/*"));
        long id = partnerId("测试页·实验小学");
        mvc.perform(get("/partners/" + id + "/edit").with(users.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("13812340000")));
    }

    @Test
    void theMentorDirectoryFiltersByExpertiseAndAMentorsLogIsForStaff() throws Exception {
        mvc.perform(get("/mentors?expertise=LAW").with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-expertise=\"LAW\""), not(containsString("id=\"new-mentor\"")))));
        mvc.perform(get("/mentors?expertise=WHATEVER&q=%25").with(users.as("student"))).andExpect(status().isOk());
        long mentor = jdbc.queryForObject("SELECT MIN(m.id) FROM mentor m JOIN mentor_participation p ON p.mentor_id = m.id", Long.class);
        String phone = jdbc.queryForObject("SELECT phone FROM mentor WHERE id = ?", String.class, mentor);
        mvc.perform(get("/mentors/" + mentor).with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"mentor-totals\""), not(containsString("id=\"mentor-entries\"")),
                        not(containsString(phone)))));
        mvc.perform(get("/mentors/" + mentor).with(users.as("studio"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"mentor-entries\""), containsString("id=\"participation-form\""))));
        mvc.perform(get("/mentors/new").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/mentors/" + mentor + "/edit").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(post("/mentors/" + mentor + "/participation").with(users.as("student")).with(csrf())
                .param("on", "2025-10-10").param("kind", "TALK").param("what", "x").param("hours", "1")).andExpect(status().isNotFound());

        int before = jdbc.queryForObject("SELECT count(*) FROM mentor_participation", Integer.class);
        mvc.perform(post("/mentors/" + mentor + "/participation").with(users.as("studio")).with(csrf())
                        .param("on", "not-a-day").param("kind", "TALK").param("what", "x").param("hours", "lots"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"on-error\""), containsString("id=\"hours-error\""))));
        mvc.perform(post("/mentors/" + mentor + "/participation").with(users.as("studio")).with(csrf())
                        .param("on", "2025-10-10").param("kind", "TALK").param("what", "x").param("hours", "0.3"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"hours-error\"")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mentor_participation", Integer.class)).isEqualTo(before);
        mvc.perform(post("/mentors/" + mentor + "/participation").with(users.as("studio")).with(csrf())
                        .param("on", "2025-10-10").param("kind", "TALK").param("what", "测试页讲座").param("hours", "1.5"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mentor_participation", Integer.class)).isEqualTo(before + 1);
    }

    @Test
    void studentAffairsAddsAMentorWithExpertiseThroughTheForm() throws Exception {
        mvc.perform(post("/mentors").with(users.as("affairs")).with(csrf())
                        .param("name", "").param("affiliation", "x").param("partnerId", "abc").param("phone", "12"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"partnerId-error\"")));
        mvc.perform(post("/mentors").with(users.as("affairs")).with(csrf())
                        .param("name", "").param("affiliation", "x").param("phone", "12"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("id=\"name-error\""),
                        containsString("id=\"expertise-error\""), containsString("id=\"phone-error\""))));
        mvc.perform(post("/mentors").with(users.as("affairs")).with(csrf())
                        .param("name", "测试页导师").param("affiliation", "校友会").param("expertise", "CAREER", "ENTREPRENEURSHIP"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mentor_expertise e JOIN mentor m ON m.id = e.mentor_id WHERE m.name = ?",
                Integer.class, "测试页导师")).isEqualTo(2);
    }
}
