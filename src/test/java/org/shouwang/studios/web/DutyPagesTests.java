package org.shouwang.studios.web;

import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.Role;
import org.shouwang.studios.DutyFixtures;
import org.shouwang.studios.DutyRosters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.shouwang.studios.DutyFixtures.MONDAY_9;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DutyPagesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired DutyFixtures fx;
    @Autowired DutyRosters rosters;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void monday() {
        fx.at(MONDAY_9);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aKeeperAddsAShiftOnTheWeekGridAndSeesEveryMistakeOnItsField() throws Exception {
        String police = fx.staff("page-police", Role.POLICE_OFFICER);
        mvc.perform(post("/duty/roster").param("week", "2031-W10").with(users.as("affairs")).with(csrf())
                        .param("username", police).param("buildingId", String.valueOf(fx.firstBuilding())).param("venue", "社区警务室")
                        .param("studioId", "").param("start", "2031-03-05T18:00").param("end", "2031-03-05T21:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/duty/roster?week=2031-W10"))
                .andExpect(flash().attributeExists("success"));
        mvc.perform(get("/duty/roster").param("week", "2031-W10").with(users.as("affairs")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("值班·" + police)))
                .andExpect(content().string(containsString("id=\"week-grid\"")));
        int before = jdbc.queryForObject("SELECT count(*) FROM duty_shift", Integer.class);
        mvc.perform(post("/duty/roster").param("week", "2031-W10").with(users.as("affairs")).with(csrf())
                        .param("username", "student").param("buildingId", "abc").param("venue", "")
                        .param("studioId", "").param("start", "2031-03-05T18:00").param("end", "2031-03-06T18:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"username-error\"")))
                .andExpect(content().string(containsString("学生账号")))
                .andExpect(content().string(containsString("没有这栋楼")))
                .andExpect(content().string(containsString("最长 12 小时")));
        mvc.perform(post("/duty/roster").param("week", "2031-W10").with(users.as("affairs")).with(csrf())
                        .param("username", police).param("buildingId", String.valueOf(fx.firstBuilding())).param("venue", "x")
                        .param("studioId", "").param("start", "2031-03-05T20:00").param("end", "2031-03-05T22:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"form-error\"")))
                .andExpect(content().string(containsString("已有班次")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM duty_shift", Integer.class)).isEqualTo(before);
    }

    @Test
    void theRosterAndCoveragePagesAreNotFoundForThoseWhoDoNotKeepThem() throws Exception {
        String counsellor = fx.staff("page-counsellor", Role.COUNSELLOR);
        String police = fx.staff("page-police", Role.POLICE_OFFICER);
        // Demo accounts in no studio, and fresh staff of the roles that stand duty.
        for (String who : new String[] {"student", "manager", "leader", "handler", "buildingleader", counsellor, police}) {
            mvc.perform(get("/duty/roster").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(post("/duty/roster/copy").param("week", "2031-W11").with(users.as(who)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        for (String who : new String[] {"student", "manager", "dispatch", counsellor, police}) {
            mvc.perform(get("/duty/coverage").with(users.as(who))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/duty/mine").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/duty/coverage").param("month", "2031-03").with(users.as("leader"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"coverage-total\"")));
        mvc.perform(get("/duty/coverage").param("week", "2031-W10").with(users.as("affairs"))).andExpect(status().isOk());
    }

    @Test
    void thePersonOnDutySaysImHereOnTheirShiftsPage() throws Exception {
        String police = fx.staff("page-police", Role.POLICE_OFFICER);
        LocalDateTime start = MONDAY_9.plusHours(1);
        long shift = rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, start, start.plusHours(2)));
        fx.at(start.minusMinutes(10));
        mvc.perform(get("/duty/mine").with(users.as(police)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-shift=\"" + shift + "\"")))
                .andExpect(content().string(containsString("我已到岗")));
        mvc.perform(post("/duty/shifts/{id}/arrival", shift).with(users.as(police)).with(csrf()))
                .andExpect(redirectedUrl("/duty/mine"))
                .andExpect(flash().attributeExists("success"));
        mvc.perform(post("/duty/shifts/{id}/arrival", shift).with(users.as("manager")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/duty/mine").with(users.as(police)))
                .andExpect(content().string(not(containsString("class=\"btn btn-sw arrive\""))));
    }

    @Test
    void aStudentSeesWhoIsOnDutyNowInTheirBuilding() throws Exception {
        String police = fx.staff("page-police", Role.POLICE_OFFICER);
        LocalDateTime start = MONDAY_9.plusWeeks(40);
        rosters.plan(fx.admin(), fx.shift(police, fx.buildingOf("student"), null, start, start.plusHours(3)));
        fx.at(start.plusMinutes(30));
        mvc.perform(get("/duty").with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("值班·" + police)))
                .andExpect(content().string(containsString("社区民警")))
                .andExpect(content().string(not(containsString("id=\"tab-roster\""))));
        mvc.perform(get("/duty").param("building", "x").param("studio", "y").with(users.as("counsellor")))
                .andExpect(status().isOk());
        mvc.perform(get("/duty/roster").param("week", "garbage").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"week-error\"")));
    }
}
