package org.shouwang.community;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
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
public class Organisations {

    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 4000;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final People people;
    private final Clock clock;

    Organisations(JdbcClient jdbc, @Lazy Accounts accounts, @Lazy People people, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.people = people;
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
                        FROM student_organisation o WHERE o.active ORDER BY o.kind, o.name""")
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

    public long create(Viewer admin, OrganisationDraft draft) {
        if (!admin.isAdmin()) {
            throw new NotFoundException("page", "organisations/new");
        }
        Fields f = new Fields();
        String name = f.text(draft.name(), "name", NAME_MAX, true);
        f.required(draft.kind(), "kind");
        String description = f.text(draft.description(), "description", TEXT_MAX, false);
        Long advisor = staffAccount(draft.advisorUsername(), "advisorUsername", f);
        if (name != null && jdbc.sql("SELECT count(*) FROM student_organisation WHERE name = ?").param(name)
                .query(Long.class).single() > 0) {
            f.add("name", "organisation.nameTaken");
        }
        f.check();
        jdbc.sql("""
                        INSERT INTO student_organisation (name, kind, advisor_account_id, description, founded_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(name, draft.kind().name(), advisor, description == null ? "" : description, draft.foundedOn(),
                        Timestamps.of(clock.instant()))
                .update();
        return jdbc.sql("SELECT id FROM student_organisation WHERE name = ?").param(name).query(Long.class).single();
    }

    /**
     * Appoints a student to a position for a term starting on {@code termStart} (today when null) and
     * ending on {@code termEnd} (open when null). A student holds one position at a time in one
     * organisation.
     */
    public long appoint(Viewer manager, long organisationId, String studentNumber, Position position, LocalDate termStart,
                        LocalDate termEnd) {
        if (!mayManage(manager, organisationId)) {
            throw new NotFoundException("organisation", organisationId);
        }
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
        if (student.isPresent() && jdbc.sql("""
                        SELECT count(*) FROM organisation_member WHERE organisation_id = :o AND student_id = :s
                          AND (term_end IS NULL OR term_end >= :start) AND (CAST(:end AS DATE) IS NULL OR term_start <= :end)""")
                .param("o", organisationId).param("s", student.get().id()).param("start", start).param("end", termEnd)
                .query(Long.class).single() > 0) {
            f.add("studentNumber", "organisation.alreadyMember", student.get().name());
        }
        f.check();
        jdbc.sql("INSERT INTO organisation_member (organisation_id, student_id, position, term_start, term_end) VALUES (?, ?, ?, ?, ?)")
                .params(organisationId, student.get().id(), position.name(), start, termEnd).update();
        return jdbc.sql("SELECT max(id) FROM organisation_member WHERE organisation_id = ? AND student_id = ?")
                .params(organisationId, student.get().id()).query(Long.class).single();
    }

    private Long staffAccount(String username, String field, Fields f) {
        if (f.text(username, field, 64, true) == null) {
            return null;
        }
        Optional<Account> account = accounts.byUsername(username).filter(Account::enabled);
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
