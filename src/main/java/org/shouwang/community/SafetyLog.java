package org.shouwang.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.notifications.Notice;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.residence.Residence;
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
 * The safety log (安全日志) of the community police office. Police officers and the security
 * department record incidents, append actions and close them; leaders read the whole log; staff
 * named on an incident (a counsellor to be informed…) read that incident only; everyone else, and
 * every student, finds nothing (404). Every view — each list shown, with the ids on it, and each
 * incident opened — is written to the audit log, so its methods that read run in a read-write
 * transaction.
 */
@Service
@Transactional
public class SafetyLog {

    static final int PLACE_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int ACTION_MAX = 2000;
    static final int NOTE_MAX = 2000;
    static final int STUDENTS_MAX = 30;
    static final int NAMED_MAX = 20;
    static final int PAGE_MAX = 100;

    private static final String TARGET = "safety_incident";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final People people;
    private final Residence residence;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final SafetyProperties properties;
    private final Clock clock;

    SafetyLog(JdbcClient jdbc, @Lazy Accounts accounts, @Lazy People people, @Lazy Residence residence, AuditLog audit,
              ApplicationEventPublisher events, SafetyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.people = people;
        this.residence = residence;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // — who may do what —

    /** The police office, the security department and leaders read the whole log. Never a student. */
    @Transactional(readOnly = true)
    public boolean seesAll(Viewer viewer) {
        return staff(viewer) && (viewer.has(Role.POLICE_OFFICER) || viewer.has(Role.LEADER) || inSecurityDepartment(viewer));
    }

    /** The police office and the security department record incidents and update them. */
    @Transactional(readOnly = true)
    public boolean mayRecord(Viewer viewer) {
        return staff(viewer) && (viewer.has(Role.POLICE_OFFICER) || inSecurityDepartment(viewer));
    }

    /** Students never see the log, not even an empty one. */
    private static boolean staff(Viewer viewer) {
        return viewer.studentId() == null && viewer.isStaff();
    }

    private boolean inSecurityDepartment(Viewer viewer) {
        if (viewer.departmentId() == null) {
            return false;
        }
        String code = properties.securityDepartment();
        return people.departments().stream()
                .anyMatch(d -> d.id() == viewer.departmentId() && d.code().equalsIgnoreCase(code));
    }

    // — reading (audited) —

    /**
     * One page of the incidents the viewer may see, most recent first: every incident for the police
     * office, the security department and leaders; for other staff those they are named on; a student
     * gets 404. The ids shown are written to the audit log.
     */
    public IncidentViews.Log log(Viewer viewer, IncidentFilter filter, int page, int size) {
        if (!staff(viewer)) {
            throw new NotFoundException("page", "safety");
        }
        IncidentFilter f = filter == null ? IncidentFilter.everything() : filter;
        int pageSize = Math.max(1, Math.min(PAGE_MAX, size));
        int pageNumber = Math.max(0, page);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!seesAll(viewer)) {
            where.append(" AND i.id IN (SELECT incident_id FROM safety_incident_named WHERE account_id = :me)");
            params.put("me", viewer.accountId());
        }
        if (f.category() != null) {
            where.append(" AND i.category = :category");
            params.put("category", f.category().name());
        }
        if (f.status() != null) {
            where.append(" AND i.status = :status");
            params.put("status", f.status().name());
        }
        if (f.buildingId() != null) {
            where.append(" AND i.building_id = :building");
            params.put("building", f.buildingId());
        }
        if (f.from() != null) {
            where.append(" AND i.occurred_at >= :from");
            params.put("from", Timestamps.of(f.from().atStartOfDay(CampusTime.ZONE).toInstant()));
        }
        if (f.to() != null) {
            where.append(" AND i.occurred_at < :to");
            params.put("to", Timestamps.of(f.to().plusDays(1).atStartOfDay(CampusTime.ZONE).toInstant()));
        }
        long total = jdbc.sql("SELECT count(*) FROM safety_incident i" + where).params(params).query(Long.class).single();
        Map<Long, String> buildings = residence.buildingNames();
        List<IncidentViews.Summary> items = jdbc.sql("""
                        SELECT i.id, i.number_year, i.number_seq, i.category, i.occurred_at, i.building_id, i.place, i.status,
                               (SELECT count(*) FROM safety_incident_action a WHERE a.incident_id = i.id) AS actions
                        FROM safety_incident i""" + where + " ORDER BY i.occurred_at DESC, i.id DESC LIMIT :size OFFSET :offset")
                .params(params).param("size", pageSize).param("offset", (long) pageNumber * pageSize)
                .query((rs, n) -> new IncidentViews.Summary(rs.getLong("id"), number(rs),
                        IncidentCategory.valueOf(rs.getString("category")), campus(Timestamps.read(rs, "occurred_at")),
                        rs.getLong("building_id"), buildings.get(rs.getLong("building_id")), rs.getString("place"),
                        IncidentStatus.valueOf(rs.getString("status")), rs.getInt("actions")))
                .list();
        audit.record(viewer, "safety.list", TARGET, null, "shown " + items.stream().map(IncidentViews.Summary::id).toList()
                + " of " + total + "; " + describe(f) + ", page " + pageNumber);
        return new IncidentViews.Log(items, pageNumber, pageSize, total, mayRecord(viewer));
    }

