package org.shouwang.imports;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.shouwang.identity.AuditLog;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background half of an import: validates an uploaded file, and writes the valid rows once
 * confirmed. Reads the file from the database, so any node may run the work of any job.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final RosterFiles files;
    private final RosterKinds kinds;
    private final AuditLog audit;
    private final PlatformTransactionManager transactions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImportRunner(ImportJobs jobs, RosterFiles files, RosterKinds kinds, AuditLog audit,
                 PlatformTransactionManager transactions, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.kinds = kinds;
        this.audit = audit;
        this.transactions = transactions;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void validate(long jobId) {
        guarded(jobId, () -> {
            ImportJobs.Stored job = jobs.find(jobId).orElse(null);
            if (job == null || job.status() != ImportStatus.VALIDATING) {
                return;
            }
            long start = System.nanoTime();
            RosterKind kind = kind(job.kind());
            List<RosterRow> rows = files.read(job.fileName(), jobs.content(jobId), kind.columns());
            long read = System.nanoTime();
            jobs.started(jobId, rows.size());
            Problems problems = RowChecks.check(kind, rows, new JobProgress(jobs, jobId, transactions));
            int valid = problems.validRows(rows).size();
            transaction.executeWithoutResult(s -> {
                if (jobs.validated(jobId, valid, problems.size())) {
                    jobs.replaceProblems(jobId, problems.all());
                }
            });
            log.info("import job {} ({}): {} rows read in {} ms, {} valid, {} problems, checked in {} ms", jobId, kind.kind(),
                    rows.size(), (read - start) / 1_000_000, valid, problems.size(), (System.nanoTime() - read) / 1_000_000);
        });
    }

    /** Validates the file again, then writes its valid rows, problems and audit entry in one transaction. */
    void importRows(long jobId, Viewer viewer) {
        guarded(jobId, () -> {
            ImportJobs.Stored job = jobs.find(jobId).orElse(null);
            if (job == null || job.status() != ImportStatus.IMPORTING) {
                return;
            }
            long start = System.nanoTime();
            RosterKind kind = kind(job.kind());
            List<RosterRow> rows = files.read(job.fileName(), jobs.content(jobId), kind.columns());
            Problems problems = RowChecks.check(kind, rows, Progress.NONE);
            long checked = System.nanoTime();
            List<RosterRow> valid = problems.validRows(rows);
            jobs.revalidated(jobId, rows.size(), valid.size());
            JobProgress progress = new JobProgress(jobs, jobId, transactions);
            transaction.executeWithoutResult(s -> {
                ImportCounts counts = kind.apply(valid, viewer, progress);
                jobs.replaceProblems(jobId, problems.all());
                audit.record(viewer, "imports.confirm", "import_job", jobId, "%s %s: %d created, %d updated, %d unchanged, %d invalid rows"
                        .formatted(kind.kind(), job.fileName(), counts.created(), counts.updated(), counts.unchanged(),
                                rows.size() - valid.size()));
                if (!jobs.done(jobId, counts, valid.size(), problems.size(), clock.instant())) {
                    throw new IllegalStateException("import job " + jobId + " changed while importing");
                }
                log.info("import job {} ({}) by {}: {} rows checked again in {} ms, written in {} ms: {}", jobId, kind.kind(),
                        viewer.username(), rows.size(), (checked - start) / 1_000_000, (System.nanoTime() - checked) / 1_000_000, counts);
            });
        });
    }

    private RosterKind kind(ImportKind kind) {
        return kinds.find(kind).orElseThrow(() -> new RuleViolation("import.kindUnavailable", kind));
    }

    /** Runs the work; whatever goes wrong ends the job as FAILED with a reason the admin can read. */
    private void guarded(long jobId, Runnable work) {
        try {
            work.run();
        } catch (RuleViolation violation) {
            fail(jobId, violation.code(), Arrays.stream(violation.args()).map(a -> Objects.toString(a, "")).toList());
        } catch (RuntimeException | Error e) {
            log.error("import job {} failed", jobId, e);
            fail(jobId, "import.failed.unexpected", List.of());
        }
    }

    private void fail(long jobId, String code, List<String> args) {
        try {
            jobs.failed(jobId, code, args, clock.instant());
        } catch (RuntimeException e) {
            log.error("could not mark import job {} as failed", jobId, e);
        }
    }
}
