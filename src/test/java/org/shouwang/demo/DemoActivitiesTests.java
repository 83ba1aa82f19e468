package org.shouwang.demo;

import org.junit.jupiter.api.Test;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.ActivityType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoActivitiesTests {

    @Autowired DemoActivities activities;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoSemesterHoldsEveryTypeWithRegistrationsAndAttendanceInThePast() {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM activity", Long.class);
        activities.load(40, 11, 12);
        assertThat(jdbc.queryForList("SELECT DISTINCT type FROM activity WHERE id > ?", String.class, before))
                .hasSize(ActivityType.values().length);
        assertThat(jdbc.queryForList("SELECT DISTINCT state FROM activity WHERE id > ?", String.class, before))
                .contains("PUBLISHED", "SUBMITTED");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM attendance t JOIN activity a ON a.id = t.activity_id
                WHERE a.id > ? AND a.ends_at < CURRENT_TIMESTAMP AND t.state = 'PRESENT'""", Long.class, before)).isPositive();
        // Every attendance lies in its activity's time and every registrant held a seat within capacity.
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM attendance t JOIN activity a ON a.id = t.activity_id
                WHERE a.id > ? AND (t.checked_in_at < a.starts_at - INTERVAL '1' HOUR OR t.checked_in_at > a.ends_at)""",
                Long.class, before)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM activity a WHERE a.id > ?
                  AND (SELECT count(*) FROM registration r WHERE r.activity_id = a.id AND r.state = 'REGISTERED') <> a.taken""",
                Long.class, before)).isZero();
    }
}