    /** One incident with its people, actions and closing; 404 for anyone who may not see it. The view is audited. */
    public IncidentViews.Incident incident(Viewer viewer, long id) {
        IncidentViews.Incident incident = visible(viewer, id);
        audit.record(viewer, "safety.view", TARGET, id, incident.number());
        return incident;
    }

    private IncidentViews.Incident visible(Viewer viewer, long id) {
        if (!staff(viewer)) {
            throw new NotFoundException("incident", id);
        }
        IncidentViews.Incident incident = load(id, viewer).orElseThrow(() -> new NotFoundException("incident", id));
        if (!seesAll(viewer) && incident.named().stream().noneMatch(s -> s.accountId() == viewer.accountId())) {
            throw new NotFoundException("incident", id);
        }
        return incident;
    }

    private Optional<IncidentViews.Incident> load(long id, Viewer viewer) {
        Optional<Row> found = jdbc.sql("SELECT * FROM safety_incident WHERE id = ?").param(id).query(SafetyLog::row).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row r = found.get();
        List<Object[]> studentRows = jdbc.sql("SELECT student_id, role FROM safety_incident_student WHERE incident_id = ? ORDER BY id")
                .param(id).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        Map<Long, StudentSummary> summaries = people.summaries(studentRows.stream().map(s -> (Long) s[0]).toList());
        List<IncidentViews.Student> students = studentRows.stream().map(s -> {
            StudentSummary summary = summaries.get((Long) s[0]);
            return new IncidentViews.Student((Long) s[0], summary == null ? "" : summary.studentNumber(),
                    summary == null ? "" : summary.name(), summary == null ? "" : summary.className(),
                    IncidentRole.valueOf((String) s[1]));
        }).toList();
        List<IncidentViews.Staff> named = jdbc.sql("SELECT account_id FROM safety_incident_named WHERE incident_id = ? ORDER BY id")
                .param(id).query(Long.class).list().stream().map(accountId -> {
                    Account a = accounts.get(accountId);
                    return new IncidentViews.Staff(accountId, a.username(), a.displayName());
                }).toList();
        List<Object[]> actionRows = jdbc.sql("""
                        SELECT id, taken_at, account_id, text, recorded_at FROM safety_incident_action
                        WHERE incident_id = ? ORDER BY taken_at, id""")
                .param(id).query((rs, n) -> new Object[] {rs.getLong("id"), Timestamps.read(rs, "taken_at"),
                        rs.getLong("account_id"), rs.getString("text"), Timestamps.read(rs, "recorded_at")})
                .list();
        Set<Long> people = new HashSet<>();
        people.add(r.recordedBy);
        if (r.closedBy != null) {
            people.add(r.closedBy);
        }
        actionRows.forEach(a -> people.add((Long) a[2]));
        Map<Long, String> names = accounts.names(people);
        List<IncidentViews.Action> actions = actionRows.stream().map(a -> new IncidentViews.Action((Long) a[0],
                campus((Instant) a[1]), names.get((Long) a[2]), (String) a[3], campus((Instant) a[4]))).toList();
        String building = residence.buildingNames().get(r.buildingId);
        return Optional.of(new IncidentViews.Incident(id, r.number, r.category, campus(r.occurredAt), r.buildingId, building,
                r.place, r.description, r.status, names.get(r.recordedBy), campus(r.recordedAt), students, named, actions,
                r.closedBy == null ? null : names.get(r.closedBy), campus(r.closedAt), r.closingNote,
                r.status == IncidentStatus.OPEN && mayRecord(viewer)));
    }

    // — recording —

