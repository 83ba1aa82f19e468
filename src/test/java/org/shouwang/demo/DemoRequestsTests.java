package org.shouwang.demo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoRequestsTests {

    @Autowired DemoRequests requests;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoTermHoldsRequestsInEveryStateWithPlausibleTimes() {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM ticket", Long.class);
        requests.load(120, 7, 8);
        List<String> states = jdbc.queryForList("SELECT DISTINCT state FROM ticket WHERE id > ?", String.class, before);
        assertThat(states).contains("SUBMITTED", "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "WAITING_ON_STUDENT", "RESOLVED",
                "CLOSED", "RETURNED", "REOPENED", "WITHDRAWN", "MERGED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ticket WHERE id > ? AND supervision_level > 0", Long.class, before))
                .isPositive();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM ticket WHERE id > ? AND first_response_at IS NOT NULL
                  AND (first_response_at < submitted_at OR response_minutes IS NULL)""", Long.class, before)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id WHERE t.id > ? AND e.at < t.submitted_at""",
                Long.class, before)).isZero();
    }
}
