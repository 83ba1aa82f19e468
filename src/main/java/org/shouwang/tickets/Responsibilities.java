package org.shouwang.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.shouwang.identity.AuditLog;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility list (部门责任清单) as a versioned document: administrators edit a draft,
 * publish it, and the published version routes requests. A request keeps the version and clause
 * it was dispatched under.
 */
@Service
@Transactional(readOnly = true)
public class Responsibilities {

    private static final String CLAUSE = """
            SELECT r.id, r.list_id, l.version, r.clause, r.category, r.subcategory, r.building_id, b.name AS building,
                   r.department_id, d.name AS department, r.duty, r.dispatch_hours, r.respond_hours, r.resolve_hours,
                   r.urgent_dispatch_hours, r.urgent_respond_hours, r.urgent_resolve_hours
            FROM responsibility r JOIN responsibility_list l ON l.id = r.list_id JOIN department d ON d.id = r.department_id
            LEFT JOIN building b ON b.id = r.building_id
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Published published;

    Responsibilities(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Status { DRAFT, PUBLISHED, SUPERSEDED }

    public record Version(long id, int version, Status status, String note, java.time.Instant createdAt, String createdBy,
                          java.time.Instant publishedAt, String publishedBy) {
    }

    /** One clause: requests of this category (and sub-category, and building, when given) go to this department. */
    public record Clause(long id, long listId, int version, String clause, Category category, Category.Subcategory subcategory,
                         Long buildingId, String building, long departmentId, String department, String duty,
                         Limits normal, Limits urgent) {

        public Limits limits(boolean urgentRequest) {
            return urgentRequest ? urgent : normal;
        }

        int specificity() {
            return (buildingId != null ? 2 : 0) + (subcategory != null ? 1 : 0);
        }
    }

    /** What an administrator writes into a draft clause. */
    public record ClauseDraft(String clause, Category category, Category.Subcategory subcategory, Long buildingId,
                              long departmentId, String duty, Limits normal, Limits urgent) {
    }

    public Optional<Version> published() {
        return jdbc.sql("SELECT * FROM responsibility_list WHERE status = 'PUBLISHED'").query(Responsibilities::version).optional();
    }

    public List<Version> versions() {
        return jdbc.sql("SELECT * FROM responsibility_list ORDER BY version DESC").query(Responsibilities::version).list();
    }

    public Version version(int number) {
        return jdbc.sql("SELECT * FROM responsibility_list WHERE version = ?").param(number).query(Responsibilities::version)
                .optional().orElseThrow(() -> new NotFoundException("responsibilityList", number));
    }

    public List<Clause> clauses(long listId) {
        return jdbc.sql(CLAUSE + " WHERE r.list_id = ? ORDER BY r.clause").param(listId).query(Responsibilities::clause).list()
                .stream().sorted(Comparator.comparing(c -> clauseOrder(c.clause()))).toList();
    }

    /**
     * The clauses of the published version. Read on every submission, so a short-lived copy is
     * kept; publishing here drops it, other nodes see a new version within {@link BusinessCalendar#REFRESH}.
     */
    public List<Clause> publishedClauses() {
        Published current = published;
        Instant now = Instant.now();
        if (current == null || current.at().plus(BusinessCalendar.REFRESH).isBefore(now)) {
            current = new Published(published().map(v -> clauses(v.id())).orElse(List.of()), now);
            published = current;
        }
        return current.clauses();
    }

    private record Published(List<Clause> clauses, Instant at) {
    }

    public Optional<Clause> clause(long id) {
        return jdbc.sql(CLAUSE + " WHERE r.id = ?").param(id).query(Responsibilities::clause).optional();
    }

    /**
     * The clause of the published list that routes a request, when exactly one department is
     * named by the most specific matching clauses; empty when none or several do (the desk decides).
     */
    public Optional<Clause> route(Category category, Category.Subcategory subcategory, Long buildingId) {
        List<Clause> matching = publishedClauses().stream()
                .filter(c -> c.category() == category)
                .filter(c -> c.subcategory() == null || c.subcategory() == subcategory)
                .filter(c -> c.buildingId() == null || c.buildingId().equals(buildingId))
                .toList();
        int best = matching.stream().mapToInt(Clause::specificity).max().orElse(-1);
        List<Clause> top = matching.stream().filter(c -> c.specificity() == best).toList();
        if (top.isEmpty() || top.stream().map(Clause::departmentId).distinct().count() > 1) {
            return Optional.empty();
        }
        return Optional.of(top.get(0));
    }

    /** The clause of the published list for this category that names this department, if any. */
    public Optional<Clause> clauseFor(Category category, Category.Subcategory subcategory, Long buildingId, long departmentId) {
        return publishedClauses().stream()
                .filter(c -> c.category() == category && c.departmentId() == departmentId)
                .filter(c -> c.subcategory() == null || c.subcategory() == subcategory)
                .filter(c -> c.buildingId() == null || c.buildingId().equals(buildingId))
                .max(Comparator.comparingInt(Clause::specificity));
    }

    /** The clause a returning department cites, by its number in the published list. */
    public Optional<Clause> publishedClause(String clause) {
        return publishedClauses().stream().filter(c -> c.clause().equalsIgnoreCase(clause.trim())).findFirst();
    }

    /** The draft being edited: the open one, or a new copy of the published version. */
    @Transactional
    public Version draft(Viewer admin) {
        Optional<Version> open = jdbc.sql("SELECT * FROM responsibility_list WHERE status = 'DRAFT'")
                .query(Responsibilities::version).optional();
        if (open.isPresent()) {
            return open.get();
        }
        int next = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM responsibility_list").query(Integer.class).single();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO responsibility_list (version, status, created_at, created_by) VALUES (?, 'DRAFT', ?, ?)")
                .params(next, Timestamps.of(clock.instant()), admin.username()).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        published().ifPresent(p -> jdbc.sql("""
                        INSERT INTO responsibility (list_id, clause, category, subcategory, building_id, department_id, duty,
                            dispatch_hours, respond_hours, resolve_hours, urgent_dispatch_hours, urgent_respond_hours, urgent_resolve_hours)
                        SELECT ?, clause, category, subcategory, building_id, department_id, duty,
                            dispatch_hours, respond_hours, resolve_hours, urgent_dispatch_hours, urgent_respond_hours, urgent_resolve_hours
                        FROM responsibility WHERE list_id = ?""").params(id, p.id()).update());
        audit.record(admin, "responsibilities.draft", "responsibilityList", next, null);
        return version(next);
    }

    /** Adds a clause to the draft, or replaces the draft's clause of the same number. */
    @Transactional
    public Clause saveClause(Viewer admin, ClauseDraft draft) {
        Version version = draft(admin);
        check(draft);
        jdbc.sql("DELETE FROM responsibility WHERE list_id = ? AND clause = ?").params(version.id(), draft.clause().trim()).update();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO responsibility (list_id, clause, category, subcategory, building_id, department_id, duty,
                            dispatch_hours, respond_hours, resolve_hours, urgent_dispatch_hours, urgent_respond_hours, urgent_resolve_hours)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(version.id(), draft.clause().trim(), draft.category().name(),
                        draft.subcategory() == null ? null : draft.subcategory().name(), draft.buildingId(), draft.departmentId(),
                        draft.duty().trim(), draft.normal().dispatchHours(), draft.normal().respondHours(), draft.normal().resolveHours(),
                        draft.urgent().dispatchHours(), draft.urgent().respondHours(), draft.urgent().resolveHours())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(admin, "responsibilities.clause", "responsibilityList", version.version(), draft.clause() + " " + draft.category());
        return clause(id).orElseThrow();
    }

    @Transactional
    public void removeClause(Viewer admin, String clause) {
        Version version = draft(admin);
        if (jdbc.sql("DELETE FROM responsibility WHERE list_id = ? AND clause = ?").params(version.id(), clause).update() == 0) {
            throw new NotFoundException("clause", clause);
        }
        audit.record(admin, "responsibilities.clauseRemoved", "responsibilityList", version.version(), clause);
    }

    /** Publishes the draft: it routes requests from now on; the previous version is kept as superseded. */
    @Transactional
    public Version publish(Viewer admin, String note) {
        Version draft = jdbc.sql("SELECT * FROM responsibility_list WHERE status = 'DRAFT'").query(Responsibilities::version)
                .optional().orElseThrow(() -> new RuleViolation("responsibilities.noDraft"));
        if (clauses(draft.id()).isEmpty()) {
            throw new RuleViolation("responsibilities.emptyDraft");
        }
        jdbc.sql("UPDATE responsibility_list SET status = 'SUPERSEDED' WHERE status = 'PUBLISHED'").update();
        jdbc.sql("UPDATE responsibility_list SET status = 'PUBLISHED', published_at = ?, published_by = ?, note = ? WHERE id = ?")
                .params(Timestamps.of(clock.instant()), admin.username(), note, draft.id()).update();
        audit.record(admin, "responsibilities.publish", "responsibilityList", draft.version(), note);
        published = null;
        return version(draft.version());
    }

    @Transactional
    public void discardDraft(Viewer admin) {
        jdbc.sql("SELECT id FROM responsibility_list WHERE status = 'DRAFT'").query(Long.class).optional().ifPresent(id -> {
            jdbc.sql("DELETE FROM responsibility WHERE list_id = ?").param(id).update();
            jdbc.sql("DELETE FROM responsibility_list WHERE id = ?").param(id).update();
            audit.record(admin, "responsibilities.discard", "responsibilityList", id, null);
        });
    }

    private void check(ClauseDraft draft) {
        if (draft.category() == Category.REPAIRS || draft.subcategory() == null) {
            return;
        }
        throw new InvalidInput("subcategory", "responsibilities.subcategoryOnlyForRepairs");
    }

    /** Orders "2.10" after "2.9". */
    private static String clauseOrder(String clause) {
        StringBuilder key = new StringBuilder();
        for (String part : clause.split("\\.")) {
            key.append(String.format("%8s", part)).append('.');
        }
        return key.toString();
    }

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getLong("id"), rs.getInt("version"), Status.valueOf(rs.getString("status")), rs.getString("note"),
                Timestamps.read(rs, "created_at"), rs.getString("created_by"), Timestamps.read(rs, "published_at"),
                rs.getString("published_by"));
    }

    private static Clause clause(ResultSet rs, int n) throws SQLException {
        String sub = rs.getString("subcategory");
        return new Clause(rs.getLong("id"), rs.getLong("list_id"), rs.getInt("version"), rs.getString("clause"),
                Category.valueOf(rs.getString("category")), sub == null ? null : Category.Subcategory.valueOf(sub),
                rs.getObject("building_id", Long.class), rs.getString("building"), rs.getLong("department_id"),
                rs.getString("department"), rs.getString("duty"),
                new Limits(rs.getInt("dispatch_hours"), rs.getInt("respond_hours"), rs.getInt("resolve_hours")),
                new Limits(rs.getInt("urgent_dispatch_hours"), rs.getInt("urgent_respond_hours"), rs.getInt("urgent_resolve_hours")));
    }
}
