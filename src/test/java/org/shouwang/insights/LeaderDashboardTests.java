package org.shouwang.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The leader dashboard on a small set of requests in August 2032 (a month no demo data or other test
 * reaches): every request figure equals a direct count, small sensitive groups show as "&lt;5", and
 * only leaders, admins and student affairs see it.
 */
@IntegrationTest
class LeaderDashboardTests {

    static final LocalDate FROM = LocalDate.of(2032, 8, 1);
    static final LocalDate TO = LocalDate.of(2032, 8, 31);

    @Autowired LeaderDashboard dashboard;
    @Autowired Tickets tickets;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    private static boolean created;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void createRequests() {
        if (created) {
            return;
        }
        Viewer student = users.viewer("student");
        clock.fix(Instant.parse("2032-08-12T02:00:00Z"));
        for (int i = 0; i < 3; i++) {
            submit(student, Category.REPAIRS, Category.Subcategory.WATER, "水龙头漏水 DASH-TEST " + i);
        }
        for (int i = 0; i < 2; i++) {
            submit(student, Category.PSYCHOLOGY, null, "想找老师聊聊 DASH-TEST " + i);
        }
        for (int i = 0; i < 5; i++) {
            submit(student, Category.LEGAL, null, "租房合同纠纷 DASH-TEST " + i);
        }
        clock.reset();
        created = true;
    }

    private void submit(Viewer student, Category category, Category.Subcategory sub, String text) {
        tickets.submit(student, new Tickets.Submission(category, sub, false, text, null, null), List.of());
    }

    private long count(String where, Object... args) {
        Object[] params = new Object[args.length + 2];
        params[0] = Timestamps.of(FROM.atStartOfDay(org.shouwang.shared.CampusTime.ZONE).toInstant());
        params[1] = Timestamps.of(TO.plusDays(1).atStartOfDay(org.shouwang.shared.CampusTime.ZONE).toInstant());
        System.arraycopy(args, 0, params, 2, args.length);
        return jdbc.queryForObject("SELECT count(*) FROM ticket WHERE submitted_at >= ? AND submitted_at < ? "
                + "AND state <> 'WITHDRAWN'" + where, Long.class, params);
    }

    @Test
    void everyRequestFigureEqualsADirectCountAndSmallSensitiveGroupsShowAsFewerThanFive() {
        createRequests();
        LeaderDashboard.Dashboard d = dashboard.dashboard(users.viewer("leader"), FROM, TO);

        assertThat(d.total().requests()).isEqualTo(count("")).isEqualTo(10);
        assertThat(d.trend()).hasSize(1);
        assertThat(d.trend().get(0).key()).isEqualTo("2032-08");
        assertThat(d.trend().get(0).figures().requests()).isEqualTo(count(""));
        Map<String, LeaderDashboard.Cell> byCategory = d.byCategory().stream()
                .collect(Collectors.toMap(LeaderDashboard.Cell::key, c -> c));
        assertThat(byCategory.get("LEGAL").requests()).isEqualTo(count(" AND category = ?", "LEGAL")).isEqualTo(5);
        assertThat(byCategory.get("PSYCHOLOGY").suppressed()).isTrue();
        assertThat(byCategory.get("PSYCHOLOGY").withheld()).isFalse();
        assertThat(byCategory.get("PSYCHOLOGY").requests()).isNull();
        // Psychology is the only "<5": the smallest other group (three repairs) is withheld, so that the total minus
        // the numbers shown does not tell how many psychology requests there were.
        assertThat(count(" AND category = ?", "REPAIRS")).isEqualTo(3);
        assertThat(byCategory.get("REPAIRS").withheld()).isTrue();
        assertThat(byCategory.get("REPAIRS").requests()).isNull();
        assertThat(d.byCollege().stream().mapToLong(LeaderDashboard.Cell::requests).sum()).isEqualTo(count(""));
        assertThat(d.byBuilding().stream().mapToLong(LeaderDashboard.Cell::requests).sum()).isEqualTo(count(""));
    }

