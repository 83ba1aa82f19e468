package org.shouwang.tickets;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.Timestamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision scan over 100,000 open requests. Run on demand (bench/supervision.sh):
 * {@code mvn test -Dtest=SupervisionBenchmark -Dbench=true -Dbench.open=100000 -Dbench.overdue=0.01}.
 * <p>
 * Inserts the open requests in bulk with SQL (dispatched, accepted or in progress, an hour into a
 * two-day deadline), a share of them already past their deadline. Times the first scan (which
 * raises supervision on the overdue ones, one transaction each), then scans that find nothing new
 * (the steady state, every minute), side by side with the bare read of the scan's candidates
 * (the baseline). Prints BENCH lines; asserts only outcomes.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SupervisionBenchmark {

    /** A Wednesday, 10:00 in Beijing, after the demo's requests. */
    static final Instant NOW = Instant.parse("2027-06-09T02:00:00Z");

    @Autowired SupervisionScan scan;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void scanOverAHundredThousandOpenRequests() {
        int open = Integer.getInteger("bench.open", 100_000);
        double share = Double.parseDouble(System.getProperty("bench.overdue", "0.01"));
        int runs = Integer.getInteger("bench.runs", 5);
        int every = (int) Math.round(1 / share);
        clock.fix(NOW);
        long start = System.nanoTime();
        insert(open, every);
        long candidates = jdbc.sql("""
                SELECT count(*) FROM ticket
                WHERE state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED', 'SUBMITTED', 'RETURNED') AND supervision_level < 3""")
                .query(Long.class).single();
        long overdue = jdbc.sql("SELECT count(*) FROM ticket WHERE text = 'bench-open' AND resolve_by < ?").param(Timestamps.of(NOW))
                .query(Long.class).single();
        System.out.printf("BENCH kind=insert open=%d candidates=%d overdue=%d ms=%d%n", open, candidates, overdue, millis(start));

        start = System.nanoTime();
        SupervisionScan.Result first = scan.scan();
        System.out.printf("BENCH kind=scan what=first supervised=%d reminded=%d closed=%d ms=%d%n", first.supervised(),
                first.reminded(), first.closed(), millis(start));
        assertThat(first.supervised()).isGreaterThanOrEqualTo((int) overdue);

        long[] steady = new long[runs];
        for (int i = 0; i < runs; i++) {
            start = System.nanoTime();
            SupervisionScan.Result again = scan.scan();
            steady[i] = millis(start);
            assertThat(again.supervised()).isZero();
        }
        long[] baseline = new long[runs];
        for (int i = 0; i < runs; i++) {
            start = System.nanoTime();
            long[] rows = {0};
            jdbc.sql("""
                            SELECT id, state, urgent, dispatch_by, respond_by, resolve_by, first_response_at, submitted_at, dispatched_at,
                                   supervision_level, reminded
                            FROM ticket WHERE state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED', 'SUBMITTED', 'RETURNED')
                              AND supervision_level < 3""")
                    .query(rs -> {
                        // what a scan without next_check_at would read every minute: every open request
                        rs.getLong("id");
                        rs.getString("state");
                        rs.getBoolean("urgent");
                        for (String column : new String[]{"dispatch_by", "respond_by", "resolve_by", "first_response_at", "submitted_at",
                                "dispatched_at"}) {
                            Timestamps.read(rs, column);
                        }
                        rs.getInt("supervision_level");
                        rs.getString("reminded");
                        rows[0]++;
                    });
            baseline[i] = millis(start);
        }
        Arrays.sort(steady);
        Arrays.sort(baseline);
        System.out.printf("BENCH kind=scan what=steady runs=%d p50_ms=%d min_ms=%d max_ms=%d%n", runs, steady[runs / 2], steady[0],
                steady[runs - 1]);
        System.out.printf("BENCH kind=baseline what=read-all-open runs=%d p50_ms=%d min_ms=%d max_ms=%d%n", runs, baseline[runs / 2],
                baseline[0], baseline[runs - 1]);
    }

    /** Open requests of logistics, an hour into a two-day deadline; one in {@code every} ten minutes past it. */
    private void insert(int open, int every) {
        long students = jdbc.sql("SELECT count(*) FROM student").query(Long.class).single();
        long logistics = jdbc.sql("SELECT id FROM department WHERE code = 'HQ'").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO ticket (student_id, class_id, college_id, category, subcategory, urgent, text, location, channel, state,
                            department_id, confidential, crisis, submitted_at, dispatch_by, dispatched_at, accepted_at, respond_by,
                            first_response_at, response_minutes, responded_on_time, resolve_by, next_check_at)
                        SELECT st.id, st.class_id, st.college_id, 'REPAIRS', 'WATER', x.g % 10 = 0, 'bench-open', 'bench', 'ONLINE', x.state,
                            :logistics, FALSE, FALSE, x.since, x.since + INTERVAL '1' HOUR, x.since,
                            CASE WHEN x.state <> 'DISPATCHED' THEN x.since END,
                            CASE WHEN x.overdue THEN :now - INTERVAL '10' MINUTE ELSE x.since + INTERVAL '8' HOUR END,
                            CASE WHEN x.state = 'IN_PROGRESS' THEN x.since + INTERVAL '30' MINUTE END,
                            CASE WHEN x.state = 'IN_PROGRESS' THEN 30 END, CASE WHEN x.state = 'IN_PROGRESS' THEN TRUE END,
                            CASE WHEN x.overdue THEN :now - INTERVAL '10' MINUTE ELSE x.since + INTERVAL '48' HOUR END,
                            -- when the scan next looks: past for the overdue, the reminder at 80% of the deadline for the rest
                            CASE WHEN x.overdue THEN :now - INTERVAL '10' MINUTE
                                 WHEN x.state = 'IN_PROGRESS' THEN x.since + INTERVAL '38' HOUR ELSE x.since + INTERVAL '6' HOUR END
                        FROM (SELECT g, g % :every = 0 AS overdue,
                                     CASE g % 3 WHEN 0 THEN 'DISPATCHED' WHEN 1 THEN 'ACCEPTED' ELSE 'IN_PROGRESS' END AS state,
                                     CAST(:now AS TIMESTAMP WITH TIME ZONE) - INTERVAL '1' HOUR - (g % 60) * INTERVAL '1' SECOND AS since
                              FROM generate_series(1, :open) AS s(g)) x
                        JOIN (SELECT s.id, s.class_id, m.college_id, row_number() OVER (ORDER BY s.id) - 1 AS k
                              FROM student s JOIN class_group c ON c.id = s.class_id JOIN major m ON m.id = c.major_id) st ON st.k = x.g % :students""")
                .param("logistics", logistics).param("now", Timestamps.of(NOW)).param("every", every).param("open", open)
                .param("students", students).update();
        jdbc.sql("ANALYZE").update();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
