package org.shouwang.activities.growth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.ActivityCounts;
import org.shouwang.activities.ActivityCounts.Dimension;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.growth.GrowthFixtures.Student;
import org.shouwang.residence.Residence;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Counts on a known set: March 2015 holds only the activities made here (four published, one only
 * submitted), with activities just outside the month on both sides in the campus zone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityCountsTests {

    static final LocalDate FROM = LocalDate.of(2015, 3, 1);
    static final LocalDate TO = LocalDate.of(2015, 3, 31);

    @Autowired ActivityCounts counts;
    @Autowired GrowthFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired Residence residence;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    Student s1;
    Student s2;
    Student s3;
    long b1;
    long b2;

    @BeforeAll
    void knownSet() {
        List<Student> fresh = fixtures.freshStudents(80, null, null);
        s1 = fresh.get(0);
        s2 = fresh.stream().filter(s -> s.collegeId() == s1.collegeId() && s.id() != s1.id()).findFirst().orElseThrow();
        s3 = fresh.stream().filter(s -> s.collegeId() != s1.collegeId()).findFirst().orElseThrow();
        List<Long> buildings = new ArrayList<>(residence.buildingNames().keySet());
        b1 = buildings.get(0);
        b2 = buildings.get(1);

        fixtures.activity("求是讲堂：计数", LocalDateTime.of(2015, 3, 5, 19, 0)).series("求是讲堂").brand("守望")
                .educations(FiveEducation.MORAL, FiveEducation.INTELLECTUAL).organiser("学生工作部").building(b1)
                .hours("2.0", "0.5").attendedBy(List.of(s1, s2, s3));
        long volunteering = fixtures.activity("永助志愿：计数", LocalDateTime.of(2015, 3, 12, 9, 0)).type(ActivityType.VOLUNTEER_SERVICE)
                .brand("永助").educations(FiveEducation.LABOUR).organiser("青年志愿者协会").building(b2)
                .hours("3.0", "0.5").attendedBy(List.of(s1, s2));
        fixtures.pendingLateEntry(volunteering, s2.id());
        // 23:30 on 31 March in the campus zone: inside the month.
        fixtures.activity("社团夜跑：计数", LocalDateTime.of(2015, 3, 31, 23, 30)).type(ActivityType.CLUB_ACTIVITY)
                .educations(FiveEducation.PHYSICAL).organiser("学生工作部").hours("1.5", "0.0").attendedBy(List.of(s3));
        fixtures.activity("无人到场的讲座", LocalDateTime.of(2015, 3, 20, 19, 0)).series("求是讲堂").brand("守望")
                .educations(FiveEducation.INTELLECTUAL).organiser("学生工作部").building(b1).published();
        // Outside: 00:30 on 1 April in the campus zone (still 31 March in UTC), the day before the month, and one never approved.
        fixtures.activity("四月的讲座", LocalDateTime.of(2015, 4, 1, 0, 30)).attendedBy(List.of(s1));
        fixtures.activity("二月的讲座", LocalDateTime.of(2015, 2, 28, 23, 0)).attendedBy(List.of(s1));
        fixtures.activity("未通过审批", LocalDateTime.of(2015, 3, 15, 19, 0)).submittedOnly();
    }

    @Test
    void theFiguresOfEachDimensionAreThoseOfTheKnownSet() {
        assertThat(figures(Dimension.TYPE)).isEqualTo(Map.of(
                "LECTURE", f(2, 3, "6.0"), "VOLUNTEER_SERVICE", f(1, 1, "3.0"), "CLUB_ACTIVITY", f(1, 1, "1.5")));
        assertThat(figures(Dimension.SERIES)).isEqualTo(Map.of("求是讲堂", f(2, 3, "6.0"), "-", f(2, 2, "4.5")));
        assertThat(figures(Dimension.BRAND)).isEqualTo(Map.of("守望", f(2, 3, "6.0"), "永助", f(1, 1, "3.0"), "-", f(1, 1, "1.5")));
        assertThat(figures(Dimension.EDUCATION)).isEqualTo(Map.of("MORAL", f(1, 3, "6.0"), "INTELLECTUAL", f(2, 3, "6.0"),
                "LABOUR", f(1, 1, "3.0"), "PHYSICAL", f(1, 1, "1.5")));
        assertThat(figures(Dimension.ORGANISER)).isEqualTo(Map.of("学生工作部", f(3, 4, "7.5"), "青年志愿者协会", f(1, 1, "3.0")));
        assertThat(figures(Dimension.COLLEGE)).isEqualTo(Map.of(
                String.valueOf(s1.collegeId()), f(2, 3, "7.0"), String.valueOf(s3.collegeId()), f(2, 2, "3.5")));
        assertThat(figures(Dimension.BUILDING)).isEqualTo(Map.of(
                String.valueOf(b1), f(2, 3, "6.0"), String.valueOf(b2), f(1, 1, "3.0"), "-", f(1, 1, "1.5")));
        ActivityCounts.Row total = counts.counts(FROM, TO, Dimension.EDUCATION).total();
        assertThat(f(total.activities(), total.attendances(), total.hours().toPlainString())).isEqualTo(f(4, 5, "10.5"));
        // Names: colleges and buildings looked up, the rest as written or labelled.
        ActivityCounts.Report byBuilding = counts.counts(FROM, TO, Dimension.BUILDING);
        assertThat(byBuilding.rows()).filteredOn(r -> r.key().equals(String.valueOf(b1))).first()
                .extracting(ActivityCounts.Row::name).isEqualTo(residence.buildingNames().get(b1));
    }

    @Test
    void theFiguresEqualAPlainSqlRecountForEveryDimension() {
        for (Dimension d : Dimension.values()) {
            assertThat(figures(d)).as(d.name()).isEqualTo(recount(d));
        }
    }

    @Test
    void everyBreakdownAtOnceGivesEachOnesCounts() {
        List<Dimension> all = List.of(Dimension.EDUCATION, Dimension.COLLEGE, Dimension.TYPE, Dimension.SERIES, Dimension.BRAND,
                Dimension.ORGANISER, Dimension.BUILDING);
        List<ActivityCounts.Report> together = counts.counts(users.viewer("affairs"), FROM, TO, all);
        assertThat(together).hasSize(all.size());
        for (int i = 0; i < all.size(); i++) {
            assertThat(together.get(i)).as(all.get(i).name()).isEqualTo(counts.counts(FROM, TO, all.get(i)));
        }
        assertThat(together.get(0).total().activities()).isEqualTo(4);
        assertThatThrownBy(() -> counts.counts(users.viewer("student"), FROM, TO, all)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badParametersAreTranslatedFieldErrorsNeverA500() throws Exception {
        assertThatThrownBy(() -> counts.counts(TO, FROM, Dimension.TYPE)).isInstanceOf(InvalidInput.class);
        mvc.perform(get("/api/v1/activity-counts").param("from", "2015-03-31").param("to", "2015-03-01").with(users.as("affairs")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("结束日期不能早于开始日期。"));
        mvc.perform(get("/api/v1/activity-counts").param("from", "2015-03-31").param("to", "2015-03-01")
                        .header("Accept-Language", "en").with(users.as("affairs")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The end date must not be before the start date."));
        mvc.perform(get("/api/v1/activity-counts").param("by", "WEATHER").with(users.as("affairs")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("by"));
        mvc.perform(get("/api/v1/activity-counts").param("from", "yesterday").with(users.as("affairs")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/activity-counts").param("from", "1800-01-01").param("to", "1800-02-01").with(users.as("affairs")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/activities/counts").param("from", "2015-03-31").param("to", "2015-03-01").with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结束日期不能早于开始日期。")));
        mvc.perform(get("/activities/counts").param("by", "WEATHER").with(users.as("leader"))).andExpect(status().isBadRequest());
        mvc.perform(get("/activities/counts").param("from", "not-a-date").with(users.as("leader"))).andExpect(status().isBadRequest());
    }

    @Test
    void staffReadCountsOnPagesAndThroughTheApiStudentsDoNot() throws Exception {
        mvc.perform(get("/activities/counts").param("from", FROM.toString()).param("to", TO.toString()).param("by", "BRAND")
                        .with(users.as("counsellor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("永助")))
                .andExpect(content().string(containsString("counts-chart")));
        mvc.perform(get("/api/v1/activity-counts").param("from", FROM.toString()).param("to", TO.toString()).param("by", "TYPE")
                        .with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.activities").value(4))
                .andExpect(jsonPath("$.total.attendances").value(5))
                .andExpect(jsonPath("$.rows[0].key").value("LECTURE"))
                .andExpect(jsonPath("$.rows[0].name").value("讲座"));
        mvc.perform(get("/api/v1/activity-counts").with(users.as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/activities/counts").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/activity-counts").with(users.as("student"))).andExpect(status().isNotFound());
        assertThatThrownBy(() -> counts.counts(s1.viewer(), FROM, TO, Dimension.TYPE)).isInstanceOf(NotFoundException.class);
    }

    record Figures(long activities, long attendances, BigDecimal hours) {
    }

    private static Figures f(long activities, long attendances, String hours) {
        return new Figures(activities, attendances, new BigDecimal(hours));
    }

    private Map<String, Figures> figures(Dimension d) {
        Map<String, Figures> figures = new HashMap<>();
        for (ActivityCounts.Row r : counts.counts(FROM, TO, d).rows()) {
            figures.put(r.key(), new Figures(r.activities(), r.attendances(), r.hours()));
        }
        return figures;
    }

    /** The same figures counted another way: activities and attendance separately, each in plain SQL. */
    private Map<String, Figures> recount(Dimension d) {
        String period = "a.state = 'PUBLISHED' AND a.starts_at >= TIMESTAMP WITH TIME ZONE '2015-03-01 00:00:00+08:00'"
                + " AND a.starts_at < TIMESTAMP WITH TIME ZONE '2015-04-01 00:00:00+08:00'";
        String key = switch (d) {
            case TYPE -> "a.type";
            case SERIES -> "COALESCE(a.series, '-')";
            case BRAND -> "COALESCE(a.brand, '-')";
            case ORGANISER -> "a.organiser";
            case BUILDING -> "COALESCE(CAST(a.building_id AS VARCHAR(20)), '-')";
            case EDUCATION -> "e.education";
            case COLLEGE -> "CAST(t.college_id AS VARCHAR(20))";
        };
        String join = d == Dimension.EDUCATION ? " JOIN activity_education e ON e.activity_id = a.id" : "";
        Map<String, Long> activities = new HashMap<>();
        String activitySql = d == Dimension.COLLEGE
                ? "SELECT " + key + " AS k, count(DISTINCT a.id) AS n FROM attendance t JOIN activity a ON a.id = t.activity_id"
                        + " WHERE t.state = 'PRESENT' AND " + period + " GROUP BY " + key
                : "SELECT " + key + " AS k, count(*) AS n FROM activity a" + join + " WHERE " + period + " GROUP BY " + key;
        jdbc.query(activitySql, rs -> {
            activities.put(rs.getString("k"), rs.getLong("n"));
        });
        Map<String, Figures> figures = new HashMap<>();
        activities.forEach((k, n) -> figures.put(k, new Figures(n, 0, new BigDecimal("0.0"))));
        jdbc.query("SELECT " + key + " AS k, count(*) AS n, sum(t.hours) AS h FROM attendance t JOIN activity a ON a.id = t.activity_id"
                + join + " WHERE t.state = 'PRESENT' AND " + period + " GROUP BY " + key, rs -> {
            figures.put(rs.getString("k"), new Figures(activities.get(rs.getString("k")), rs.getLong("n"),
                    rs.getBigDecimal("h").setScale(1)));
        });
        return figures;
    }
}
