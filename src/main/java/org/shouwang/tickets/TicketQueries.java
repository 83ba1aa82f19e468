package org.shouwang.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.identity.AuditLog;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Page;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading requests: lists and one request's detail, always narrowed to what the viewer may see. */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

    private static final String ROW = """
            SELECT t.id, t.submitted_at, t.category, t.subcategory, t.urgent, t.state, t.text, s.name AS student, d.name AS department,
                   t.location, t.dispatched_at, t.dispatch_by, t.respond_by, t.resolve_by, t.first_response_at, t.supervision_level,
                   t.awaiting_decision, t.confidential
            FROM ticket t JOIN student s ON s.id = t.student_id LEFT JOIN department d ON d.id = t.department_id
            """;

    private final JdbcClient jdbc;
    private final TicketScope scope;
    private final AuditLog audit;
    private final TicketsProperties properties;
    private final Clock clock;
    private final TicketStore store;

    TicketQueries(JdbcClient jdbc, TicketScope scope, TicketStore store, AuditLog audit, TicketsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.scope = scope;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A page of the requests the viewer may read; psychology requests listed to anyone but their student are audited. */
    @Transactional
    public Page<TicketViews.Row> list(Viewer viewer, TicketViews.Filter filter, int page, int size) {
        TicketScope.Condition visible = scope.of(viewer);
        Map<String, Object> params = new HashMap<>(visible.params());
        List<String> where = new ArrayList<>(List.of(visible.sql()));
        switch (filter.queue()) {
            case MINE -> {
                params.put("me", viewer.studentId() == null ? -1L : viewer.studentId());
                where.add("(t.student_id = :me OR t.id IN (SELECT m.merged_into_id FROM ticket m WHERE m.student_id = :me))");
            }
            case OWNED -> where.add("t.owner_account_id = :scopeAccount");
            case DEPARTMENT -> {
                params.put("myDepartment", viewer.departmentId() == null ? -1L : viewer.departmentId());
                where.add("t.department_id = :myDepartment AND t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_STUDENT', 'REOPENED')");
            }
            case DESK -> where.add("t.state IN ('SUBMITTED', 'RETURNED') AND NOT t.awaiting_decision AND NOT t.confidential");
            case DECISIONS -> where.add("t.awaiting_decision");
            case VISIBLE -> {
            }
        }
        if (filter.state() != null) {
            params.put("state", filter.state().name());
            where.add("t.state = :state");
        }
        if (filter.category() != null) {
            params.put("category", filter.category().name());
            where.add("t.category = :category");
        }
        if (filter.supervised()) {
            where.add("t.supervision_level > 0");
        }
        if (filter.overdue()) {
            params.put("now", Timestamps.of(clock.instant()));
            where.add("""
                    ((t.state IN ('SUBMITTED', 'RETURNED') AND t.dispatch_by < :now)
                     OR (t.state IN ('DISPATCHED', 'ACCEPTED', 'REOPENED') AND t.first_response_at IS NULL AND t.respond_by < :now)
                     OR (t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED') AND t.resolve_by < :now))""");
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().trim();
            params.put("qText", "%" + q.replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("qId", TicketNumber.idOf(q).orElse(-1L));
            where.add("(t.id = :qId OR (NOT t.confidential AND t.text ILIKE :qText))");
        }
        String condition = " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM ticket t" + condition).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        String order = filter.queue() == TicketViews.Queue.DEPARTMENT || filter.queue() == TicketViews.Queue.DESK
                ? " ORDER BY t.urgent DESC, coalesce(t.resolve_by, t.dispatch_by), t.id" : " ORDER BY t.id DESC";
        List<TicketViews.Row> rows = jdbc.sql(ROW + condition + order + " LIMIT :limit OFFSET :offset").params(params)
                .query(this::row).list();
        List<String> confidential = rows.stream().filter(TicketViews.Row::confidential)
                .filter(r -> viewer.studentId() == null).map(TicketViews.Row::number).toList();
        if (!confidential.isEmpty()) {
            audit.record(viewer, "ticket.list", "ticket", null, String.join(" ", confidential));
        }
        return new Page<>(rows, page, size, total);
    }

    /**
     * What became of these requests, in the order of their ids; unknown ids are left out. Not
     * narrowed to a viewer: for a module that linked the requests to something of its own, which
     * decides what of them to show to whom (a psychology request's content only to whom
     * {@link #sees} lets read it).
     */
    public List<TicketViews.Outcome> outcomes(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT t.id, t.submitted_at, t.category, t.subcategory, t.state, t.confidential, t.student_id, s.name,
                               s.student_number, t.text, t.owner_account_id, t.merged_into_id, t.closed_at,
                               (SELECT e.text FROM ticket_event e WHERE e.ticket_id = t.id AND e.kind = 'RESOLVED' AND e.public
                                ORDER BY e.id DESC LIMIT 1) AS feedback
                        FROM ticket t JOIN student s ON s.id = t.student_id WHERE t.id = ANY(?) ORDER BY t.id""")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> {
                    String sub = rs.getString("subcategory");
                    return new TicketViews.Outcome(rs.getLong("id"), TicketNumber.of(rs.getLong("id"), Timestamps.read(rs, "submitted_at")),
                            Category.valueOf(rs.getString("category")), sub == null ? null : Category.Subcategory.valueOf(sub),
                            TicketState.valueOf(rs.getString("state")), rs.getBoolean("confidential"), rs.getLong("student_id"),
                            rs.getString("name"), rs.getString("student_number"), rs.getString("text"), rs.getString("feedback"),
                            rs.getObject("owner_account_id", Long.class), rs.getObject("merged_into_id", Long.class),
                            Timestamps.read(rs, "submitted_at"), Timestamps.read(rs, "closed_at"));
                })
                .list();
    }

    /** Throws 404 unless the viewer may read this request. */
    public void requireVisible(Viewer viewer, long id) {
        if (!sees(viewer, id)) {
            throw new NotFoundException("ticket", id);
        }
    }

    public boolean sees(Viewer viewer, long id) {
        TicketScope.Condition visible = scope.of(viewer);
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("id", id);
        return jdbc.sql("SELECT count(*) FROM ticket t WHERE t.id = :id AND " + visible.sql()).params(params)
                .query(Long.class).single() > 0;
    }

    /** One request as the viewer may see it; a view of a psychology request is audited. */
    @Transactional
    public TicketViews.Detail detail(Viewer viewer, long id) {
        requireVisible(viewer, id);
        Ticket t = store.get(id);
        if (t.confidential) {
            audit.record(viewer, "ticket.view", "ticket", id, t.number());
        }
        boolean staffView = !TicketScope.requester(viewer, t) && viewer.isStaff();
        // A student following a request because their duplicate was merged into it learns its progress, not who asked.
        boolean identifies = TicketScope.requester(viewer, t) || viewer.isStaff() || viewer.has(Role.BUILDING_LEADER)
                || viewer.has(Role.FLOOR_LEADER);
        List<TicketViews.Event> history = history(id, staffView, identifies ? null : t.studentId);
        Map<String, Object> names = jdbc.sql("""
                        SELECT s.name AS student, s.student_number, o.display_name AS owner, d.name AS department,
                               h.display_name AS handler, r.clause
                        FROM ticket t JOIN student s ON s.id = t.student_id LEFT JOIN account o ON o.id = t.owner_account_id
                        LEFT JOIN department d ON d.id = t.department_id LEFT JOIN account h ON h.id = t.handler_account_id
                        LEFT JOIN responsibility r ON r.id = t.responsibility_id WHERE t.id = ?""")
                .param(id).query().singleRow();
        TicketStore.Extension pending = store.pendingExtension(id).orElse(null);
        Instant deadline = t.runningDeadline();
        return new TicketViews.Detail(t.id, t.number(), t.version, t.category, t.subcategory, t.urgent, t.state, t.text,
                identifies ? t.location : null, t.buildingId, identifies ? t.floorNumber : null, t.channel,
                identifies ? t.studentId : 0, identifies ? (String) names.get("student") : null,
                identifies ? (String) names.get("student_number") : null, (String) names.get("owner"), t.departmentId, (String) names.get("department"),
                (String) names.get("handler"), (String) names.get("clause"), t.listVersion, t.submittedAt, t.dispatchBy,
                t.respondBy, t.resolveBy, t.firstResponseAt, t.resolvedAt, t.closedAt, deadline,
                risk(deadline, t.dispatchedAt != null ? t.dispatchedAt : t.submittedAt), t.supervisionLevel, t.returns, t.reopens,
                t.awaitingDecision, t.dispatchForced, t.confidential, t.crisis, t.onSpot, t.contacted, t.solved, t.satisfaction,
                t.mergedIntoId == null ? null : TicketNumber.of(t.mergedIntoId, submittedAt(t.mergedIntoId)), t.mergedIntoId,
                related("SELECT id, submitted_at, state FROM ticket WHERE merged_into_id = ? ORDER BY id", id),
                related("""
                        SELECT t.id, t.submitted_at, t.state FROM ticket t JOIN ticket_link l
                          ON (l.ticket_id = ? AND t.id = l.linked_id) OR (l.linked_id = ? AND t.id = l.ticket_id) ORDER BY t.id""", id, id),
                pending == null || !staffView ? null : new TicketViews.PendingExtension(pending.id(), pending.hours(), pending.reason()),
                history, actions(viewer, t, pending != null));
    }

    private Set<TicketViews.Action> actions(Viewer viewer, Ticket t, boolean extensionPending) {
        Set<TicketViews.Action> actions = EnumSet.noneOf(TicketViews.Action.class);
        if (TicketScope.requester(viewer, t)) {
            if (t.state.open()) {
                actions.add(TicketViews.Action.STUDENT_REPLY);
                actions.add(TicketViews.Action.WITHDRAW);
            }
            if (t.state == TicketState.RESOLVED && !t.onSpot) {
                actions.add(TicketViews.Action.FOLLOW_UP);
            }
            return actions;
        }
        if (viewer.isStaff()) {
            actions.add(TicketViews.Action.NOTE);
        }
        if (TicketScope.dispatches(viewer, t) && t.state.open()) {
            if ((t.state == TicketState.SUBMITTED || t.state == TicketState.RETURNED) && !t.awaitingDecision) {
                actions.add(TicketViews.Action.DISPATCH);
            }
            if (EnumSet.of(TicketState.DISPATCHED, TicketState.ACCEPTED, TicketState.IN_PROGRESS, TicketState.REOPENED).contains(t.state)) {
                actions.add(TicketViews.Action.TRANSFER);
            }
            actions.add(TicketViews.Action.MERGE);
            actions.add(TicketViews.Action.LINK);
        }
        if (viewer.has(Role.STUDENT_AFFAIRS) && t.awaitingDecision) {
            actions.add(TicketViews.Action.DECIDE);
        }
        if (TicketScope.handles(viewer, t)) {
            switch (t.state) {
                case DISPATCHED, REOPENED -> actions.add(TicketViews.Action.ACCEPT);
                case ACCEPTED, IN_PROGRESS -> actions.addAll(EnumSet.of(TicketViews.Action.REPLY, TicketViews.Action.ASK,
                        TicketViews.Action.RESOLVE));
                case WAITING_ON_STUDENT -> actions.add(TicketViews.Action.REPLY);
                default -> {
                }
            }
            if ((t.state == TicketState.DISPATCHED || t.state == TicketState.ACCEPTED) && !t.dispatchForced) {
                actions.add(TicketViews.Action.RETURN);
            }
            if (!extensionPending && EnumSet.of(TicketState.ACCEPTED, TicketState.IN_PROGRESS, TicketState.WAITING_ON_STUDENT).contains(t.state)) {
                actions.add(TicketViews.Action.REQUEST_EXTENSION);
            }
        }
        if (extensionPending && TicketScope.heads(viewer, t)) {
            actions.add(TicketViews.Action.DECIDE_EXTENSION);
        }
        return actions;
    }

    /** Students whose duplicates were merged into this request: they are told of it too. */
    List<Long> mergedRequesters(long id) {
        return jdbc.sql("SELECT DISTINCT student_id FROM ticket WHERE merged_into_id = ?").param(id).query(Long.class).list();
    }

    /** The history; with {@code hiddenStudent}, that student's name is not shown as the actor of their steps. */
    private List<TicketViews.Event> history(long id, boolean staffView, Long hiddenStudent) {
        Map<Long, List<Long>> photos = new HashMap<>();
        jdbc.sql("SELECT id, event_id FROM ticket_photo WHERE ticket_id = ? ORDER BY id").param(id).query(rs -> {
            photos.computeIfAbsent(rs.getLong("event_id"), k -> new ArrayList<>()).add(rs.getLong("id"));
        });
        return jdbc.sql("""
                        SELECT e.*, CASE WHEN e.actor_account_id IN (SELECT a.id FROM account a WHERE a.student_id = :hidden)
                                    THEN NULL ELSE e.actor_name END AS shown_actor
                        FROM ticket_event e WHERE e.ticket_id = :id""" + (staffView ? "" : " AND e.public") + " ORDER BY e.id")
                .param("id", id).param("hidden", hiddenStudent == null ? -1L : hiddenStudent)
                .query((rs, n) -> new TicketViews.Event(rs.getLong("id"), Timestamps.read(rs, "at"), rs.getString("shown_actor"),
                        rs.getString("kind"), rs.getBoolean("public"), state(rs.getString("from_state")), state(rs.getString("to_state")),
                        rs.getString("text"), staffView ? rs.getString("detail") : null,
                        photos.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private List<TicketViews.Related> related(String sql, Object... args) {
        return jdbc.sql(sql).params(args).query((rs, n) -> new TicketViews.Related(rs.getLong("id"),
                TicketNumber.of(rs.getLong("id"), Timestamps.read(rs, "submitted_at")), TicketState.valueOf(rs.getString("state")))).list();
    }

    private Instant submittedAt(long id) {
        return jdbc.sql("SELECT submitted_at FROM ticket WHERE id = ?").param(id).query((rs, n) -> Timestamps.read(rs, "submitted_at")).single();
    }

    private TicketViews.Row row(ResultSet rs, int n) throws SQLException {
        TicketState state = TicketState.valueOf(rs.getString("state"));
        Instant deadline = null;
        if (state.open() && state != TicketState.WAITING_ON_STUDENT) {
            deadline = state == TicketState.SUBMITTED || state == TicketState.RETURNED ? Timestamps.read(rs, "dispatch_by")
                    : Timestamps.read(rs, "first_response_at") == null ? Timestamps.read(rs, "respond_by") : Timestamps.read(rs, "resolve_by");
        }
        Instant since = Timestamps.read(rs, "dispatched_at");
        String sub = rs.getString("subcategory");
        String text = rs.getString("text");
        return new TicketViews.Row(rs.getLong("id"), TicketNumber.of(rs.getLong("id"), Timestamps.read(rs, "submitted_at")),
                Category.valueOf(rs.getString("category")), sub == null ? null : Category.Subcategory.valueOf(sub),
                rs.getBoolean("urgent"), state, text.length() > 60 ? text.substring(0, 60) + "…" : text, rs.getString("student"),
                rs.getString("department"), rs.getString("location"), Timestamps.read(rs, "submitted_at"), deadline,
                risk(deadline, since != null ? since : Timestamps.read(rs, "submitted_at")), rs.getInt("supervision_level"),
                rs.getBoolean("awaiting_decision"), rs.getBoolean("confidential"));
    }

    private TicketViews.Risk risk(Instant deadline, Instant since) {
        if (deadline == null) {
            return TicketViews.Risk.NONE;
        }
        Instant now = clock.instant();
        if (now.isAfter(deadline)) {
            return TicketViews.Risk.OVERDUE;
        }
        long total = Duration.between(since, deadline).toSeconds();
        long used = Duration.between(since, now).toSeconds();
        return total > 0 && used >= total * properties.reminderShare() ? TicketViews.Risk.NEAR : TicketViews.Risk.OK;
    }

    private static TicketState state(String s) {
        return s == null ? null : TicketState.valueOf(s);
    }

    /** Counts of requests of one category in an area: still open, overdue among them, resolved since a given instant. */
    public record AreaCount(Category category, long open, long overdue, long resolvedSince) {
    }

    /**
     * How many requests raised in these floors and rooms of a building are open, overdue and resolved
     * since {@code since}, by category: counts only, never content, and confidential requests left out.
     * Not narrowed to a viewer: for a module that decides who sees an area's counts (a Party member's zone).
     */
    public List<AreaCount> countsIn(long buildingId, java.util.Collection<Integer> floors, java.util.Collection<Long> rooms,
                                    Instant since) {
        List<String> places = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!floors.isEmpty()) {
            places.add("t.floor_number IN (:floors)");
            params.put("floors", List.copyOf(floors));
        }
        if (!rooms.isEmpty()) {
            places.add("t.room_id IN (:rooms)");
            params.put("rooms", List.copyOf(rooms));
        }
        if (places.isEmpty()) {
            return List.of();
        }
        params.put("building", buildingId);
        params.put("now", Timestamps.of(clock.instant()));
        params.put("since", Timestamps.of(since));
        Map<Category, long[]> counts = new java.util.EnumMap<>(Category.class);
        jdbc.sql("""
                        SELECT t.category,
                               sum(CASE WHEN t.state IN ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_STUDENT',
                                                         'RETURNED', 'REOPENED') THEN 1 ELSE 0 END) AS open_count,
                               sum(CASE WHEN (t.state IN ('SUBMITTED', 'RETURNED') AND t.dispatch_by < :now)
                                          OR (t.state IN ('DISPATCHED', 'ACCEPTED', 'REOPENED') AND t.first_response_at IS NULL AND t.respond_by < :now)
                                          OR (t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED') AND t.resolve_by < :now)
                                        THEN 1 ELSE 0 END) AS overdue_count,
                               sum(CASE WHEN t.resolved_at >= :since THEN 1 ELSE 0 END) AS resolved_count
                        FROM ticket t WHERE t.building_id = :building AND NOT t.confidential AND (%s)
                        GROUP BY t.category""".formatted(String.join(" OR ", places)))
                .params(params)
                .query(rs -> {
                    counts.put(Category.valueOf(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        return counts.entrySet().stream().map(e -> new AreaCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    private static final String OPEN_STATES = "t.state IN ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_STUDENT', 'RETURNED', 'REOPENED')";

    /** The same "overdue" as the list's filter, on {@code :now}. */
    private static final String OVERDUE = """
            ((t.state IN ('SUBMITTED', 'RETURNED') AND t.dispatch_by < :now)
             OR (t.state IN ('DISPATCHED', 'ACCEPTED', 'REOPENED') AND t.first_response_at IS NULL AND t.respond_by < :now)
             OR (t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED') AND t.resolve_by < :now))""";

    /** Open requests of one class and category, and how many of them are overdue now. */
    public record ClassCount(long classId, Category category, long open, long overdue) {
    }

    /**
     * How many requests of students of these classes (their class when they asked) are open now,
     * and overdue among them, by class and category: counts only, confidential requests included.
     * Not narrowed to a viewer: for a module that checked the viewer's right to the classes and
     * applies its own minimum group size.
     */
    public List<ClassCount> openCountsOfClasses(java.util.Collection<Long> classIds) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT t.class_id, t.category, count(*) AS open_count,
                               sum(CASE WHEN %s THEN 1 ELSE 0 END) AS overdue_count
                        FROM ticket t WHERE t.class_id IN (:classes) AND %s
                        GROUP BY t.class_id, t.category ORDER BY t.class_id, t.category""".formatted(OVERDUE, OPEN_STATES))
                .param("classes", List.copyOf(classIds)).param("now", Timestamps.of(clock.instant()))
                .query((rs, n) -> new ClassCount(rs.getLong(1), Category.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** An open request of a student of a class, and whether it is overdue now. */
    public record ClassRequest(long classId, boolean overdue, TicketViews.Row row) {
    }

    /**
     * The open requests of students of these classes that are not confidential (never a psychology
     * request, whoever owns it), overdue ones first, then newest first, at most {@code limit}. Not
     * narrowed to a viewer: for a module that checked the viewer's right to the classes.
     */
    public List<ClassRequest> openOfClasses(java.util.Collection<Long> classIds, int limit) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("classes", List.copyOf(classIds));
        params.put("now", Timestamps.of(clock.instant()));
        params.put("limit", limit);
        Map<Long, long[]> found = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT t.id, t.class_id, CASE WHEN %s THEN 1 ELSE 0 END AS late FROM ticket t
                        WHERE t.class_id IN (:classes) AND %s AND NOT t.confidential
                        ORDER BY late DESC, t.id DESC LIMIT :limit""".formatted(OVERDUE, OPEN_STATES))
                .params(params)
                .query(rs -> {
                    found.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, TicketViews.Row> rows = new HashMap<>();
        jdbc.sql(ROW + " WHERE t.id IN (:ids)").param("ids", List.copyOf(found.keySet()))
                .query(this::row).list().forEach(r -> rows.put(r.id(), r));
        List<ClassRequest> result = new ArrayList<>();
        found.forEach((id, v) -> result.add(new ClassRequest(v[0], v[1] == 1, rows.get(id))));
        return result;
    }

    /** A request raised in a place of a building: for clustering recurring problems (numbers only, never content). */
    public record Located(long id, String number, long buildingId, int floor, Category category, String subcategory) {
    }

    /**
     * Requests submitted in [from, to) that name a building and floor, merged duplicates left out,
     * ordered by id. Not narrowed to a viewer: for a module that decides who sees these numbers (hot spots).
     */
    public List<Located> locatedIn(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT t.id, t.submitted_at, t.building_id, t.floor_number, t.category, t.subcategory FROM ticket t
                        WHERE t.submitted_at >= :from AND t.submitted_at < :to AND t.building_id IS NOT NULL
                          AND t.floor_number IS NOT NULL AND t.merged_into_id IS NULL ORDER BY t.id""")
                .param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .query((rs, n) -> new Located(rs.getLong(1), TicketNumber.of(rs.getLong(1), rs.getTimestamp(2).toInstant()),
                        rs.getLong(3), rs.getInt(4), Category.valueOf(rs.getString(5)), rs.getString(6))).list();
    }
}
