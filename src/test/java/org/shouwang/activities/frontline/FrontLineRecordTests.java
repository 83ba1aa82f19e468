package org.shouwang.activities.frontline;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.FrontLine;
import org.shouwang.activities.FrontLineViews;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A leader's front-line activities count on their record against the yearly target student affairs set. */
@IntegrationTest
class FrontLineRecordTests {

    @Autowired FrontLine frontLine;
    @Autowired Activities activities;
    @Autowired FrontLineFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aLeadersDinnerMeetingCountsOnTheirRecordAgainstTheTarget() throws Exception {
        Viewer leader = fixtures.leader();
        List<Viewer> students = fixtures.students(40, 3);
        long held = fixtures.held(leader, "与校长共进晚餐", 3, students, 2);
        Instant soon = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        long upcoming = fixtures.published(fixtures.meeting(ActivityType.AFTERNOON_TEA, leader, "校长下午茶", soon));
        // Neither a lecture the leader gives, nor a dinner meeting still in draft, counts on the front line.
        fixtures.published(fixtures.meeting(ActivityType.LECTURE, leader, "校长讲座", soon));
        activities.create(users.viewer("party"), fixtures.meeting(ActivityType.DINNER_MEETING, leader, "未提交的晚餐会", soon));
        int year = FrontLineFixtures.yearOf(fixtures.startsAt(held));
        boolean sameYear = FrontLineFixtures.yearOf(soon) == year;

        frontLine.setTarget(users.viewer("affairs"), leader.accountId(), year, 3);

        FrontLineViews.LeaderSummary mine = only(frontLine.summary(leader, year).leaders());
        assertThat(mine.leaderAccountId()).isEqualTo(leader.accountId());
        assertThat(mine.target()).isEqualTo(3);
        assertThat(mine.held()).isEqualTo(1);
        assertThat(mine.upcoming()).isEqualTo(sameYear ? 1 : 0);
        assertThat(mine.heldPercent()).isEqualTo(33);
        assertThat(mine.byType()).contains(new FrontLineViews.TypeCount(ActivityType.DINNER_MEETING, 1, 0));
        assertThat(mine.reached()).isFalse();

        FrontLineViews.LeaderRecord record = frontLine.record(leader, leader.accountId(), year);
        FrontLineViews.ActivityRow dinner = record.activities().stream().filter(a -> a.id() == held).findFirst().orElseThrow();
        assertThat(dinner.held()).isTrue();
        assertThat(dinner.registered()).isEqualTo(3);
        assertThat(dinner.attended()).isEqualTo(2);
        assertThat(record.activities()).extracting(FrontLineViews.ActivityRow::id)
                .containsExactlyElementsOf(sameYear ? List.of(upcoming, held) : List.of(held));

        // Student affairs sees every leader, the demo leader among them; another leader only themself.
        assertThat(frontLine.summary(users.viewer("affairs"), year).leaders()).extracting(FrontLineViews.LeaderSummary::leaderAccountId)
                .contains(leader.accountId(), users.viewer("leader").accountId());
        assertThat(frontLine.summary(users.viewer("leader"), year).leaders()).extracting(FrontLineViews.LeaderSummary::leaderAccountId)
                .containsExactly(users.viewer("leader").accountId());
        assertThatThrownBy(() -> frontLine.record(users.viewer("leader"), leader.accountId(), year)).isInstanceOf(NotFoundException.class);

        mvc.perform(get("/front-line").param("year", String.valueOf(year)).with(users.as(leader.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-leader=\"" + leader.accountId() + "\"")))
                .andExpect(content().string(containsString("data-activity=\"" + held + "\"")))
                .andExpect(content().string(containsString("与校长共进晚餐")))
                .andExpect(content().string(not(containsString("id=\"target-form\""))));
        mvc.perform(get("/front-line").param("year", String.valueOf(year)).with(users.as("affairs")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-leader=\"" + leader.accountId() + "\"")))
                .andExpect(content().string(containsString("id=\"target-form\"")));
        mvc.perform(get("/front-line/leaders/" + leader.accountId()).param("year", String.valueOf(year)).param("lang", "en")
                        .with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dinner meeting")))
                .andExpect(content().string(containsString("1 held and " + (sameYear ? 1 : 0) + " upcoming of a target of 3")));
        mvc.perform(get("/api/v1/front-line").param("year", String.valueOf(year)).with(users.as(leader.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leaders.length()").value(1))
                .andExpect(jsonPath("$.leaders[0].held").value(1))
                .andExpect(jsonPath("$.leaders[0].target").value(3));
        mvc.perform(get("/api/v1/front-line/leaders/" + leader.accountId()).param("year", String.valueOf(year))
                        .with(users.as("affairs")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activities[*].id", hasItem((int) held)));
    }

    @Test
    void aCounsellorCannotSeeTheFrontLine() throws Exception {
        long leader = users.viewer("leader").accountId();
        for (String username : List.of("counsellor", "student", "handler")) {
            mvc.perform(get("/front-line").with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/front-line/leaders/" + leader).with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/front-line").with(users.as(username))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/").with(users.as("counsellor"))).andExpect(content().string(not(containsString("data-nav=\"front-line\""))));
        mvc.perform(get("/").with(users.as("leader"))).andExpect(content().string(containsString("data-nav=\"front-line\"")));
    }

    @Test
    void badTargetsAreRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        Viewer leader = fixtures.leader();
        long counsellor = users.viewer("counsellor").accountId();
        String url = "/api/v1/front-line/leaders/{leader}/targets/{year}";

        mvc.perform(put(url, leader.accountId(), 2026).contentType(MediaType.APPLICATION_JSON).content("{\"target\": -1}")
                        .with(users.as("affairs")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("target"))
                .andExpect(jsonPath("$.errors[0].message").value("目标须在 0 到 1000 之间。"));
        mvc.perform(put(url, leader.accountId(), 1800).contentType(MediaType.APPLICATION_JSON).content("{\"target\": 10}")
                        .header("Accept-Language", "en").with(users.as("admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].message").value("The year must be between 2000 and 2100."));
        mvc.perform(put(url, counsellor, 2026).contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(users.as("affairs")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("leaderAccountId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("target")));
        mvc.perform(put(url, leader.accountId(), "20x6").contentType(MediaType.APPLICATION_JSON).content("{\"target\": 10}")
                        .with(users.as("affairs")).with(csrf()))
                .andExpect(status().isBadRequest());
        // The page shows the error beside the field.
        mvc.perform(post("/front-line/targets").param("leaderAccountId", String.valueOf(leader.accountId()))
                        .param("year", "2026").param("target", "很多").with(users.as("affairs")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"target-error-text\"")))
                .andExpect(content().string(containsString("请输入整数。")));
        mvc.perform(post("/front-line/targets").param("leaderAccountId", String.valueOf(leader.accountId()))
                        .param("year", "2026").param("target", "5000").with(users.as("affairs")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("目标须在 0 到 1000 之间。")));
        // Only student affairs and admins set targets.
        mvc.perform(put(url, leader.accountId(), 2026).contentType(MediaType.APPLICATION_JSON).content("{\"target\": 10}")
                        .with(users.as(leader.username())).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(targets(leader.accountId())).isZero();
        assertThat(targets(counsellor)).isZero();

        mvc.perform(put(url, leader.accountId(), 2026).contentType(MediaType.APPLICATION_JSON).content("{\"target\": 12}")
                        .with(users.as("affairs")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post("/front-line/targets").param("leaderAccountId", String.valueOf(leader.accountId()))
                        .param("year", "2026").param("target", "20").with(users.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT target FROM front_line_target WHERE leader_account_id = ? AND target_year = 2026",
                Integer.class, leader.accountId())).isEqualTo(20);
    }

    private long targets(long account) {
        return jdbc.queryForObject("SELECT count(*) FROM front_line_target WHERE leader_account_id = ?", Long.class, account);
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
