package org.shouwang.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of requests for dashboards: how many were raised where in a building, and how a
 * department's queue stands now. Counts only, never content. Not narrowed to a viewer: for a
 * module that decides who sees which counts (insights' role dashboards).
 */
@Service
@Transactional(readOnly = true)
public class TicketCounts {

    /** "Due soon": a deadline within this many working hours (natural hours for urgent requests). */
    public static final int DUE_SOON_HOURS = 24;

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;

    TicketCounts(JdbcClient jdbc, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Requests of one category raised on a floor (null: none named) and in a room (null: none named) of a building. */
    public record PlaceCount(Integer floor, Long roomId, Category category, long requests) {
    }

    /**
     * Requests submitted from {@code from} (inclusive) to {@code to} (exclusive) that name this
     * building, by floor, room and category; merged duplicates are left out (they are counted once,
     * in the request they were merged into).
     */
    public List<PlaceCount> inBuilding(long buildingId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT t.floor_number, t.room_id, t.category, count(*) FROM ticket t
                        WHERE t.building_id = :building AND t.submitted_at >= :from AND t.submitted_at < :to
                          AND t.merged_into_id IS NULL
                        GROUP BY t.floor_number, t.room_id, t.category""")
                .param("building", buildingId).param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .query((rs, n) -> new PlaceCount(rs.getObject(1, Integer.class), rs.getObject(2, Long.class),
                        Category.valueOf(rs.getString(3)), rs.getLong(4)))
                .list();
    }

    /**
     * A department's queue now. By state: dispatched (not accepted yet), reopened (to accept
     * again), accepted, in progress, waiting on the student. Extended: open requests with an
     * approved extension. Supervised by level (3 and above counted as 3). Deadlines: a first
     * response or a resolution due within {@link #DUE_SOON_HOURS} working hours, or already
     * overdue, counted the way the request list's "overdue" filter does (the clock is paused while
     * waiting on the student); {@code overdue} counts requests overdue for either.
     */
    public record Queue(long dispatched, long reopened, long accepted, long inProgress, long waitingOnStudent, long extended,
                        long supervisedLevel1, long supervisedLevel2, long supervisedLevel3, long responseDueSoon,
                        long responseOverdue, long resolutionDueSoon, long resolutionOverdue, long overdue) {

        public long awaitingAcceptance() {
            return dispatched + reopened;
        }

        public long underWay() {
            return accepted + inProgress;
        }

        public long open() {
            return dispatched + reopened + accepted + inProgress + waitingOnStudent;
        }

        public long supervised() {
            return supervisedLevel1 + supervisedLevel2 + supervisedLevel3;
        }
    }

    /** The queue of one department now (the states its request list's department queue holds). */
    public Queue queueOf(long departmentId) {
        Instant now = clock.instant();
        Instant soon = calendar.after(now, DUE_SOON_HOURS * 60L, false);
        Instant soonUrgent = now.plus(Duration.ofHours(DUE_SOON_HOURS));
        String response = "t.state IN ('DISPATCHED', 'ACCEPTED', 'REOPENED') AND t.first_response_at IS NULL";
        String resolution = "t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED')";
        String dueSoon = " >= :now AND %s < CASE WHEN t.urgent THEN :soonUrgent ELSE :soon END";
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE t.state = 'DISPATCHED'),
                               count(*) FILTER (WHERE t.state = 'REOPENED'),
                               count(*) FILTER (WHERE t.state = 'ACCEPTED'),
                               count(*) FILTER (WHERE t.state = 'IN_PROGRESS'),
                               count(*) FILTER (WHERE t.state = 'WAITING_ON_STUDENT'),
                               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ticket_extension x
                                                              WHERE x.ticket_id = t.id AND x.status = 'APPROVED')),
                               count(*) FILTER (WHERE t.supervision_level = 1),
                               count(*) FILTER (WHERE t.supervision_level = 2),
                               count(*) FILTER (WHERE t.supervision_level >= 3),
                               count(*) FILTER (WHERE %1$s AND t.respond_by %3$s),
                               count(*) FILTER (WHERE %1$s AND t.respond_by < :now),
                               count(*) FILTER (WHERE %2$s AND t.resolve_by %4$s),
                               count(*) FILTER (WHERE %2$s AND t.resolve_by < :now),
                               count(*) FILTER (WHERE (%1$s AND t.respond_by < :now) OR (%2$s AND t.resolve_by < :now))
                        FROM ticket t WHERE t.department_id = :department
                          AND t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_STUDENT', 'REOPENED')"""
                        .formatted(response, resolution, dueSoon.formatted("t.respond_by"), dueSoon.formatted("t.resolve_by")))
                .param("department", departmentId).param("now", Timestamps.of(now)).param("soon", Timestamps.of(soon))
                .param("soonUrgent", Timestamps.of(soonUrgent))
                .query((rs, n) -> new Queue(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                        rs.getLong(14)))
                .single();
    }
}
