package org.shouwang.demo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.CampusTime;
import org.shouwang.studios.DutyWeek;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoDutyTests {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoCampusHasAMonthOfRostersMostlyAttendedSomeLateAndTheComingWeekPlanned() {
        DutyWeek thisWeek = DutyWeek.current(java.time.Clock.systemUTC());
        OffsetDateTime from = thisWeek.monday().minusWeeks(3).atStartOfDay(CampusTime.ZONE).toOffsetDateTime();
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        OffsetDateTime nextWeek = thisWeek.next().monday().atStartOfDay(CampusTime.ZONE).toOffsetDateTime();
        Map<String, Object> past = jdbc.queryForMap("""
                SELECT count(*) AS shifts, count(arrived_at) AS arrived, count(*) FILTER (WHERE late) AS late,
                       count(DISTINCT building_id) AS buildings, count(DISTINCT account_id) AS people
                FROM duty_shift WHERE starts_at >= ? AND ends_at <= ? AND starts_at < ?""", from, now, thisWeek.monday().minusWeeks(0)
                .atStartOfDay(CampusTime.ZONE).toOffsetDateTime());
        long shifts = ((Number) past.get("shifts")).longValue();
        long arrived = ((Number) past.get("arrived")).longValue();
        assertThat(shifts).isGreaterThan(60);
        assertThat(arrived * 100.0 / shifts).isBetween(75.0, 95.0);
        assertThat(((Number) past.get("late")).longValue()).isPositive();
        assertThat(((Number) past.get("buildings")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) past.get("people")).longValue()).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM duty_shift WHERE starts_at >= ? AND arrived_at IS NULL",
                Long.class, nextWeek)).isGreaterThan(10);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM duty_shift s JOIN account a ON a.id = s.account_id WHERE a.username = 'manager'""",
                Long.class)).isGreaterThan(10);
    }
}