    /**
     * Records an incident (police office, security department; anyone else 404) under the next number
     * of the year and tells the named staff. Every problem with the input is a field error and nothing
     * is written.
     */
    public IncidentViews.Incident record(Viewer viewer, IncidentDraft draft) {
        if (!mayRecord(viewer)) {
            throw new NotFoundException("page", "safety/new");
        }
        Fields f = new Fields();
        f.required(draft.category(), "category");
        Instant occurredAt = null;
        if (f.required(draft.occurredAt(), "occurredAt")) {
            occurredAt = draft.occurredAt().atZone(CampusTime.ZONE).toInstant();
            if (occurredAt.isAfter(clock.instant())) {
                f.add("occurredAt", "safety.occurredInFuture");
            }
        }
        if (f.required(draft.buildingId(), "buildingId") && !residence.buildingNames().containsKey(draft.buildingId())) {
            f.add("buildingId", "safety.unknownBuilding");
        }
        String place = f.text(draft.place(), "place", PLACE_MAX, true);
        String description = f.text(draft.description(), "description", DESCRIPTION_MAX, true);
        Map<Long, IncidentRole> students = students(draft.students(), f);
        Set<Long> named = named(draft.named(), f);
        f.check();

        Instant now = clock.instant();
        int year = CampusTime.today(clock).getYear();
        // The one lock row serialises numbering: the next number of the year is read while it is held.
        jdbc.sql("UPDATE safety_number_lock SET issued = issued + 1 WHERE id = 1").update();
        int seq = jdbc.sql("SELECT COALESCE(max(number_seq), 0) + 1 FROM safety_incident WHERE number_year = ?")
                .param(year).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO safety_incident (number_year, number_seq, category, occurred_at, building_id, place, description,
                                                     status, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(year, seq, draft.category().name(), Timestamps.of(occurredAt), draft.buildingId(), place, description,
                        viewer.accountId(), Timestamps.of(now))
                .update();
        long id = jdbc.sql("SELECT id FROM safety_incident WHERE number_year = ? AND number_seq = ?").params(year, seq)
                .query(Long.class).single();
        students.forEach((studentId, role) -> jdbc.sql(
                        "INSERT INTO safety_incident_student (incident_id, student_id, role) VALUES (?, ?, ?)")
                .params(id, studentId, role.name()).update());
        named.forEach(accountId -> jdbc.sql("INSERT INTO safety_incident_named (incident_id, account_id) VALUES (?, ?)")
                .params(id, accountId).update());
        String number = number(year, seq);
        audit.record(viewer, "safety.record", TARGET, id, number + " " + draft.category() + ", students " + students.keySet()
                + ", named " + named);
        Set<Long> told = new LinkedHashSet<>(named);
        told.remove(viewer.accountId());
        if (!told.isEmpty()) {
            events.publishEvent(new Notice("safety-named-" + id, told, "safety.notice.named", List.of(number), "/safety/" + id));
        }
        return load(id, viewer).orElseThrow();
    }

    /** Appends an action to an open incident (police office, security department; others 404). */
    public IncidentViews.Incident addAction(Viewer viewer, long id, IncidentDraft.Action action) {
        IncidentViews.Incident incident = updatable(viewer, id);
        Fields f = new Fields();
        String text = f.text(action == null ? null : action.text(), "text", ACTION_MAX, true);
        Instant now = clock.instant();
        Instant takenAt = action == null || action.takenAt() == null ? now : action.takenAt().atZone(CampusTime.ZONE).toInstant();
        if (takenAt.isAfter(now)) {
            f.add("takenAt", "safety.takenInFuture");
        } else if (takenAt.isBefore(incident.occurredAt().toInstant().minusSeconds(60))) {
            f.add("takenAt", "safety.takenBeforeIncident");
        }
        f.check();
        jdbc.sql("INSERT INTO safety_incident_action (incident_id, taken_at, account_id, text, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, Timestamps.of(takenAt), viewer.accountId(), text, Timestamps.of(now)).update();
        audit.record(viewer, "safety.action", TARGET, id, incident.number());
        return load(id, viewer).orElseThrow();
    }

    /** Closes an open incident with a note (police office, security department; others 404). */
    public IncidentViews.Incident close(Viewer viewer, long id, String note) {
        IncidentViews.Incident incident = updatable(viewer, id);
        Fields f = new Fields();
        String text = f.text(note, "note", NOTE_MAX, true);
        f.check();
        jdbc.sql("UPDATE safety_incident SET status = 'CLOSED', closed_by = ?, closed_at = ?, closing_note = ? WHERE id = ?")
                .params(viewer.accountId(), Timestamps.of(clock.instant()), text, id).update();
        audit.record(viewer, "safety.close", TARGET, id, incident.number());
        return load(id, viewer).orElseThrow();
    }

    /** The incident, locked, when the viewer may update it and it is open. */
    private IncidentViews.Incident updatable(Viewer viewer, long id) {
        if (!mayRecord(viewer)) {
            throw new NotFoundException("incident", id);
        }
        String status = jdbc.sql("SELECT status FROM safety_incident WHERE id = ? FOR UPDATE").param(id).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("incident", id));
        IncidentViews.Incident incident = load(id, viewer).orElseThrow();
        if (IncidentStatus.valueOf(status) == IncidentStatus.CLOSED) {
            throw new RuleViolation("safety.alreadyClosed", incident.number());
        }
        return incident;
    }

    private Map<Long, IncidentRole> students(List<IncidentDraft.Involved> involved, Fields f) {
        Map<Long, IncidentRole> students = new LinkedHashMap<>();
        if (involved.size() > STUDENTS_MAX) {
            f.add("students", "safety.tooManyStudents", STUDENTS_MAX);
            return students;
        }
        for (IncidentDraft.Involved i : involved) {
            String number = i.studentNumber() == null ? "" : i.studentNumber().strip();
            if (number.isEmpty()) {
                f.add("students", "safety.studentNumberMissing");
                continue;
            }
            if (number.length() > 32) {
                f.add("students", "safety.unknownStudent", number.substring(0, 32) + "…");
                continue;
            }
            Optional<StudentSummary> student = people.studentByNumber(number);
            if (student.isEmpty()) {
                f.add("students", "safety.unknownStudent", number);
            } else if (i.role() == null) {
                f.add("students", "safety.roleMissing", number);
            } else if (students.putIfAbsent(student.get().id(), i.role()) != null) {
                f.add("students", "safety.studentTwice", number);
            }
        }
        return students;
    }

    private Set<Long> named(List<String> usernames, Fields f) {
        Set<Long> named = new LinkedHashSet<>();
        if (usernames.size() > NAMED_MAX) {
            f.add("named", "safety.tooManyNamed", NAMED_MAX);
            return named;
        }
        for (String username : usernames) {
            String u = username == null ? "" : username.strip();
            if (u.isEmpty()) {
                continue;
            }
            Optional<Account> account = u.length() > 64 ? Optional.empty() : accounts.byUsername(u).filter(Account::enabled);
            if (account.isEmpty() || account.get().studentId() != null || account.get().roles().contains(Role.STUDENT)) {
                f.add("named", "safety.unknownStaff", u.length() > 64 ? u.substring(0, 64) + "…" : u);
            } else {
                named.add(account.get().id());
            }
        }
        return named;
    }

    // — rows —

    private record Row(long id, String number, IncidentCategory category, Instant occurredAt, long buildingId, String place,
                       String description, IncidentStatus status, long recordedBy, Instant recordedAt, Long closedBy,
                       Instant closedAt, String closingNote) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), number(rs), IncidentCategory.valueOf(rs.getString("category")),
                Timestamps.read(rs, "occurred_at"), rs.getLong("building_id"), rs.getString("place"), rs.getString("description"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getLong("recorded_by"), Timestamps.read(rs, "recorded_at"),
                rs.getObject("closed_by", Long.class), Timestamps.read(rs, "closed_at"), rs.getString("closing_note"));
    }

    private static String number(ResultSet rs) throws SQLException {
        return number(rs.getInt("number_year"), rs.getInt("number_seq"));
    }

    static String number(int year, int seq) {
        return "AQ-" + year + "-" + String.format("%04d", seq);
    }

    static OffsetDateTime campus(Instant instant) {
        return instant == null ? null : instant.atZone(CampusTime.ZONE).toOffsetDateTime();
    }

    private static String describe(IncidentFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.category() != null) {
            parts.add("category " + f.category());
        }
        if (f.status() != null) {
            parts.add("status " + f.status());
        }
        if (f.buildingId() != null) {
            parts.add("building " + f.buildingId());
        }
        if (f.from() != null) {
            parts.add("from " + f.from());
        }
        if (f.to() != null) {
            parts.add("to " + f.to());
        }
        return parts.isEmpty() ? "no filter" : String.join(", ", parts);
    }
}
