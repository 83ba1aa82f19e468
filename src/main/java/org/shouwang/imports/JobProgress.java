package org.shouwang.imports;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a job's progress to the database at most a few times a second, each write committed on
 * its own so that every node sees it even while the import's own transaction is still open.
 */
final class JobProgress implements Progress {

    private static final long INTERVAL_NANOS = 300_000_000L;

    private final ImportJobs jobs;
    private final long jobId;
    private final TransactionTemplate ownTransaction;
    private int done;
    private long lastWrite = System.nanoTime();

    JobProgress(ImportJobs jobs, long jobId, PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void advance(int rows) {
        done += rows;
        long now = System.nanoTime();
        if (now - lastWrite >= INTERVAL_NANOS) {
            lastWrite = now;
            int snapshot = done;
            ownTransaction.executeWithoutResult(s -> jobs.progress(jobId, snapshot));
        }
    }
}
