package org.shouwang.governance;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every hour, on one node at a time (ShedLock): raises each overdue action item to supervision, each
 * in its own transaction. An item already raised is never raised again, so nobody is told twice.
 */
@Component
public class ActionItemScan {

    private final ActionItems actions;
    private final TransactionTemplate transactions;

    ActionItemScan(ActionItems actions, TransactionTemplate transactions) {
        this.actions = actions;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${shouwang.governance.scan-every:PT1H}", initialDelayString = "${shouwang.governance.scan-delay:PT2M}")
    @SchedulerLock(name = "governance.actions", lockAtMostFor = "PT30M")
    public void scheduled() {
        scan();
    }

    /** One pass: how many items were raised to supervision now. */
    public int scan() {
        int raised = 0;
        for (long id : actions.overdueUnsupervised()) {
            if (Boolean.TRUE.equals(transactions.execute(s -> actions.supervise(id)))) {
                raised++;
            }
        }
        return raised;
    }
}
