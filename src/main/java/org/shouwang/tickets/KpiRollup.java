package org.shouwang.tickets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds requests whose figures can no longer change (closed, withdrawn, merged) to the KPI cells of
 * their day and month, in batches, each batch one transaction under the lock row of
 * {@code ticket_kpi_rollup}, and marks them rolled. Runs every few minutes on one node (ShedLock);
 * KPI queries never wait for it, they count requests not rolled yet themselves.
 */
@Component
class KpiRollup {

    static final int BATCH = 20_000;
    private static final String FINAL_STATES = "('CLOSED', 'WITHDRAWN', 'MERGED')";
    private static final String COUNTERS = """
            requests, responded, responded_on_time, resolved, resolved_on_time, followed_up, contacted, solved, satisfied,
            returned, reopened, supervised, response_minutes, resolution_minutes""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KpiRollup(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shouwang.tickets.kpi-rollup-every:PT5M}", initialDelayString = "${shouwang.tickets.scan-delay:PT1M}")
    @SchedulerLock(name = "tickets.kpi-rollup", lockAtMostFor = "PT30M")
    public void scheduled() {
        rollUp();
    }

    /** Rolls up every request that is final and not rolled yet; returns how many. */
    int rollUp() {
        int total = 0;
        while (true) {
            Integer done = transactions.execute(s -> batch());
            if (done == null || done == 0) {
                return total;
            }
            total += done;
        }
    }

    private int batch() {
        jdbc.sql("SELECT id FROM ticket_kpi_rollup WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        List<KpiFacts.Request> requests = jdbc.sql(KpiFacts.SELECT + " WHERE NOT t.kpi_rolled AND t.state IN " + FINAL_STATES
                        + " ORDER BY t.submitted_at LIMIT " + BATCH)
                .query(KpiFacts::read).list();
        if (requests.isEmpty()) {
            return 0;
        }
        Map<Cell, KpiTally> cells = new LinkedHashMap<>();
        for (KpiFacts.Request r : requests) {
            if (r.withdrawn()) {
                continue;
            }
            long department = r.departmentId() == null ? 0 : r.departmentId();
            for (String dimension : KpiFacts.DIMENSIONS) {
                String key = r.key(dimension);
                for (long d : new long[]{-1, department}) {
                    cells.computeIfAbsent(new Cell('D', dimension, d, r.day(), key), c -> new KpiTally()).add(r.facts());
                    cells.computeIfAbsent(new Cell('M', dimension, d, r.day().withDayOfMonth(1), key), c -> new KpiTally()).add(r.facts());
                }
            }
        }
        save(cells);
        List<Long> ids = requests.stream().map(KpiFacts.Request::id).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("UPDATE ticket SET kpi_rolled = TRUE WHERE id IN (:ids)").param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .update();
        }
        jdbc.sql("UPDATE ticket_kpi_rollup SET rolled_at = ? WHERE id = 1").param(Timestamps.of(clock.instant())).update();
        return requests.size();
    }

    record Cell(char grain, String dimension, long departmentId, LocalDate periodStart, String key) {
    }

    /** Adds the batch's tallies to the stored cells: existing ones are read, merged and rewritten, new ones inserted. */
    private void save(Map<Cell, KpiTally> cells) {
        Map<Character, Set<LocalDate>> periods = new HashMap<>();
        cells.keySet().forEach(c -> periods.computeIfAbsent(c.grain(), g -> new TreeSet<>()).add(c.periodStart()));
        Map<Cell, KpiTally> stored = new HashMap<>();
        periods.forEach((grain, days) -> {
            List<LocalDate> list = new ArrayList<>(days);
            for (int i = 0; i < list.size(); i += 500) {
                jdbc.sql("SELECT grain, dimension, department_id, period_start, group_key, " + COUNTERS
                                + " FROM ticket_kpi_cell WHERE grain = :grain AND period_start IN (:days)")
                        .param("grain", String.valueOf(grain)).param("days", list.subList(i, Math.min(list.size(), i + 500)))
                        .query(rs -> {
                            Cell cell = new Cell(rs.getString("grain").charAt(0), rs.getString("dimension"), rs.getLong("department_id"),
                                    rs.getObject("period_start", LocalDate.class), rs.getString("group_key"));
                            if (cells.containsKey(cell)) {
                                stored.put(cell, read(rs));
                            }
                        });
            }
        });
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        cells.forEach((cell, tally) -> {
            KpiTally old = stored.get(cell);
            if (old != null) {
                old.add(tally);
                updates.add(values(old, cell, true));
            } else {
                inserts.add(values(tally, cell, false));
            }
        });
        if (!updates.isEmpty()) {
            template.batchUpdate("UPDATE ticket_kpi_cell SET " + COUNTERS.replaceAll("(\\w+)", "$1 = ?").replace("\n", " ")
                    + " WHERE grain = ? AND dimension = ? AND department_id = ? AND period_start = ? AND group_key = ?", updates);
        }
        if (!inserts.isEmpty()) {
            template.batchUpdate("INSERT INTO ticket_kpi_cell (" + COUNTERS + ", grain, dimension, department_id, period_start, group_key)"
                    + " VALUES (" + "?, ".repeat(18) + "?)", inserts);
        }
    }

    private static Object[] values(KpiTally t, Cell cell, boolean update) {
        return new Object[]{t.requests, t.responded, t.respondedOnTime, t.resolved, t.resolvedOnTime, t.followedUp, t.contacted,
                t.solved, t.satisfied, t.returned, t.reopened, t.supervised, t.responseMinutes.encode(), t.resolutionMinutes.encode(),
                String.valueOf(cell.grain()), cell.dimension(), cell.departmentId(), cell.periodStart(), cell.key()};
    }

    /** A stored cell's counts (the columns of {@link #COUNTERS}). */
    static KpiTally read(java.sql.ResultSet rs) throws java.sql.SQLException {
        KpiTally t = new KpiTally();
        t.requests = rs.getLong("requests");
        t.responded = rs.getLong("responded");
        t.respondedOnTime = rs.getLong("responded_on_time");
        t.resolved = rs.getLong("resolved");
        t.resolvedOnTime = rs.getLong("resolved_on_time");
        t.followedUp = rs.getLong("followed_up");
        t.contacted = rs.getLong("contacted");
        t.solved = rs.getLong("solved");
        t.satisfied = rs.getLong("satisfied");
        t.returned = rs.getLong("returned");
        t.reopened = rs.getLong("reopened");
        t.supervised = rs.getLong("supervised");
        t.responseMinutes.decode(rs.getBytes("response_minutes"));
        t.resolutionMinutes.decode(rs.getBytes("resolution_minutes"));
        return t;
    }

    static String counters() {
        return COUNTERS;
    }
}
