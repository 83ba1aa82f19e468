package org.shouwang.tickets;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, on one node at a time (ShedLock): reminds holders of deadlines that near, raises
 * supervision on overdue requests level by level, and closes resolved requests whose follow-up
 * went unanswered. Every save of a request sets when it is next due a look ({@code next_check_at}),
 * so a scan reads only those. Each request is looked at in its own transaction with a versioned
 * update, and a level or reminder already recorded is never recorded again, so nobody is told twice.
 */
@Component
public class SupervisionScan {

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SupervisionScan(JdbcClient jdbc, Tickets tickets, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
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

    /** One pass over the requests due a look. */
    public Result scan() {
        List<Long> due = jdbc.sql("SELECT id FROM ticket WHERE next_check_at <= ? ORDER BY next_check_at")
                .param(Timestamps.of(clock.instant())).query(Long.class).list();
        Map<Tickets.Checked, Integer> done = new EnumMap<>(Tickets.Checked.class);
        for (long id : due) {
            try {
                Tickets.Checked checked = transactions.execute(s -> tickets.check(id));
                done.merge(checked, 1, Integer::sum);
            } catch (RuleViolation conflict) {
                // Someone acted on the request meanwhile; its save set when it is next due.
            }
        }
        return new Result(done.getOrDefault(Tickets.Checked.REMINDED, 0), done.getOrDefault(Tickets.Checked.SUPERVISED, 0),
                done.getOrDefault(Tickets.Checked.CLOSED, 0));
    }
}
