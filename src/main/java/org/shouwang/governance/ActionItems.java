package org.shouwang.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.notifications.Notice;
import org.shouwang.people.People;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions of meetings as action items, tracked to done. The owner department's heads and handlers
 * (accounts of that department holding DEPARTMENT_HEAD or DEPARTMENT_HANDLER) note progress and close
 * an item, which needs a completion note; any other department is answered 404. Those who may read
 * governance see every item, overdue ones first. An item past its deadline and not done is raised to
 * supervision once: its department's heads, student affairs and the meeting's recorder are told.
 */
@Service
@Transactional
public class ActionItems {

    static final int NOTE_MAX = 2000;

    private static final String COLUMNS = """
            SELECT a.id, a.version, a.meeting_id, m.title, m.held_at, a.decision, a.department_id, a.deadline, a.status,
                   a.completion_note, a.closed_at, a.supervised_at, a.source
            FROM action_item a LEFT JOIN meeting m ON m.id = a.meeting_id""";

    private final JdbcClient jdbc;
    private final GoverningBodies bodies;
    private final People people;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionItems(JdbcClient jdbc, GoverningBodies bodies, @Lazy People people, @Lazy Accounts accounts, @Lazy AuditLog audit,
                ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.bodies = bodies;
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // — reading —

    /**
     * With {@code mine}, the items of the viewer's department (a head or handler; anyone else 404);
     * without, every item (those who may read governance; anyone else 404). Overdue items first, then
     * open ones by deadline, then done ones, most recently closed first.
     */
    @Transactional(readOnly = true)
    public List<GovernanceViews.ActionItem> list(Viewer viewer, boolean mine) {
        String order = " ORDER BY CASE WHEN a.status <> 'DONE' AND a.deadline < :today THEN 0 WHEN a.status <> 'DONE' THEN 1 ELSE 2 END,"
                + " CASE WHEN a.status = 'DONE' THEN NULL ELSE a.deadline END, a.closed_at DESC, a.id";
        if (mine) {
            if (!inADepartment(viewer)) {
                throw new NotFoundException("page", "governance/actions");
            }
            return read(jdbc.sql(COLUMNS + " WHERE a.department_id = :d" + order).param("d", viewer.departmentId())
                    .param("today", today()), viewer);
        }
        bodies.requireRead(viewer);
        return read(jdbc.sql(COLUMNS + order).param("today", today()), viewer);
    }

    /** Whether the viewer heads or handles for a department, so has a department's list of action items. */
    public boolean inADepartment(Viewer viewer) {
        return viewer.departmentId() != null && (viewer.has(Role.DEPARTMENT_HEAD) || viewer.has(Role.DEPARTMENT_HANDLER));
    }

    /** One item with its progress notes: for those who may read governance and its owner department (else 404). */
    @Transactional(readOnly = true)
    public GovernanceViews.ActionItem item(Viewer viewer, long id) {
        GovernanceViews.ActionItem item = one(viewer, id);
        if (!item.mayUpdate() && !bodies.mayRead(viewer)) {
            throw new NotFoundException("action item", id);
        }
        return item;
    }

    List<GovernanceViews.ActionItem> ofMeeting(Viewer viewer, long meetingId) {
        return read(jdbc.sql(COLUMNS + " WHERE a.meeting_id = :m ORDER BY a.id").param("m", meetingId), viewer);
    }

    private GovernanceViews.ActionItem one(Viewer viewer, long id) {
        return read(jdbc.sql(COLUMNS + " WHERE a.id = :id").param("id", id), viewer).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("action item", id));
    }

    private List<GovernanceViews.ActionItem> read(JdbcClient.StatementSpec spec, Viewer viewer) {
        Map<Long, String> departments = Meetings.names(people.departments().stream()
                .map(d -> new GovernanceViews.Department(d.id(), d.name())).toList());
        LocalDate today = today();
        return spec.query((rs, n) -> {
            long id = rs.getLong(1);
            long department = rs.getLong(7);
            LocalDate deadline = rs.getObject(8, LocalDate.class);
            ActionItemStatus status = ActionItemStatus.valueOf(rs.getString(9));
            Instant heldAt = at(rs, 5);
            return new GovernanceViews.ActionItem(id, rs.getInt(2), rs.getObject(3, Long.class), rs.getString(4),
                    heldAt == null ? null : heldAt.atZone(CampusTime.ZONE).toLocalDate(), rs.getString(13), rs.getString(6), department, departments.get(department),
                    deadline, status, rs.getString(10), at(rs, 11), at(rs, 12),
                    status != ActionItemStatus.DONE && deadline.isBefore(today), owns(viewer, department), progress(id));
        }).list();
    }

