package org.shouwang.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, on one node at a time (ShedLock): reminds holders of deadlines that near, raises
 * supervision on overdue requests level by level, and closes resolved requests whose follow-up
 * went unanswered. Each change is a versioned update of one request in its own transaction, and
 * a level or reminder already recorded is never recorded again, so nobody is told twice.
 */
@Component
public class SupervisionScan {

    private static final String OPEN = "('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED', 'SUBMITTED', 'RETURNED')";

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final BusinessCalendar calendar;
    private final TicketsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SupervisionScan(JdbcClient jdbc, Tickets tickets, BusinessCalendar calendar, TicketsProperties properties,
                    TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.calendar = calendar;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one scan did. */
    public record Result(int reminded, int supervised, int closed) {
    }

    @Scheduled(fixedDelayString = "${shouwang.tickets.scan-every:PT1M}", initialDelayString = "${shouwang.tickets.scan-delay:PT1M}")
    @SchedulerLock(name = "tickets.supervision", lockAtMostFor = "PT10M")
    public void scheduled() {
        scan();
    }

    /** One pass over open requests. */
    public Result scan() {
        Instant now = clock.instant();
        int reminded = 0;
        int supervised = 0;
        for (Candidate c : candidates()) {
            Instant deadline = c.deadline();
            if (deadline == null) {
                continue;
            }
            if (now.isAfter(deadline)) {
                int level = levelFor(c, deadline, now);
                if (level > c.level()) {
                    inTransaction(() -> tickets.supervise(c.id(), level));
                    supervised++;
                }
            } else if (c.reminded() == null || !c.reminded().equals(c.stage())) {
                Instant since = c.since();
                long total = Duration.between(since, deadline).toSeconds();
                if (total > 0 && Duration.between(since, now).toSeconds() >= total * properties.reminderShare()) {
                    inTransaction(() -> tickets.remind(c.id(), c.stage()));
                    reminded++;
                }
            }
        }
        Instant unratedBefore = now.minus(Duration.ofDays(properties.followUpDays()));
        List<Long> unrated = jdbc.sql("SELECT id FROM ticket WHERE state = 'RESOLVED' AND resolved_at < ?")
                .param(Timestamps.of(unratedBefore)).query(Long.class).list();
        unrated.forEach(id -> inTransaction(() -> tickets.closeUnrated(id)));
        return new Result(reminded, supervised, unrated.size());
    }

    /** Level 1 once overdue, 2 and 3 after the configured further time past the deadline. */
    private int levelFor(Candidate c, Instant deadline, Instant now) {
        int level = 1;
        for (Duration step : properties.supervisionSteps()) {
            if (now.isAfter(calendar.after(deadline, step.toMinutes(), c.urgent()))) {
                level++;
            }
        }
        return Math.min(level, TicketScope.LEADER_LEVEL);
    }

    private record Candidate(long id, String state, boolean urgent, Instant dispatchBy, Instant respondBy, Instant resolveBy,
                             Instant firstResponseAt, Instant submittedAt, Instant dispatchedAt, int level, String reminded) {

        String stage() {
            if (state.equals("SUBMITTED") || state.equals("RETURNED")) {
                return "dispatch";
            }
            return firstResponseAt == null ? "respond" : "resolve";
        }

        Instant deadline() {
            return switch (stage()) {
                case "dispatch" -> dispatchBy;
                case "respond" -> respondBy;
                default -> resolveBy;
            };
        }

        Instant since() {
            return dispatchedAt != null && !stage().equals("dispatch") ? dispatchedAt : submittedAt;
        }
    }

    private List<Candidate> candidates() {
        return jdbc.sql("""
                        SELECT id, state, urgent, dispatch_by, respond_by, resolve_by, first_response_at, submitted_at, dispatched_at,
                               supervision_level, reminded
                        FROM ticket WHERE state IN %s AND supervision_level < %d""".formatted(OPEN, TicketScope.LEADER_LEVEL))
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("state"), rs.getBoolean("urgent"),
                        Timestamps.read(rs, "dispatch_by"), Timestamps.read(rs, "respond_by"), Timestamps.read(rs, "resolve_by"),
                        Timestamps.read(rs, "first_response_at"), Timestamps.read(rs, "submitted_at"),
                        Timestamps.read(rs, "dispatched_at"), rs.getInt("supervision_level"), rs.getString("reminded")))
                .list();
    }

    private void inTransaction(Runnable work) {
        try {
            transactions.executeWithoutResult(s -> work.run());
        } catch (org.shouwang.shared.RuleViolation conflict) {
            // Someone acted on the request meanwhile; the next scan looks again.
        }
    }
}
