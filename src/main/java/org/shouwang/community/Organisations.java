package org.shouwang.community;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shouwang.activities.ActivityQueries;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.OrganisationMemberships;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Student organisations and their members. Administrators create organisations; an organisation's
 * advisor (or an administrator) appoints members for a term. Members of the self-discipline
 * committee are the inspectors of the community, supervised by its advisor.
 */
@Service
@Transactional
public class Organisations implements OrganisationMemberships {

    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 4000;

    /** Kinds in the order of {@link OrganisationKind}: the principal-assistant group first, clubs and others last. */
    private static final String KIND_ORDER = " CASE kind WHEN 'PRINCIPAL_ASSISTANTS' THEN 0 WHEN 'SELF_DISCIPLINE' THEN 1"
            + " WHEN 'VETERANS' THEN 2 WHEN 'CLUB' THEN 3 ELSE 4 END";

    /** How many of an organisation's activities its page shows. */
    static final int ACTIVITIES_SHOWN = 100;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final People people;
    private final ActivityQueries activities;
    private final AuditLog audit;
    private final Clock clock;

    Organisations(JdbcClient jdbc, @Lazy Accounts accounts, @Lazy People people, @Lazy ActivityQueries activities,
                  @Lazy AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.people = people;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock;
    }

    // — reading —

