package org.shouwang.tickets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI query for one year over a million requests. Run on demand (bench/kpi.sh):
 * {@code mvn test -Dtest=KpiBenchmark -Dbench=true -Dbench.requests=1000000}, on PostgreSQL.
 * <p>
 * Inserts the requests of 2025 in bulk with SQL (98% final: closed, withdrawn, merged; the last 2%
 * still open, resolved awaiting follow-up, reopened or returned), rolls them up, then times the
 * query of the year by every breakdown, a term-like period that cuts months, and a department
 * head's view, side by side with the plain SQL recount of the same year (the baseline) and with
 * the query before the rollup. Checks that the figures equal the recount. Prints BENCH lines;
 * asserts only outcomes (DESIGN §7).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class KpiBenchmark {

    static final LocalDate YEAR = LocalDate.of(2025, 1, 1);
    static final LocalDate NEXT = LocalDate.of(2026, 1, 1);

    @Autowired TicketKpis kpis;
    @Autowired KpiRollup rollup;
    @Autowired JdbcClient jdbc;
    @Autowired DemoUsers users;

    @Test
    void oneYearOfAMillionRequests() {
        int n = Integer.getInteger("bench.requests", 1_000_000);
        int runs = Integer.getInteger("bench.runs", 21);
        Viewer admin = users.viewer("admin");
        long logistics = jdbc.sql("SELECT id FROM department WHERE code = 'HQ'").query(Long.class).single();
        Viewer head = new Viewer(-1, "bench-head", "bench-head", Set.of(Role.DEPARTMENT_HEAD), null, null, logistics);

        long start = System.nanoTime();
        insert(n);
        long insertMillis = millis(start);
        long rows = jdbc.sql("SELECT count(*) FROM ticket WHERE submitted_at >= ? AND submitted_at < ?")
                .params(at(YEAR), at(NEXT)).query(Long.class).single();
        System.out.printf("BENCH kind=insert requests=%d ms=%d%n", rows, insertMillis);

        start = System.nanoTime();
        kpis.report(admin, YEAR, NEXT, TicketKpis.Dimension.CATEGORY);
        System.out.printf("BENCH kind=unrolled what=year-by-category ms=%d%n", millis(start));

        start = System.nanoTime();
        int rolled = rollup.rollUp();
        long cells = jdbc.sql("SELECT count(*) FROM ticket_kpi_cell").query(Long.class).single();
        System.out.printf("BENCH kind=rollup rolled=%d cells=%d ms=%d%n", rolled, cells, millis(start));
        // what autovacuum does after a big change: fresh statistics, so that the planner reads the
        // few requests not rolled up through ticket_by_kpi_rolled instead of scanning the table
        try {
            jdbc.sql("VACUUM ANALYZE ticket").update();
        } catch (org.springframework.dao.DataAccessException h2) {
            jdbc.sql("ANALYZE").update();
        }
        long unrolled = jdbc.sql("SELECT count(*) FROM ticket WHERE NOT kpi_rolled AND submitted_at >= ? AND submitted_at < ?")
                .params(at(YEAR), at(NEXT)).query(Long.class).single();
        System.out.printf("BENCH kind=unrolled-left requests=%d%n", unrolled);

        // the figures equal the plain recount at this scale too
        TicketKpis.Report byCategory = kpis.report(admin, YEAR, NEXT, TicketKpis.Dimension.CATEGORY);
        TicketKpiTests.assertRecount(byCategory.total(), TicketKpiTests.recount(jdbc, YEAR, NEXT, "TRUE"));
        for (TicketKpis.Row row : byCategory.rows()) {
            TicketKpiTests.assertRecount(row.figures(), TicketKpiTests.recount(jdbc, YEAR, NEXT, "t.category = ?", row.key()));
        }
        TicketKpiTests.assertRecount(kpis.report(head, YEAR, NEXT, null).total(),
                TicketKpiTests.recount(jdbc, YEAR, NEXT, "t.department_id = ?", logistics));
        LocalDate termStart = LocalDate.of(2025, 2, 24);
        LocalDate termEnd = LocalDate.of(2025, 12, 20);
        TicketKpiTests.assertRecount(kpis.report(admin, termStart, termEnd, null).total(),
                TicketKpiTests.recount(jdbc, termStart, termEnd, "TRUE"));
        System.out.printf("BENCH kind=check requests=%d equal-to-recount=true%n", byCategory.total().requests());

        List<TicketKpis.Dimension> dimensions = new ArrayList<>();
        dimensions.add(null);
        dimensions.addAll(Arrays.asList(TicketKpis.Dimension.values()));
        for (TicketKpis.Dimension d : dimensions) {
            time("year-by-" + (d == null ? "none" : d.name().toLowerCase()), runs, () -> kpis.report(admin, YEAR, NEXT, d));
        }
        time("term-by-category", runs, () -> kpis.report(admin, termStart, termEnd, TicketKpis.Dimension.CATEGORY));
        time("head-year-by-category", runs, () -> kpis.report(head, YEAR, NEXT, TicketKpis.Dimension.CATEGORY));
        time("baseline-recount-year-total", Math.max(3, runs / 4), () -> TicketKpiTests.recount(jdbc, YEAR, NEXT, "TRUE"));
    }

    private void time(String what, int runs, Supplier<Object> query) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(ms);
        System.out.printf("BENCH kind=query what=%s runs=%d p50_ms=%.2f min_ms=%.2f max_ms=%.2f%n", what, runs,
                ms[runs / 2] / 1000.0, ms[0] / 1000.0, ms[runs - 1] / 1000.0);
    }

    /**
     * n requests of 2025, evenly spread over the year, deterministic: category, department,
     * building and floor cycle; response 0–479 and resolution 0–2879 business minutes; one in
     * fifty returned, one in twenty supervised; 80% of closed ones answered the follow-up.
     */
    private void insert(int n) {
        long students = jdbc.sql("SELECT count(*) FROM student").query(Long.class).single();
        long buildings = jdbc.sql("SELECT count(*) FROM building").query(Long.class).single();
        long departments = jdbc.sql("SELECT count(*) FROM department").query(Long.class).single();
        int chunk = 100_000;
        for (int from = 1; from <= n; from += chunk) {
            int to = Math.min(n, from + chunk - 1);
            jdbc.sql("""
                            INSERT INTO ticket (student_id, class_id, college_id, category, subcategory, urgent, text, location, building_id,
                                floor_number, channel, state, department_id, confidential, crisis, submitted_at, first_response_at,
                                response_minutes, responded_on_time, resolved_at, resolution_minutes, resolved_on_time, returns, reopens,
                                supervision_level, followed_up_at, contacted, solved, satisfaction, closed_at)
                            SELECT st.id, st.class_id, st.college_id, x.category, CASE WHEN x.category = 'REPAIRS' THEN 'WATER' END, FALSE,
                                'bench', 'bench', CASE WHEN x.g % 10 = 0 THEN NULL ELSE b.id END, CASE WHEN x.g % 10 = 0 THEN NULL ELSE 1 + x.g % 6 END,
                                'ONLINE', x.state, CASE WHEN x.state = 'RETURNED' THEN NULL ELSE d.id END, x.category = 'PSYCHOLOGY', FALSE,
                                x.submitted,
                                CASE WHEN x.responded THEN x.submitted + x.rmin * INTERVAL '1' MINUTE END,
                                CASE WHEN x.responded THEN x.rmin END, CASE WHEN x.responded THEN x.rmin < 400 END,
                                CASE WHEN x.resolved THEN x.submitted + x.smin * INTERVAL '1' MINUTE END,
                                CASE WHEN x.resolved OR x.state = 'REOPENED' THEN x.smin END,
                                CASE WHEN x.resolved OR x.state = 'REOPENED' THEN x.smin < 2400 END,
                                CASE WHEN x.g % 50 = 0 OR x.state = 'RETURNED' THEN 1 ELSE 0 END,
                                CASE WHEN x.state = 'REOPENED' THEN 1 ELSE 0 END,
                                CASE WHEN x.g % 20 = 0 OR x.state = 'REOPENED' THEN 1 + x.g % 3 ELSE 0 END,
                                CASE WHEN x.answered THEN x.submitted + INTERVAL '3' DAY END,
                                CASE WHEN x.answered THEN x.g % 11 <> 0 END,
                                CASE WHEN x.answered THEN x.g % 13 <> 0 AND x.state <> 'REOPENED' END,
                                CASE WHEN x.state = 'REOPENED' THEN 'NOT' WHEN x.answered THEN
                                    CASE x.g % 7 WHEN 0 THEN 'NOT' WHEN 1 THEN 'BASICALLY' WHEN 2 THEN 'BASICALLY' ELSE 'SATISFIED' END END,
                                CASE WHEN x.state IN ('CLOSED', 'WITHDRAWN', 'MERGED') THEN x.submitted + INTERVAL '4' DAY END
                            FROM (SELECT y.*, y.state IN ('CLOSED', 'RESOLVED', 'REOPENED', 'IN_PROGRESS') AS responded,
                                         y.state IN ('CLOSED', 'RESOLVED') AS resolved,
                                         (y.state = 'CLOSED' AND y.g % 5 <> 0) OR y.state = 'REOPENED' AS answered
                                  FROM (SELECT g, (g * 7919) % 480 AS rmin, (g * 104729) % 2880 AS smin,
                                               TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00' + (g - 1) * (31536.0 / :n) * INTERVAL '1000' SECOND AS submitted,
                                               CASE g % 9 WHEN 0 THEN 'ACADEMICS' WHEN 1 THEN 'EMPLOYMENT' WHEN 2 THEN 'PSYCHOLOGY'
                                                   WHEN 3 THEN 'FINANCIAL_AID' WHEN 4 THEN 'REPAIRS' WHEN 5 THEN 'REPAIRS' WHEN 6 THEN 'DORM_LIFE'
                                                   WHEN 7 THEN 'SAFETY' ELSE 'OTHER' END AS category,
                                               CASE WHEN g > :n * 0.98 THEN
                                                        CASE g % 5 WHEN 0 THEN 'DISPATCHED' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'RESOLVED'
                                                            WHEN 3 THEN 'REOPENED' ELSE 'RETURNED' END
                                                    WHEN (g * 31) % 100 < 3 THEN 'WITHDRAWN' WHEN (g * 31) % 100 < 4 THEN 'MERGED'
                                                    ELSE 'CLOSED' END AS state
                                        FROM generate_series(:from, :to) AS s(g)) y) x
                            JOIN (SELECT s.id, s.class_id, m.college_id, row_number() OVER (ORDER BY s.id) - 1 AS k
                                  FROM student s JOIN class_group c ON c.id = s.class_id JOIN major m ON m.id = c.major_id) st ON st.k = x.g % :students
                            JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM building) b ON b.k = (x.g / 7) % :buildings
                            JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM department) d ON d.k = (x.g % 9) % :departments""")
                    .param("n", (long) n).param("from", (long) from).param("to", (long) to).param("students", students).param("buildings", buildings)
                    .param("departments", departments)
                    .update();
        }
        jdbc.sql("ANALYZE").update();
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE text = 'bench'").query(Long.class).single()).isEqualTo(n);
    }

    private static java.time.OffsetDateTime at(LocalDate day) {
        return org.shouwang.shared.Timestamps.of(TicketKpis.start(day));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