    private List<GovernanceViews.Progress> progress(long id) {
        List<Object[]> rows = jdbc.sql("""
                        SELECT account_id, status, note, recorded_at FROM action_item_progress WHERE action_item_id = ?
                        ORDER BY recorded_at, id""").param(id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), at(rs, 4)}).list();
        Map<Long, String> names = accounts.names(rows.stream().map(r -> (Long) r[0]).toList());
        return rows.stream().map(r -> new GovernanceViews.Progress(names.get((Long) r[0]), ActionItemStatus.valueOf((String) r[1]),
                (String) r[2], (Instant) r[3])).toList();
    }

    private boolean owns(Viewer viewer, long departmentId) {
        return inADepartment(viewer) && viewer.departmentId() == departmentId;
    }

    // — changing —

    long open(Viewer recorder, long meetingId, String decision, long departmentId, LocalDate deadline) {
        jdbc.sql("""
                        INSERT INTO action_item (meeting_id, decision, department_id, deadline, status, created_by, created_at)
                        VALUES (?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(meetingId, decision, departmentId, deadline, recorder.accountId(), Timestamps.of(clock.instant())).update();
        long id = jdbc.sql("SELECT max(id) FROM action_item WHERE meeting_id = ?").param(meetingId).query(Long.class).single();
        Set<Long> told = new LinkedHashSet<>(accounts.holding(Role.DEPARTMENT_HEAD, departmentId));
        told.addAll(accounts.holding(Role.DEPARTMENT_HANDLER, departmentId));
        if (!told.isEmpty()) {
            events.publishEvent(new Notice("governance-action-" + id, told, "governance.action.notice.assigned",
                    List.of(abbreviate(decision), deadline.toString()), "/governance/actions/" + id));
        }
        return id;
    }

    /**
     * An action item that comes from elsewhere than a meeting (e.g. a hot spot of insights), named by
     * {@code source}: for those who may read governance (else 404). Unknown departments, missing or past
     * deadlines and a missing decision are field errors; nothing is written then.
     */
    public long openFromSource(Viewer viewer, String source, ActionItemDraft draft) {
        bodies.requireRead(viewer);
        ActionItemDraft d = draft == null ? new ActionItemDraft(null, null, null) : draft;
        Fields f = new Fields();
        String decision = f.text(d.decision(), "decision", 1000, true);
        if (f.required(d.departmentId(), "departmentId")
                && people.departments().stream().noneMatch(dep -> dep.id() == d.departmentId())) {
            f.add("departmentId", "governance.action.unknownDepartment");
        }
        if (f.required(d.deadline(), "deadline") && d.deadline().isBefore(today())) {
            f.add("deadline", "governance.action.deadlinePast");
        }
        f.check();
        jdbc.sql("""
                        INSERT INTO action_item (source, decision, department_id, deadline, status, created_by, created_at)
                        VALUES (?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(source, decision, d.departmentId(), d.deadline(), viewer.accountId(), Timestamps.of(clock.instant())).update();
        long id = jdbc.sql("SELECT max(id) FROM action_item WHERE source = ?").param(source).query(Long.class).single();
        Set<Long> told = new LinkedHashSet<>(accounts.holding(Role.DEPARTMENT_HEAD, d.departmentId()));
        told.addAll(accounts.holding(Role.DEPARTMENT_HANDLER, d.departmentId()));
        if (!told.isEmpty()) {
            events.publishEvent(new Notice("governance-action-" + id, told, "governance.action.notice.assigned",
                    List.of(abbreviate(decision), d.deadline().toString()), "/governance/actions/" + id));
        }
        audit.record(viewer, "governance.action.open", "action_item", id, source);
        return id;
    }

    /**
     * The owner department notes progress: OPEN or IN_PROGRESS with a note (closing is {@link #close}).
     * Another department, or anyone else: 404. A done item takes no more notes (409).
     */
    public void progress(Viewer viewer, long id, ActionItemStatus status, String note, Integer expectedVersion) {
        GovernanceViews.ActionItem item = owned(viewer, id, expectedVersion);
        Fields f = new Fields();
        if (f.required(status, "status") && status == ActionItemStatus.DONE) {
            f.add("status", "governance.action.closeWithNote");
        }
        String text = f.text(note, "note", NOTE_MAX, true);
        f.check();
        write(viewer, item, status, text, null);
        audit.record(viewer, "governance.action.progress", "action item", id, status.name());
    }

    /** The owner department closes the item: never without a completion note (a field error; nothing written). */
    public void close(Viewer viewer, long id, String completionNote, Integer expectedVersion) {
        GovernanceViews.ActionItem item = owned(viewer, id, expectedVersion);
        Fields f = new Fields();
        String text = f.text(completionNote, "note", NOTE_MAX, false);
        if (text == null) {
            f.add("note", "governance.action.noteRequired");
        }
        f.check();
        write(viewer, item, ActionItemStatus.DONE, text, clock.instant());
        audit.record(viewer, "governance.action.close", "action item", id, item.decision());
    }

    private void write(Viewer viewer, GovernanceViews.ActionItem item, ActionItemStatus status, String note, Instant closedAt) {
        int updated = closedAt == null
                ? jdbc.sql("UPDATE action_item SET status = ?, version = version + 1 WHERE id = ? AND version = ?")
                        .params(status.name(), item.id(), item.version()).update()
                : jdbc.sql("""
                                UPDATE action_item SET status = 'DONE', completion_note = ?, closed_at = ?, closed_by = ?,
                                       version = version + 1 WHERE id = ? AND version = ?""")
                        .params(note, Timestamps.of(closedAt), viewer.accountId(), item.id(), item.version()).update();
        if (updated == 0) {
            throw new RuleViolation("governance.action.changedMeanwhile");
        }
        jdbc.sql("INSERT INTO action_item_progress (action_item_id, account_id, status, note, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(item.id(), viewer.accountId(), status.name(), note, Timestamps.of(clock.instant())).update();
    }

    private GovernanceViews.ActionItem owned(Viewer viewer, long id, Integer expectedVersion) {
        GovernanceViews.ActionItem item = one(viewer, id);
        if (!item.mayUpdate()) {
            throw new NotFoundException("action item", id);
        }
        if (item.status() == ActionItemStatus.DONE) {
            throw new RuleViolation("governance.action.alreadyDone");
        }
        if (expectedVersion != null && expectedVersion != item.version()) {
            throw new RuleViolation("governance.action.changedMeanwhile");
        }
        return item;
    }

    // — supervision —

    /** Items past their deadline, not done and not yet supervised: what a scan raises. */
    @Transactional(readOnly = true)
    public List<Long> overdueUnsupervised() {
        return jdbc.sql("SELECT id FROM action_item WHERE status <> 'DONE' AND deadline < ? AND supervised_at IS NULL ORDER BY id")
                .param(today()).query(Long.class).list();
    }

    /**
     * Raises one overdue item to supervision, once: marks when, and tells its department's heads,
     * student affairs and the meeting's recorder. False when it was raised already, or is not overdue.
     */
    public boolean supervise(long id) {
        int updated = jdbc.sql("""
                        UPDATE action_item SET supervised_at = ? WHERE id = ? AND supervised_at IS NULL AND status <> 'DONE'
                          AND deadline < ?""")
                .params(Timestamps.of(clock.instant()), id, today()).update();
        if (updated == 0) {
            return false;
        }
        Object[] r = jdbc.sql("""
                        SELECT a.department_id, a.decision, a.deadline, COALESCE(m.recorder_account_id, a.created_by)
                        FROM action_item a LEFT JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?""").param(id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4)})
                .single();
        Set<Long> told = new LinkedHashSet<>(accounts.holding(Role.DEPARTMENT_HEAD, (Long) r[0]));
        told.addAll(accounts.holding(Role.STUDENT_AFFAIRS, null));
        told.add((Long) r[3]);
        String department = people.departments().stream().filter(d -> d.id() == (Long) r[0]).map(d -> d.name()).findFirst()
                .orElse("");
        events.publishEvent(new Notice("governance-action-supervised-" + id, told, "governance.action.notice.supervised",
                List.of(abbreviate((String) r[1]), department, r[2].toString()), "/governance/actions/" + id));
        return true;
    }

    // — helpers —

    private LocalDate today() {
        return CampusTime.today(clock);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    static Instant at(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