    @Test
    void theApiAndPageShowTheSameFiguresAndNeverTheSmallNumber() throws Exception {
        createRequests();
        mvc.perform(get("/api/v1/insights/leader").param("from", FROM.toString()).param("to", TO.toString())
                        .with(users.as("affairs")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.requests").value(10))
                .andExpect(jsonPath("$.byCategory[?(@.key == 'PSYCHOLOGY')].suppressed").value(true))
                .andExpect(jsonPath("$.byCategory[?(@.key == 'REPAIRS')].withheld").value(true));
        mvc.perform(get("/insights").param("from", FROM.toString()).param("to", TO.toString()).with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*data-key=\"PSYCHOLOGY\">\\s*<a[^>]*>[^<]* &lt;5</a>.*")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*data-key=\"REPAIRS\">\\s*<a[^>]*>[^<]* —</a>.*")));
    }

    @Test
    void todaysCountsEqualDirectCountsAndLinkToTheirLists() throws Exception {
        LeaderDashboard.Counts c = dashboard.counts(users.viewer("affairs"));
        assertThat(c.studios()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM studio WHERE active", Integer.class));
        assertThat(c.projects()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM project", Integer.class));
        assertThat(c.overdueProjects()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM project p WHERE EXISTS (SELECT 1 "
                + "FROM project_milestone m WHERE m.project_id = p.id AND m.done_on IS NULL AND m.due_on < ?)", Integer.class,
                org.shouwang.shared.CampusTime.today(clock)));
        assertThat(c.partners()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM partner WHERE active", Integer.class));
        assertThat(c.mentors()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM mentor WHERE active", Integer.class));
        assertThat(c.functionalBranches()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM party_organisation WHERE active AND functional AND kind = 'BRANCH'", Integer.class));
        assertThat(c.branchMembers()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM party_member m JOIN party_organisation o "
                + "ON o.id = m.organisation_id WHERE m.active AND o.active AND o.functional AND o.kind = 'BRANCH' "
                + "AND m.status IN ('FULL', 'PROBATIONARY')", Integer.class));
        assertThat(c.frontLine()).isNotEmpty();
        mvc.perform(get("/insights").with(users.as("affairs")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/projects?overdue=true")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/requests?category=")));
        mvc.perform(get("/api/v1/insights/leader/counts").with(users.as("leader")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.studios").value(c.studios()));
    }

    @Test
    void activityFiguresEqualADirectCountOfPublishedActivitiesOfThePeriod() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2033, 12, 31);
        LeaderDashboard.Dashboard d = dashboard.dashboard(users.viewer("admin"), from, to);
        Object[] range = {Timestamps.of(from.atStartOfDay(org.shouwang.shared.CampusTime.ZONE).toInstant()),
                Timestamps.of(to.plusDays(1).atStartOfDay(org.shouwang.shared.CampusTime.ZONE).toInstant())};
        String published = " a.state = 'PUBLISHED' AND a.starts_at >= ? AND a.starts_at < ?";
        assertThat(d.activitiesByType().total().activities())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM activity a WHERE" + published, Long.class, range));
        for (var row : d.activitiesByType().rows()) {
            assertThat(row.activities()).as(row.key()).isEqualTo(jdbc.queryForObject(
                    "SELECT count(*) FROM activity a WHERE a.type = ? AND" + published, Long.class, row.key(), range[0], range[1]));
        }
        for (var row : d.activitiesByEducation().rows()) {
            assertThat(row.activities()).as(row.key()).isEqualTo(jdbc.queryForObject("SELECT count(DISTINCT a.id) FROM activity a "
                    + "JOIN activity_education e ON e.activity_id = a.id WHERE e.education = ? AND" + published, Long.class,
                    row.key(), range[0], range[1]));
        }
        assertThat(d.total().requests()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM ticket WHERE state <> 'WITHDRAWN' "
                + "AND submitted_at >= ? AND submitted_at < ?", Long.class, range));
    }

    @Test
    void badDatesAreAFieldErrorNeverA500() throws Exception {
        mvc.perform(get("/api/v1/insights/leader").param("from", "2032-09-01").param("to", "2032-08-01").with(users.as("leader")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/insights/leader").param("from", "kein-datum").with(users.as("leader")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/insights").param("from", "2032-09-01").param("to", "2032-08-01").with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("insights-error")));
    }

    @Test
    void aCounsellorAndAStudentAreRefusedOnThePageAndTheApi() throws Exception {
        for (String user : List.of("counsellor", "student")) {
            mvc.perform(get("/insights").with(users.as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/leader").with(users.as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/leader/counts").with(users.as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/insights/cockpit").with(users.as(user))).andExpect(status().isNotFound());
            assertThatThrownBy(() -> dashboard.dashboard(users.viewer(user), null, null)).isInstanceOf(NotFoundException.class);
        }
        mvc.perform(get("/insights").with(users.as("admin"))).andExpect(status().isOk());
    }

    /**
     * The default period is kept for a while (four seconds in tests, a minute in production): a
     * request submitted meanwhile shows once the copy is renewed, never later than that.
     */
    @Test
    void theDefaultPeriodIsKeptForAWhileThenShowsNewRequests() throws Exception {
        clock.fix(Instant.parse("2032-11-20T02:00:00Z"));
        long before = dashboard.dashboard(users.viewer("leader"), null, null).total().requests();
        submit(users.viewer("student"), Category.DORM_LIFE, null, "宿舍门禁卡失灵 CACHE-TEST");
        assertThat(dashboard.dashboard(users.viewer("affairs"), null, null).total().requests()).as("kept").isEqualTo(before);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        long now = before;
        while (now == before && System.nanoTime() < deadline) {
            Thread.sleep(250);
            now = dashboard.dashboard(users.viewer("leader"), null, null).total().requests();
        }
        assertThat(now).as("renewed").isEqualTo(before + 1);
        // A period with dates is never kept.
        assertThat(dashboard.dashboard(users.viewer("leader"), LocalDate.of(2032, 11, 1), LocalDate.of(2032, 11, 30))
                .total().requests()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM ticket WHERE submitted_at >= ? AND submitted_at < ? AND state <> 'WITHDRAWN'", Long.class,
                Timestamps.of(Instant.parse("2032-10-31T16:00:00Z")), Timestamps.of(Instant.parse("2032-11-30T16:00:00Z"))));
    }

    @Test
    void theCockpitShowsTheLastTwelveMonthsAndRefreshesWithinBounds() throws Exception {
        mvc.perform(get("/insights/cockpit").with(users.as("leader"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("refreshSeconds: 30")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"cockpit-trend\"")));
        mvc.perform(get("/insights/cockpit?refresh=1").with(users.as("affairs")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("refreshSeconds: 5")));
        mvc.perform(get("/insights/cockpit?refresh=soon").with(users.as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("refreshSeconds: 30")));
    }
}