    /** Active organisations by kind then name, with the number of members serving today. */
    @Transactional(readOnly = true)
    public List<OrganisationViews.Summary> list() {
        List<Object[]> rows = jdbc.sql("""
                        SELECT o.id, o.name, o.kind, o.advisor_account_id,
                               (SELECT count(*) FROM organisation_member m WHERE m.organisation_id = o.id
                                  AND m.term_start <= :today AND (m.term_end IS NULL OR m.term_end >= :today))
                        FROM student_organisation o WHERE o.active ORDER BY """ + KIND_ORDER + ", o.name")
                .param("today", today())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5)})
                .list();
        Map<Long, String> advisors = accounts.names(rows.stream().map(r -> (Long) r[3]).toList());
        return rows.stream().map(r -> new OrganisationViews.Summary((Long) r[0], (String) r[1],
                OrganisationKind.valueOf((String) r[2]), advisors.get((Long) r[3]), (Integer) r[4])).toList();
    }

    /** One organisation with its members serving today, most senior first; 404 when there is none. */
    @Transactional(readOnly = true)
    public OrganisationViews.Organisation organisation(long id) {
        return jdbc.sql("SELECT id, version, name, kind, advisor_account_id, description, founded_on, active"
                        + " FROM student_organisation WHERE id = ?").param(id)
                .query((rs, n) -> {
                    long advisor = rs.getLong("advisor_account_id");
                    return new OrganisationViews.Organisation(id, rs.getInt("version"), rs.getString("name"),
                            OrganisationKind.valueOf(rs.getString("kind")), advisor,
                            accounts.names(List.of(advisor)).get(advisor), rs.getString("description"),
                            rs.getObject("founded_on", LocalDate.class), rs.getBoolean("active"), members(id));
                })
                .optional().orElseThrow(() -> new NotFoundException("organisation", id));
    }

    private List<OrganisationViews.Member> members(long organisationId) {
        List<Object[]> rows = jdbc.sql("""
                        SELECT id, student_id, position, term_start, term_end FROM organisation_member
                        WHERE organisation_id = :o AND term_start <= :today AND (term_end IS NULL OR term_end >= :today)
                        ORDER BY id""")
                .param("o", organisationId).param("today", today())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)})
                .list();
        Map<Long, StudentSummary> students = people.summaries(rows.stream().map(r -> (Long) r[1]).toList());
        return rows.stream().map(r -> {
                    StudentSummary s = students.get((Long) r[1]);
                    return new OrganisationViews.Member((Long) r[0], (Long) r[1], s.studentNumber(), s.name(),
                            Position.valueOf((String) r[2]), (LocalDate) r[3], (LocalDate) r[4]);
                })
                .sorted(java.util.Comparator.comparing(OrganisationViews.Member::position))
                .toList();
    }

    /** The active organisations the viewer (a student) serves in today or will serve in; empty for staff. */
    @Transactional(readOnly = true)
    public List<OrganisationViews.Membership> mine(Viewer viewer) {
        if (viewer.studentId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT o.id, o.name, o.kind, m.position, m.term_start, m.term_end
                        FROM organisation_member m JOIN student_organisation o ON o.id = m.organisation_id
                        WHERE m.student_id = :s AND o.active AND (m.term_end IS NULL OR m.term_end >= :today)
                        ORDER BY """ + KIND_ORDER + ", o.name, m.term_start")
                .param("s", viewer.studentId()).param("today", today())
                .query((rs, n) -> new OrganisationViews.Membership(rs.getLong(1), rs.getString(2),
                        OrganisationKind.valueOf(rs.getString(3)), Position.valueOf(rs.getString(4)),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
                .list();
    }

    /** Deactivated organisations, for administrators (who may activate them again); empty for anyone else. */
    @Transactional(readOnly = true)
    public List<OrganisationViews.Summary> deactivated(Viewer viewer) {
        if (!viewer.isAdmin()) {
            return List.of();
        }
        List<Object[]> rows = jdbc.sql("SELECT id, name, kind, advisor_account_id FROM student_organisation WHERE NOT active"
                        + " ORDER BY " + KIND_ORDER + ", name")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)}).list();
        Map<Long, String> advisors = accounts.names(rows.stream().map(r -> (Long) r[3]).toList());
        return rows.stream().map(r -> new OrganisationViews.Summary((Long) r[0], (String) r[1],
                OrganisationKind.valueOf((String) r[2]), advisors.get((Long) r[3]), 0)).toList();
    }

    /**
     * One organisation's page as the viewer may see it: everyone sees an active organisation, its
     * members' names, positions and terms and its published activities; staff also see student
     * numbers and past members; its advisor and administrators also every activity in any state and
     * a deactivated organisation (404 for anyone else).
     */
    @Transactional(readOnly = true)
    public OrganisationViews.Detail detail(Viewer viewer, long id) {
        OrganisationViews.Organisation o = organisation(id);
        boolean manages = viewer.isAdmin() || o.advisorAccountId() == viewer.accountId();
        if (!o.active() && !manages) {
            throw new NotFoundException("organisation", id);
        }
        boolean staff = viewer.isStaff();
        LocalDate today = today();
        List<OrganisationViews.Member> current = new ArrayList<>();
        List<OrganisationViews.Member> past = new ArrayList<>();
        for (OrganisationViews.Member m : terms(id)) {
            OrganisationViews.Member shown = staff ? m : new OrganisationViews.Member(m.id(), m.studentId(), null, m.name(),
                    m.position(), m.termStart(), m.termEnd());
            if (m.termEnd() != null && m.termEnd().isBefore(today)) {
                if (staff) {
                    past.add(shown);
                }
            } else {
                current.add(shown);
            }
        }
        current.sort(Comparator.comparing(OrganisationViews.Member::position).thenComparing(OrganisationViews.Member::termStart));
        past.sort(Comparator.comparing(OrganisationViews.Member::termEnd).reversed()
                .thenComparing(OrganisationViews.Member::position));
        Instant now = clock.instant();
        List<OrganisationViews.Activity> upcoming = new ArrayList<>();
        List<OrganisationViews.Activity> held = new ArrayList<>();
        for (OrganisationViews.Activity a : activities(o.name(), manages)) {
            (a.endsAt().isAfter(now) ? upcoming : held).add(a);
        }
        upcoming.sort(Comparator.comparing(OrganisationViews.Activity::startsAt));
        String advisorUsername = viewer.isAdmin() ? accounts.get(o.advisorAccountId()).username() : null;
        return new OrganisationViews.Detail(o.id(), o.version(), o.name(), o.kind(), o.advisorAccountId(), o.advisorName(),
                advisorUsername, o.description(), o.foundedOn(), o.active(), current, past, upcoming, held,
                new OrganisationViews.Moves(viewer.isAdmin(), manages && o.active()));
    }

    /**
     * The activities the organisation organised (organiser kind STUDENT_ORGANISATION, organiser its
     * name), newest first: published ones for everyone, every state for its advisor and administrators.
     */
    @Transactional(readOnly = true)
    public List<OrganisationViews.Activity> activities(Viewer viewer, long id) {
        OrganisationViews.Detail d = detail(viewer, id);
        List<OrganisationViews.Activity> all = new ArrayList<>(d.pastActivities());
        all.addAll(d.upcomingActivities());
        all.sort(Comparator.comparing(OrganisationViews.Activity::startsAt).reversed());
        return all;
    }

    private List<OrganisationViews.Activity> activities(String name, boolean everyState) {
        return activities.organisedBy(OrganiserKind.STUDENT_ORGANISATION, name, everyState, ACTIVITIES_SHOWN).stream()
                .map((ActivityViews.Row r) -> new OrganisationViews.Activity(r.id(), r.title(), r.startsAt(), r.endsAt(),
                        r.venue(), r.state()))
                .toList();
    }

    /** Every term ever held in the organisation. */
    private List<OrganisationViews.Member> terms(long organisationId) {
        List<Object[]> rows = jdbc.sql("""
                        SELECT id, student_id, position, term_start, term_end FROM organisation_member
                        WHERE organisation_id = ? ORDER BY id""")
                .param(organisationId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)})
                .list();
        Map<Long, StudentSummary> students = people.summaries(rows.stream().map(r -> (Long) r[1]).toList());
        return rows.stream().map(r -> {
            StudentSummary s = students.get((Long) r[1]);
            return new OrganisationViews.Member((Long) r[0], (Long) r[1], s == null ? "" : s.studentNumber(),
                    s == null ? "" : s.name(), Position.valueOf((String) r[2]), (LocalDate) r[3], (LocalDate) r[4]);
        }).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayActFor(long studentId, String organisationName) {
        String name = organisationName == null ? "" : organisationName.strip();
        if (jdbc.sql("SELECT count(*) FROM student_organisation WHERE name = ? AND active").param(name).query(Long.class).single() == 0) {
            return true;
        }
        return jdbc.sql("""
                        SELECT count(*) FROM student_organisation o JOIN organisation_member m ON m.organisation_id = o.id
                        WHERE o.name = :name AND o.active AND m.student_id = :s
                          AND m.term_start <= :today AND (m.term_end IS NULL OR m.term_end >= :today)""")
                .param("name", name).param("s", studentId).param("today", today()).query(Long.class).single() > 0;
    }

    /** A student serving today on an active self-discipline committee: they inspect rooms. */
    @Transactional(readOnly = true)
    public boolean isInspector(Viewer viewer) {
        return viewer.studentId() != null && supervisorOf(viewer.studentId()).isPresent();
    }

    /**
     * The advisor of the self-discipline committee the student serves on today: the staff member who
     * answers for what the student finds on an inspection round.
     */
    @Transactional(readOnly = true)
    public Optional<Long> supervisorOf(long studentId) {
        return jdbc.sql("""
                        SELECT o.advisor_account_id FROM student_organisation o JOIN organisation_member m ON m.organisation_id = o.id
                        WHERE o.kind = 'SELF_DISCIPLINE' AND o.active AND m.student_id = :s
                          AND m.term_start <= :today AND (m.term_end IS NULL OR m.term_end >= :today)
                        ORDER BY m.id""")
                .param("s", studentId).param("today", today()).query(Long.class).list().stream().findFirst();
    }

    /** An administrator, or the organisation's advisor. */
    @Transactional(readOnly = true)
    public boolean mayManage(Viewer viewer, long organisationId) {
        OrganisationViews.Organisation o = organisation(organisationId);
        return viewer.isAdmin() || o.advisorAccountId() == viewer.accountId();
    }

    // — changing —

    /** An administrator founds an organisation; its name is unique. Anyone else: 404. */
    public long create(Viewer admin, OrganisationDraft draft) {
        if (!admin.isAdmin()) {
            throw new NotFoundException("page", "organisations/new");
        }
        Checked c = check(draft, null);
        jdbc.sql("""
                        INSERT INTO student_organisation (name, kind, advisor_account_id, description, founded_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(c.name(), draft.kind().name(), c.advisor(), c.description(), draft.foundedOn(),
                        Timestamps.of(clock.instant()))
                .update();
        long id = jdbc.sql("SELECT id FROM student_organisation WHERE name = ?").param(c.name()).query(Long.class).single();
        audit.record(admin, "organisation.create", "organisation", id, c.name());
        return id;
    }

    /**
     * An administrator changes an organisation's name, kind, advisor, description or founding date.
     * {@code expectedVersion} (when given) must be the version the form was opened on. Anyone else: 404.
     */
    public void revise(Viewer admin, long id, OrganisationDraft draft, Integer expectedVersion) {
        OrganisationViews.Organisation o = administered(admin, id, expectedVersion);
        Checked c = check(draft, id);
        int updated = jdbc.sql("""
                        UPDATE student_organisation SET name = ?, kind = ?, advisor_account_id = ?, description = ?, founded_on = ?,
                               version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(c.name(), draft.kind().name(), c.advisor(), c.description(), draft.foundedOn(), id, o.version())
                .update();
        stale(updated);
        audit.record(admin, "organisation.revise", "organisation", id, c.name());
    }

    /** An administrator deactivates an organisation: it leaves the directory; its members and history stay. */
    public void deactivate(Viewer admin, long id, Integer expectedVersion) {
        setActive(admin, id, false, expectedVersion);
    }

    /** An administrator brings a deactivated organisation back into the directory. */
    public void reactivate(Viewer admin, long id, Integer expectedVersion) {
        setActive(admin, id, true, expectedVersion);
    }

    private void setActive(Viewer admin, long id, boolean active, Integer expectedVersion) {
        OrganisationViews.Organisation o = administered(admin, id, expectedVersion);
        if (o.active() == active) {
            return;
        }
        stale(jdbc.sql("UPDATE student_organisation SET active = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(active, id, o.version()).update());
        audit.record(admin, active ? "organisation.reactivate" : "organisation.deactivate", "organisation", id, o.name());
    }

    /**
     * Appoints a student to a position for a term starting on {@code termStart} (today when null) and
     * ending on {@code termEnd} (open when null). A student holds one position at a time in one
     * organisation. Only the advisor or an administrator (anyone else: 404), only in an active organisation.
     */
    public long appoint(Viewer manager, long organisationId, String studentNumber, Position position, LocalDate termStart,
                        LocalDate termEnd) {
        OrganisationViews.Organisation o = managed(manager, organisationId);
        Fields f = new Fields();
        f.required(position, "position");
        LocalDate start = termStart == null ? today() : termStart;
        if (termEnd != null && termEnd.isBefore(start)) {
            f.add("termEnd", "organisation.termOrder");
        }
        Optional<StudentSummary> student = f.text(studentNumber, "studentNumber", 32, true) == null ? Optional.empty()
                : people.studentByNumber(studentNumber.strip());
        if (student.isEmpty() && !f.has("studentNumber")) {
            f.add("studentNumber", "organisation.unknownStudent", studentNumber.strip());
        }
        if (student.isPresent() && overlaps(organisationId, student.get().id(), start, termEnd, null)) {
            f.add("studentNumber", "organisation.alreadyMember", student.get().name());
        }
        f.check();
        jdbc.sql("INSERT INTO organisation_member (organisation_id, student_id, position, term_start, term_end) VALUES (?, ?, ?, ?, ?)")
                .params(organisationId, student.get().id(), position.name(), start, termEnd).update();
        long id = jdbc.sql("SELECT max(id) FROM organisation_member WHERE organisation_id = ? AND student_id = ?")
                .params(organisationId, student.get().id()).query(Long.class).single();
        audit.record(manager, "organisation.appoint", "organisation", organisationId,
                student.get().studentNumber() + " " + position.name() + " " + start + "~" + (termEnd == null ? "" : termEnd));
        return id;
    }

    /**
     * Ends a member's term: {@code lastDay} (today when null) is the last day they serve. The term must
     * not have ended already and cannot end before it started. The advisor or an administrator only.
     */
    public void endTerm(Viewer manager, long organisationId, long memberId, LocalDate lastDay) {
        OrganisationViews.Organisation o = managed(manager, organisationId);
        Term t = term(organisationId, memberId);
        LocalDate end = lastDay == null ? today() : lastDay;
        if (t.ended(today())) {
            throw new RuleViolation("organisation.termEnded");
        }
        Fields f = new Fields();
        if (end.isBefore(t.start())) {
            f.add("termEnd", "organisation.termOrder");
        }
        f.check();
        jdbc.sql("UPDATE organisation_member SET term_end = ? WHERE id = ?").params(end, memberId).update();
        audit.record(manager, "organisation.endTerm", "organisation", o.id(), t.studentId() + " " + end);
    }

    /**
     * Moves a member to another position from {@code from} (today when null): their term in the old
     * position ends the day before and a new term starts, so the history keeps both. A change on the
     * day the term started corrects that term instead. The advisor or an administrator only.
     */
    public long changePosition(Viewer manager, long organisationId, long memberId, Position position, LocalDate from) {
        OrganisationViews.Organisation o = managed(manager, organisationId);
        Term t = term(organisationId, memberId);
        LocalDate start = from == null ? today() : from;
        if (t.ended(today())) {
            throw new RuleViolation("organisation.termEnded");
        }
        Fields f = new Fields();
        if (f.required(position, "position") && position == t.position()) {
            f.add("position", "organisation.samePosition");
        }
        if (start.isBefore(t.start())) {
            f.add("from", "organisation.changeBeforeStart", t.start());
        } else if (t.end() != null && start.isAfter(t.end())) {
            f.add("from", "organisation.changeAfterEnd", t.end());
        }
        f.check();
        String detail = t.studentId() + " " + t.position().name() + "->" + position.name() + " " + start;
        if (start.equals(t.start())) {
            jdbc.sql("UPDATE organisation_member SET position = ? WHERE id = ?").params(position.name(), memberId).update();
            audit.record(manager, "organisation.changePosition", "organisation", o.id(), detail);
            return memberId;
        }
        jdbc.sql("UPDATE organisation_member SET term_end = ? WHERE id = ?").params(start.minusDays(1), memberId).update();
        jdbc.sql("INSERT INTO organisation_member (organisation_id, student_id, position, term_start, term_end) VALUES (?, ?, ?, ?, ?)")
                .params(organisationId, t.studentId(), position.name(), start, t.end()).update();
        audit.record(manager, "organisation.changePosition", "organisation", o.id(), detail);
        return jdbc.sql("SELECT max(id) FROM organisation_member WHERE organisation_id = ? AND student_id = ?")
                .params(organisationId, t.studentId()).query(Long.class).single();
    }

    // — helpers —

    private record Checked(String name, Long advisor, String description) {
    }

    /** Every problem of a draft at once; {@code id} is the organisation being revised (its own name is no clash). */
    private Checked check(OrganisationDraft draft, Long id) {
        Fields f = new Fields();
        if (draft == null) {
            draft = new OrganisationDraft(null, null, null, null, null);
        }
        String name = f.text(draft.name(), "name", NAME_MAX, true);
        f.required(draft.kind(), "kind");
        String description = f.text(draft.description(), "description", TEXT_MAX, false);
        Long advisor = staffAccount(draft.advisorUsername(), "advisorUsername", f);
        if (name != null && jdbc.sql("SELECT count(*) FROM student_organisation WHERE name = ? AND id <> ?")
                .params(name, id == null ? -1L : id).query(Long.class).single() > 0) {
            f.add("name", "organisation.nameTaken");
        }
        if (draft.foundedOn() != null && draft.foundedOn().isAfter(today())) {
            f.add("foundedOn", "organisation.foundedInFuture");
        }
        f.check();
        return new Checked(name, advisor, description == null ? "" : description);
    }

    /** Nothing updated: someone else changed the organisation between reading and writing it. */
    private static void stale(int updated) {
        if (updated == 0) {
            throw new RuleViolation("organisation.changedMeanwhile");
        }
    }

    private OrganisationViews.Organisation administered(Viewer admin, long id, Integer expectedVersion) {
        if (!admin.isAdmin()) {
            throw new NotFoundException("organisation", id);
        }
        OrganisationViews.Organisation o = organisation(id);
        if (expectedVersion != null && expectedVersion != o.version()) {
            throw new RuleViolation("organisation.changedMeanwhile");
        }
        return o;
    }

    /** The organisation, if the viewer may appoint in it (else 404) and it is active (else a broken rule). */
    private OrganisationViews.Organisation managed(Viewer manager, long organisationId) {
        OrganisationViews.Organisation o = organisation(organisationId);
        if (!manager.isAdmin() && o.advisorAccountId() != manager.accountId()) {
            throw new NotFoundException("organisation", organisationId);
        }
        // One change to an organisation's members at a time: two appointments of one student cannot both pass the overlap check.
        jdbc.sql("SELECT id FROM student_organisation WHERE id = ? FOR UPDATE").param(organisationId).query(Long.class).single();
        if (!o.active()) {
            throw new RuleViolation("organisation.inactive");
        }
        return o;
    }

    private record Term(long studentId, Position position, LocalDate start, LocalDate end) {
        boolean ended(LocalDate today) {
            return end != null && end.isBefore(today);
        }
    }

    private Term term(long organisationId, long memberId) {
        return jdbc.sql("SELECT student_id, position, term_start, term_end FROM organisation_member WHERE id = ? AND organisation_id = ?")
                .params(memberId, organisationId)
                .query((rs, n) -> new Term(rs.getLong(1), Position.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("organisation member", memberId));
    }

    /** Whether the student holds another term in the organisation that meets [start, end] (an open end: forever). */
    private boolean overlaps(long organisationId, long studentId, LocalDate start, LocalDate end, Long except) {
        String sql = "SELECT count(*) FROM organisation_member WHERE organisation_id = :o AND student_id = :s"
                + " AND (term_end IS NULL OR term_end >= :start)" + (end == null ? "" : " AND term_start <= :end")
                + (except == null ? "" : " AND id <> :except");
        var spec = jdbc.sql(sql).param("o", organisationId).param("s", studentId).param("start", start);
        if (end != null) {
            spec = spec.param("end", end);
        }
        if (except != null) {
            spec = spec.param("except", except);
        }
        return spec.query(Long.class).single() > 0;
    }

    private Long staffAccount(String username, String field, Fields f) {
        if (f.text(username, field, 64, true) == null) {
            return null;
        }
        Optional<Account> account = accounts.byUsername(username.strip()).filter(Account::enabled);
        if (account.isEmpty() || account.get().studentId() != null) {
            f.add(field, "organisation.unknownStaff", username.strip());
            return null;
        }
        return account.get().id();
    }

    private LocalDate today() {
        return CampusTime.today(clock);
    }
}
