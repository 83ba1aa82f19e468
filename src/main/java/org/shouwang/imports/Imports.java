package org.shouwang.imports;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.shouwang.identity.AuditLog;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Page;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster imports for admins: upload (checked at once for being a readable roster), validation in
 * the background, the problems, confirmation that writes the valid rows, discarding, templates.
 */
@Service
public class Imports {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv;charset=UTF-8";

    private final ImportJobs jobs;
    private final RosterFiles files;
    private final RosterKinds kinds;
    private final ImportRunner runner;
    private final ImportWorkers workers;
    private final ImportTemplates templates;
    private final ColumnLabels labels;
    private final AuditLog audit;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Imports(ImportJobs jobs, RosterFiles files, RosterKinds kinds, ImportRunner runner, ImportWorkers workers,
            ImportTemplates templates, ColumnLabels labels, AuditLog audit, MessageSource messages,
            PlatformTransactionManager transactions, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.kinds = kinds;
        this.runner = runner;
        this.workers = workers;
        this.templates = templates;
        this.labels = labels;
        this.audit = audit;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Kinds that can be imported, in menu order. */
    public List<ImportKind> kinds() {
        return kinds.available();
    }

    /** The columns of a kind with their labels in the caller's language, for the help on the page. */
    public List<ColumnHelp> columns(ImportKind kind) {
        return rosterKind(kind).columns().stream()
                .map(c -> new ColumnHelp(c.key(), labels.label(c.key()), c.required(), c.maxLength(), c.example()))
                .toList();
    }

    public record ColumnHelp(String key, String label, boolean required, int maxLength, String example) {
    }

    /**
     * Stores the file and starts its validation in the background. A file that is no roster of
     * this kind (not a spreadsheet, wrong columns, no data rows) is refused at once.
     */
    public ImportJob upload(Viewer viewer, ImportKind kind, String fileName, byte[] content) {
        adminOnly(viewer, "upload");
        RosterKind rosterKind = rosterKind(kind);
        String name = baseName(fileName);
        files.check(name, content, rosterKind.columns());
        long id = transaction.execute(s -> {
            long jobId = jobs.insert(kind, name, content, viewer.username(), clock.instant());
            audit.record(viewer, "imports.upload", "import_job", jobId, kind + " " + name);
            return jobId;
        });
        workers.submit(() -> runner.validate(id));
        return job(viewer, id);
    }

    public ImportJob job(Viewer viewer, long id) {
        adminOnly(viewer, id);
        return view(jobs.find(id).orElseThrow(() -> new NotFoundException("import", id)));
    }

    public List<ImportJob> recent(Viewer viewer, int limit) {
        adminOnly(viewer, "recent");
        return jobs.recent(limit).stream().map(this::view).toList();
    }

    public Page<ProblemView> problems(Viewer viewer, long id, int page, int size) {
        job(viewer, id);
        Locale locale = LocaleContextHolder.getLocale();
        List<ProblemView> items = jobs.problems(id, page, size).stream()
                .map(p -> new ProblemView(p.line(), p.column(), labels.label(p.column(), locale), p.code(),
                        text(p.code(), p.args().toArray(), locale)))
                .toList();
        return new Page<>(items, page, size, jobs.countProblems(id));
    }

    /** Starts writing the valid rows; only the first of several confirmations does anything. */
    public ImportJob confirm(Viewer viewer, long id) {
        ImportJob job = job(viewer, id);
        if (job.status() == ImportStatus.VALIDATED && job.validRows() == 0) {
            throw new RuleViolation("import.nothingValid");
        }
        if (!jobs.startImport(id, viewer.username())) {
            throw new RuleViolation("import.notConfirmable", statusText(job.status()));
        }
        try {
            workers.submit(() -> runner.importRows(id, viewer));
        } catch (RuleViolation busy) {
            jobs.failed(id, busy.code(), List.of(), clock.instant());
            throw busy;
        }
        return job(viewer, id);
    }

    /** Deletes the job and its problems; an import that is being written cannot be discarded. */
    public void discard(Viewer viewer, long id) {
        ImportJob job = job(viewer, id);
        transaction.executeWithoutResult(s -> {
            if (!jobs.delete(id)) {
                throw new RuleViolation("import.notDiscardable", statusText(job.status()));
            }
            audit.record(viewer, "imports.discard", "import_job", id, job.kind() + " " + job.fileName());
        });
    }

    public ImportTemplate template(ImportKind kind, String format) {
        RosterKind rosterKind = rosterKind(kind);
        String base = kind.slug() + "-template";
        if ("csv".equalsIgnoreCase(format)) {
            return new ImportTemplate(base + ".csv", CSV, templates.csv(rosterKind));
        }
        if ("xlsx".equalsIgnoreCase(format)) {
            return new ImportTemplate(base + ".xlsx", XLSX, templates.xlsx(rosterKind));
        }
        throw new RuleViolation("import.file.unsupported", format);
    }

    private RosterKind rosterKind(ImportKind kind) {
        if (kind == null) {
            throw new RuleViolation("import.kindRequired");
        }
        return kinds.find(kind).orElseThrow(() -> new RuleViolation("import.kindUnavailable", kind));
    }

    private ImportJob view(ImportJobs.Stored s) {
        String failure = s.failureCode() == null ? null
                : text(s.failureCode(), s.failureArgs().toArray(), LocaleContextHolder.getLocale());
        return new ImportJob(s.id(), s.kind(), s.fileName(), s.status(), s.totalRows(), s.doneRows(), s.validRows(),
                s.problems(), s.created(), s.updated(), s.unchanged(), failure, s.createdBy(), s.createdAt(),
                s.confirmedBy(), s.finishedAt());
    }

    private String statusText(ImportStatus status) {
        return text("import.status." + status, new Object[0], LocaleContextHolder.getLocale());
    }

    private String text(String code, Object[] args, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }

    private static void adminOnly(Viewer viewer, Object id) {
        if (viewer == null || !viewer.isAdmin()) {
            throw new NotFoundException("import", id);
        }
    }

    /** The file's own name without any path a browser sent, at most 200 characters. */
    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name;
    }
}
