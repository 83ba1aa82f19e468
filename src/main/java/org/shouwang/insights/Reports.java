package org.shouwang.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.shouwang.activities.Semester;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The governance report written from data (issue 7): for a period of at most two years and a
 * language (zh-CN or en), a job computes the report's {@link ReportFigures} section by section on
 * a small bounded executor, never on the request thread, and keeps its progress and figures in the
 * {@code governance_report} table, so that any node shows the progress and renders the report (HTML
 * or DOCX) from the stored figures. Leaders, administrators and student affairs only; anyone else
 * gets 404, for the page and the API alike.
 */
@Service
public class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    /** Longest period a report may cover. */
    static final int MAX_YEARS = 2;
    /** A job that has not moved for this long died with its node: shown as failed. */
    static final Duration STALE = Duration.ofMinutes(15);
    static final List<String> LANGUAGES = List.of("zh-CN", "en");
    static final int RECENT = 10;

    /** Where a job is. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * A job: its period (both days inclusive), language, state and progress (sections done of
     * total); {@code figures} once done.
     */
    public record Job(long id, LocalDate from, LocalDate to, String language, State state, int sectionsDone, int sectionsTotal,
                      Instant requestedAt, Instant finishedAt, ReportFigures figures) {

        public int percent() {
            return sectionsTotal == 0 ? 0 : sectionsDone * 100 / sectionsTotal;
        }

        public boolean done() {
            return state == State.DONE;
        }

        public boolean ended() {
            return state == State.DONE || state == State.FAILED;
        }

        public Locale locale() {
            return Locale.forLanguageTag(language);
        }
    }

    /** A period a picker offers: its key, message code and arguments of its label, and its days. */
    public record Preset(String key, String labelCode, Object[] labelArgs, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;
    private final ReportSections sections;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final ThreadPoolExecutor executor;

    Reports(JdbcClient jdbc, ReportSections sections, ObjectMapper json, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.sections = sections;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(20), r -> {
            Thread t = new Thread(r, "governance-report-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public boolean mayView(Viewer viewer) {
        return viewer.has(Role.LEADER) || viewer.has(Role.ADMIN) || viewer.has(Role.STUDENT_AFFAIRS);
    }

    public void require(Viewer viewer) {
        if (!mayView(viewer)) {
            throw new NotFoundException("page", "insights/report");
        }
    }

    // — periods —

    /** The periods the page offers, the past twelve months first (the default). */
    public List<Preset> presets(Viewer viewer) {
        require(viewer);
        LocalDate today = CampusTime.today(clock);
        List<Preset> presets = new ArrayList<>();
        presets.add(new Preset("last12", "insights.report.preset.last12", new Object[0], today.minusYears(1).plusDays(1), today));
        int ay = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        for (int y = ay; y > ay - 3; y--) {
            presets.add(new Preset("ay-" + y, "insights.report.preset.academicYear",
                    new Object[] {String.valueOf(y), String.valueOf(y + 1)}, LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 8, 31)));
        }
        Semester s = Semester.of(today);
        for (int i = 0; i < 4; i++) {
            presets.add(new Preset("term-" + s.key(), "insights.report.preset.term" + s.term(), s.labelArgs(), s.from(),
                    s.until().minusDays(1)));
            s = s.term() == 2 ? new Semester(s.startYear(), 1) : new Semester(s.startYear() - 1, 2);
        }
        for (int y = today.getYear(); y > today.getYear() - 3; y--) {
            presets.add(new Preset("year-" + y, "insights.report.preset.year", new Object[] {String.valueOf(y)},
                    LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
        }
        return presets;
    }

    /**
     * The days of a preset, or of "custom" the dates given; no preset means the past twelve months.
     * A missing custom date or an unknown preset is a field error.
     */
    public LocalDate[] period(Viewer viewer, String preset, LocalDate from, LocalDate to) {
        String key = preset == null || preset.isBlank() ? "last12" : preset.strip();
        if (key.equals("custom")) {
            List<InvalidInput.Problem> problems = new ArrayList<>();
            if (from == null) {
                problems.add(new InvalidInput.Problem("from", "insights.report.fromRequired"));
            }
            if (to == null) {
                problems.add(new InvalidInput.Problem("to", "insights.report.toRequired"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new LocalDate[] {from, to};
        }
        return presets(viewer).stream().filter(p -> p.key().equals(key)).findFirst()
                .map(p -> new LocalDate[] {p.from(), p.to()})
                .orElseThrow(() -> new InvalidInput("period", "insights.report.badPeriod"));
    }

    // — generating —

    /**
     * Starts a report of the days from {@code from} to {@code to} (both inclusive) in a language
     * ("zh-CN" when none): checks everything first (nothing is written on bad input), records the
     * job and hands it to the executor. Returns the job's id.
     */
    public long start(Viewer viewer, LocalDate from, LocalDate to, String language) {
        require(viewer);
        String lang = checked(from, to, language);
        Instant now = clock.instant();
        org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO governance_report (period_from, period_to, language, requested_by, requested_at, state,
                                                       sections_done, sections_total, updated_at)
                        VALUES (:from, :to, :language, :by, :now, 'QUEUED', 0, :total, :now)""")
                .param("from", from).param("to", to).param("language", lang).param("by", viewer.accountId())
                .param("now", Timestamps.of(now)).param("total", ReportSections.TOTAL)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        try {
            executor.execute(() -> generate(id, viewer, from, to));
        } catch (RejectedExecutionException busy) {
            fail(id, "busy");
            throw new RuleViolation("insights.report.busy");
        }
        return id;
    }

    private String checked(LocalDate from, LocalDate to, String language) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new InvalidInput.Problem("from", "insights.report.fromRequired"));
        } else if (from.getYear() < 2000 || from.getYear() > 2100) {
            problems.add(new InvalidInput.Problem("from", "insights.report.outOfRange"));
        }
        if (to == null) {
            problems.add(new InvalidInput.Problem("to", "insights.report.toRequired"));
        } else if (to.getYear() < 2000 || to.getYear() > 2100) {
            problems.add(new InvalidInput.Problem("to", "insights.report.outOfRange"));
        }
        if (problems.isEmpty() && from.isAfter(to)) {
            problems.add(new InvalidInput.Problem("to", "insights.report.toBeforeFrom"));
        } else if (problems.isEmpty() && to.isAfter(from.plusYears(MAX_YEARS).minusDays(1))) {
            problems.add(new InvalidInput.Problem("to", "insights.report.tooLong", MAX_YEARS));
        }
        String lang = language == null || language.isBlank() ? LANGUAGES.get(0) : language.strip();
        if (lang.equalsIgnoreCase("zh") || lang.equalsIgnoreCase("zh-CN")) {
            lang = "zh-CN";
        } else if (lang.equalsIgnoreCase("en")) {
            lang = "en";
        } else {
            problems.add(new InvalidInput.Problem("language", "insights.report.badLanguage"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return lang;
    }

    /** Computes the sections one after the other, recording progress after each, then the figures. */
    void generate(long id, Viewer viewer, LocalDate from, LocalDate to) {
        try {
            jdbc.sql("UPDATE governance_report SET state = 'RUNNING', updated_at = ? WHERE id = ?")
                    .params(Timestamps.of(clock.instant()), id).update();
            ReportFigures figures = compute(viewer, from, to, done -> progress(id, done));
            Instant now = clock.instant();
            jdbc.sql("""
                            UPDATE governance_report SET state = 'DONE', sections_done = sections_total, figures = ?,
                                   updated_at = ?, finished_at = ? WHERE id = ?""")
                    .params(json.writeValueAsString(figures), Timestamps.of(now), Timestamps.of(now), id).update();
        } catch (RuntimeException e) {
            log.warn("Governance report {} failed", id, e);
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The figures of a report computed at once, on the caller's thread, without a job: what a job
     * stores, for tests and callers that want the numbers only. Same checks as {@link #start}.
     */
    public ReportFigures figures(Viewer viewer, LocalDate from, LocalDate to) {
        require(viewer);
        checked(from, to, null);
        return compute(viewer, from, to, done -> {
        });
    }

    private ReportFigures compute(Viewer viewer, LocalDate from, LocalDate to, java.util.function.IntConsumer progress) {
        ReportFigures.Organisation organisation = sections.organisation(viewer, from, to);
        progress.accept(1);
        ReportFigures.Requests requests = sections.requests(viewer, from, to);
        progress.accept(2);
        ReportFigures.StudiosAndProjects studios = sections.studios(viewer);
        progress.accept(3);
        ReportFigures.PartnersAndMentors partners = sections.partners(viewer, from, to);
        progress.accept(4);
        ReportFigures.FrontLine frontLine = sections.frontLine(from, to);
        progress.accept(5);
        ReportFigures.Activities activities = sections.activities(from, to);
        progress.accept(6);
        ReportFigures.Honours honours = sections.honours(viewer, from, to);
        return new ReportFigures(from, to, clock.instant(), organisation, requests, studios, partners, frontLine, activities, honours);
    }

    private void progress(long id, int done) {
        jdbc.sql("UPDATE governance_report SET sections_done = ?, updated_at = ? WHERE id = ?")
                .params(done, Timestamps.of(clock.instant()), id).update();
    }

    private void fail(long id, String why) {
        String failure = why == null ? "" : why.length() > 500 ? why.substring(0, 500) : why;
        Instant now = clock.instant();
        jdbc.sql("UPDATE governance_report SET state = 'FAILED', failure = ?, updated_at = ?, finished_at = ? WHERE id = ?")
                .params(failure, Timestamps.of(now), Timestamps.of(now), id).update();
    }

    // — reading —

    /** One job with its progress, and its figures once done; 404 when there is none (or for others than leaders, admins, student affairs). */
    public Job job(Viewer viewer, long id) {
        require(viewer);
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> job(rs, true)).optional()
                .orElseThrow(() -> new NotFoundException("report", id));
    }

    /** The latest jobs, newest first, without their figures. */
    public List<Job> recent(Viewer viewer) {
        require(viewer);
        return jdbc.sql(SELECT + " ORDER BY id DESC LIMIT " + RECENT).query((rs, n) -> job(rs, false)).list();
    }

    /** The report of a finished job as it reads: text, tables and charts in the job's language; 404 until it is done. */
    public ReportDocument document(Viewer viewer, long id) {
        Job job = job(viewer, id);
        if (!job.done()) {
            throw new NotFoundException("report", id);
        }
        return ReportDocument.of(job, messages);
    }

    /** The report of a finished job as a Word document (DOCX); 404 until it is done. */
    public byte[] docx(Viewer viewer, long id) {
        return ReportDocx.write(document(viewer, id));
    }

    private static final String SELECT = """
            SELECT id, period_from, period_to, language, state, sections_done, sections_total, requested_at, finished_at,
                   updated_at, figures FROM governance_report""";

    private Job job(java.sql.ResultSet rs, boolean withFigures) throws java.sql.SQLException {
        State state = State.valueOf(rs.getString("state"));
        Instant updated = Timestamps.read(rs, "updated_at");
        if ((state == State.QUEUED || state == State.RUNNING) && updated.plus(STALE).isBefore(clock.instant())) {
            state = State.FAILED;
        }
        String text = withFigures && state == State.DONE ? rs.getString("figures") : null;
        ReportFigures figures = text == null ? null : json.readValue(text, ReportFigures.class);
        return new Job(rs.getLong("id"), rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getString("language"), state, rs.getInt("sections_done"), rs.getInt("sections_total"),
                Timestamps.read(rs, "requested_at"), Timestamps.read(rs, "finished_at"), figures);
    }
}
