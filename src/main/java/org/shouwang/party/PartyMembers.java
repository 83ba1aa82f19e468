package org.shouwang.party;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.AuditLog;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rosters of Party organisations: students and staff with their status (applicant, activist,
 * probationary, full member) and dates, kept by those who manage the organisation
 * ({@link PartyOrganisations#manages}); transfers between organisations and leaving keep history.
 * Who has which status is seen only by holders of a Party role, administrators and the member
 * themself; everyone else sees counts ({@link #counts()}) and is answered 404.
 */
@Service
@Transactional
public class PartyMembers {

    static final int REASON_MAX = 500;

    private static final String SELECT = """
            SELECT m.id, m.version, m.organisation_id, o.name AS organisation_name, m.student_id, m.staff_id, m.status,
                   m.applied_on, m.activist_on, m.probationary_on, m.full_on, m.active, m.left_on, m.left_reason
            FROM party_member m JOIN party_organisation o ON o.id = m.organisation_id""";

    private final JdbcClient jdbc;
    private final PartyOrganisations organisations;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;

    PartyMembers(JdbcClient jdbc, PartyOrganisations organisations, @Lazy People people, @Lazy AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    // — reading —

    /** Active members by status for every organisation: public (no names). */
    @Transactional(readOnly = true)
    public Map<Long, PartyMemberViews.Counts> counts() {
        Map<Long, int[]> raw = new HashMap<>();
        jdbc.sql("SELECT organisation_id, status, count(*) FROM party_member WHERE active GROUP BY organisation_id, status")
                .query(rs -> {
                    int[] c = raw.computeIfAbsent(rs.getLong(1), k -> new int[4]);
                    c[PartyMemberStatus.valueOf(rs.getString(2)).ordinal()] = rs.getInt(3);
                });
        Map<Long, PartyMemberViews.Counts> out = new HashMap<>();
        raw.forEach((id, c) -> out.put(id, new PartyMemberViews.Counts(c[3], c[2], c[1], c[0])));
        return out;
    }

    /** Whether the viewer may see who has which status (a Party role or an administrator). */
    @Transactional(readOnly = true)
    public boolean seesStatus(Viewer viewer) {
        return organisations.holdsPartyRole(viewer);
    }

    /** An organisation's active members by status then name, with transfers in and out; 404 for those who may not see. */
    @Transactional(readOnly = true)
    public PartyMemberViews.Roster roster(Viewer viewer, long organisationId) {
        organisations.organisation(organisationId);
        if (!seesStatus(viewer)) {
            throw new NotFoundException("party-members", organisationId);
        }
        List<PartyMemberViews.Member> members = new ArrayList<>(named(jdbc.sql(SELECT + " WHERE m.organisation_id = ? AND m.active")
                .param(organisationId).query(PartyMembers::row).list()));
        members.sort((a, b) -> a.status() != b.status() ? b.status().compareTo(a.status()) : a.name().compareTo(b.name()));
        List<PartyMemberViews.Event> transfers = events("""
                WHERE h.action = 'TRANSFER' AND (h.from_organisation_id = :o OR h.to_organisation_id = :o)""", organisationId);
        return new PartyMemberViews.Roster(organisationId, members, transfers);
    }

    /** One member with their history: for Party roles, administrators and the member; 404 for anyone else. */
    @Transactional(readOnly = true)
    public PartyMemberViews.Detail member(Viewer viewer, long memberId) {
        PartyMemberViews.Member m = load(memberId);
        if (!seesStatus(viewer) && !own(viewer, m)) {
            throw new NotFoundException("party-member", memberId);
        }
        return new PartyMemberViews.Detail(m, events("WHERE h.member_id = :o", memberId),
                m.active() && organisations.manages(viewer, m.organisationId()));
    }

    /** The viewer's own place on a roster (active), if any. */
    @Transactional(readOnly = true)
    public Optional<PartyMemberViews.Detail> mine(Viewer viewer) {
        Optional<Long> id = Optional.empty();
        if (viewer.studentId() != null) {
            id = jdbc.sql("SELECT id FROM party_member WHERE student_id = ? AND active").param(viewer.studentId()).query(Long.class).optional();
        }
        if (id.isEmpty() && viewer.staffId() != null) {
            id = jdbc.sql("SELECT id FROM party_member WHERE staff_id = ? AND active").param(viewer.staffId()).query(Long.class).optional();
        }
        return id.map(i -> member(viewer, i));
    }

    // — keeping the roster (those who manage the organisation) —

    /** Puts a student or staff member on the roster; they must not be on an active roster already. */
    public long add(Viewer manager, long organisationId, PartyMemberDraft draft) {
        PartyViews.Organisation o = managed(manager, organisationId);
        if (!o.active()) {
            throw new RuleViolation("party.inactive");
        }
        Fields f = new Fields();
        Long studentId = null;
        Long staffId = null;
        if (draft.number() == null || draft.number().isBlank()) {
            f.add("number", "field.required");
        } else {
            String number = draft.number().strip();
            Optional<StudentSummary> student = people.studentByNumber(number);
            if (student.isPresent()) {
                studentId = student.get().id();
            } else {
                staffId = people.staffIdByNumber(number).orElse(null);
            }
            if (studentId == null && staffId == null) {
                f.add("number", "party.member.unknownNumber", number);
            } else if (jdbc.sql("SELECT count(*) FROM party_member WHERE active AND (student_id = ? OR staff_id = ?)")
                    .params(studentId == null ? -1L : studentId, staffId == null ? -1L : staffId).query(Long.class).single() > 0) {
                f.add("number", "party.member.already", number);
            }
        }
        f.required(draft.status(), "status");
        Dates dates = new Dates(draft.appliedOn(), draft.activistOn(), draft.probationaryOn(), draft.fullOn());
        if (draft.status() != null) {
            dates.check(draft.status(), CampusTime.today(clock), f, null);
        }
        f.check();
        jdbc.sql("""
                        INSERT INTO party_member (organisation_id, student_id, staff_id, status, applied_on, activist_on, probationary_on,
                                                  full_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, studentId, staffId, draft.status().name(), dates.applied, dates.activist, dates.probationary,
                        dates.full, Timestamps.of(clock.instant()))
                .update();
        long id = jdbc.sql("SELECT id FROM party_member WHERE active AND (student_id = ? OR staff_id = ?)")
                .params(studentId == null ? -1L : studentId, staffId == null ? -1L : staffId).query(Long.class).single();
        event(manager, id, "JOINED", null, organisationId, null, draft.status(), null);
        audit.record(manager, "party.member.add", "party-member", id, o.name() + " " + draft.status());
        return id;
    }

    /**
     * Moves a member on (applicant → activist → probationary → full) as of a date: dates stay in
     * order and full membership comes no earlier than a year after probationary membership.
     */
    public void changeStatus(Viewer manager, long memberId, PartyMemberStatus status, LocalDate on, Integer version) {
        PartyMemberViews.Member m = manageable(manager, memberId);
        Fields f = new Fields();
        f.required(status, "status");
        if (status != null && status.compareTo(m.status()) <= 0) {
            f.add("status", "party.member.notForward");
        }
        if (!f.ok()) {
            f.required(on, "on");
            f.check();
        }
        Dates dates = new Dates(m.appliedOn(), m.activistOn(), m.probationaryOn(), m.fullOn()).with(status, on);
        dates.check(status, CampusTime.today(clock), f, status);
        f.check();
        int changed = jdbc.sql("""
                        UPDATE party_member SET status = ?, applied_on = ?, activist_on = ?, probationary_on = ?, full_on = ?,
                               version = version + 1 WHERE id = ? AND version = ? AND active""")
                .params(status.name(), dates.applied, dates.activist, dates.probationary, dates.full, memberId,
                        version == null ? m.version() : version)
                .update();
        if (changed == 0) {
            throw new RuleViolation("party.changedMeanwhile");
        }
        event(manager, memberId, "STATUS", m.organisationId(), m.organisationId(), m.status(), status, null);
        audit.record(manager, "party.member.status", "party-member", memberId, m.status() + " → " + status);
    }

    /** Transfers a member to another active organisation (组织关系转接); both keep the record. */
    public void transfer(Viewer manager, long memberId, Long toOrganisationId, String note, Integer version) {
        PartyMemberViews.Member m = manageable(manager, memberId);
        Fields f = new Fields();
        String text = f.text(note, "note", REASON_MAX, false);
        String toName = null;
        if (f.required(toOrganisationId, "organisationId")) {
            Optional<Object[]> to = jdbc.sql("SELECT name, active FROM party_organisation WHERE id = ?").param(toOrganisationId)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2)}).optional();
            if (to.isEmpty() || !(Boolean) to.get()[1]) {
                f.add("organisationId", "party.unknownOrganisation");
            } else if (toOrganisationId == m.organisationId()) {
                f.add("organisationId", "party.member.sameOrganisation");
            } else {
                toName = (String) to.get()[0];
            }
        }
        f.check();
        int changed = jdbc.sql("UPDATE party_member SET organisation_id = ?, version = version + 1 WHERE id = ? AND version = ? AND active")
                .params(toOrganisationId, memberId, version == null ? m.version() : version).update();
        if (changed == 0) {
            throw new RuleViolation("party.changedMeanwhile");
        }
        event(manager, memberId, "TRANSFER", m.organisationId(), toOrganisationId, m.status(), m.status(), text);
        audit.record(manager, "party.member.transfer", "party-member", memberId, m.organisationName() + " → " + toName);
    }

    /** Records that a member left the roster (moved away, graduated elsewhere …): the row stays, inactive. */
    public void leave(Viewer manager, long memberId, LocalDate on, String reason, Integer version) {
        PartyMemberViews.Member m = manageable(manager, memberId);
        Fields f = new Fields();
        String text = f.text(reason, "reason", REASON_MAX, true);
        if (f.required(on, "on")) {
            if (on.isAfter(CampusTime.today(clock))) {
                f.add("on", "party.inFuture");
            } else {
                LocalDate latest = new Dates(m.appliedOn(), m.activistOn(), m.probationaryOn(), m.fullOn()).latest();
                if (latest != null && on.isBefore(latest)) {
                    f.add("on", "party.member.beforeLast", latest);
                }
            }
        }
        f.check();
        int changed = jdbc.sql("""
                        UPDATE party_member SET active = FALSE, left_on = ?, left_reason = ?, version = version + 1
                        WHERE id = ? AND version = ? AND active""")
                .params(on, text, memberId, version == null ? m.version() : version).update();
        if (changed == 0) {
            throw new RuleViolation("party.changedMeanwhile");
        }
        event(manager, memberId, "LEFT", m.organisationId(), null, m.status(), null, text);
        audit.record(manager, "party.member.leave", "party-member", memberId, m.organisationName());
    }

    // — helpers —

    private PartyViews.Organisation managed(Viewer viewer, long organisationId) {
        if (!organisations.manages(viewer, organisationId)) {
            throw new NotFoundException("party-organisation", organisationId);
        }
        return organisations.organisation(organisationId);
    }

    private PartyMemberViews.Member manageable(Viewer viewer, long memberId) {
        PartyMemberViews.Member m = load(memberId);
        if (!organisations.manages(viewer, m.organisationId())) {
            throw new NotFoundException("party-member", memberId);
        }
        if (!m.active()) {
            throw new RuleViolation("party.member.left");
        }
        return m;
    }

    private PartyMemberViews.Member load(long memberId) {
        return jdbc.sql(SELECT + " WHERE m.id = ?").param(memberId).query(PartyMembers::row).optional()
                .map(m -> named(List.of(m)).get(0))
                .orElseThrow(() -> new NotFoundException("party-member", memberId));
    }

    private static boolean own(Viewer viewer, PartyMemberViews.Member m) {
        return (m.studentId() != null && viewer.studentId() != null && m.studentId().equals(viewer.studentId()))
                || (m.staffId() != null && viewer.staffId() != null && m.staffId().equals(viewer.staffId()));
    }

    private static PartyMemberViews.Member row(ResultSet rs, int n) throws SQLException {
        return new PartyMemberViews.Member(rs.getLong("id"), rs.getInt("version"), rs.getLong("organisation_id"),
                rs.getString("organisation_name"), (Long) rs.getObject("student_id"), (Long) rs.getObject("staff_id"), null, null,
                PartyMemberStatus.valueOf(rs.getString("status")), rs.getObject("applied_on", LocalDate.class),
                rs.getObject("activist_on", LocalDate.class), rs.getObject("probationary_on", LocalDate.class),
                rs.getObject("full_on", LocalDate.class), rs.getBoolean("active"), rs.getObject("left_on", LocalDate.class),
                rs.getString("left_reason"));
    }

    /** Fills in names and numbers: students from the people module, staff from the staff list. */
    private List<PartyMemberViews.Member> named(List<PartyMemberViews.Member> members) {
        Map<Long, StudentSummary> students = people.summaries(members.stream().map(PartyMemberViews.Member::studentId)
                .filter(java.util.Objects::nonNull).toList());
        Map<Long, String[]> staff = staff(members.stream().map(PartyMemberViews.Member::staffId).filter(java.util.Objects::nonNull).toList());
        return members.stream().map(m -> {
            String number;
            String name;
            if (m.studentId() != null) {
                StudentSummary s = students.get(m.studentId());
                number = s == null ? "" : s.studentNumber();
                name = s == null ? "" : s.name();
            } else {
                String[] s = staff.get(m.staffId());
                number = s == null ? "" : s[0];
                name = s == null ? "" : s[1];
            }
            return new PartyMemberViews.Member(m.id(), m.version(), m.organisationId(), m.organisationName(), m.studentId(),
                    m.staffId(), number, name, m.status(), m.appliedOn(), m.activistOn(), m.probationaryOn(), m.fullOn(),
                    m.active(), m.leftOn(), m.leftReason());
        }).toList();
    }

    private Map<Long, String[]> staff(Collection<Long> ids) {
        Map<Long, String[]> out = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, staff_number, name FROM staff WHERE id IN (:ids)").param("ids", new HashSet<>(ids))
                    .query(rs -> {
                        out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    });
        }
        return out;
    }

    private List<PartyMemberViews.Event> events(String where, long id) {
        List<Object[]> rows = jdbc.sql("""
                        SELECT h.id, h.member_id, h.action, h.from_organisation_id, f.name AS from_name, h.to_organisation_id,
                               t.name AS to_name, h.from_status, h.to_status, h.note, h.by_account_id, h.happened_at
                        FROM party_member_history h
                        LEFT JOIN party_organisation f ON f.id = h.from_organisation_id
                        LEFT JOIN party_organisation t ON t.id = h.to_organisation_id
                        """ + where + " ORDER BY h.happened_at DESC, h.id DESC")
                .param("o", id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class),
                        rs.getString(5), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getObject(11, Long.class), rs.getObject(12, java.time.OffsetDateTime.class)})
                .list();
        Set<Long> memberIds = new HashSet<>();
        rows.forEach(r -> memberIds.add((Long) r[1]));
        Map<Long, String> memberNames = new HashMap<>();
        if (!memberIds.isEmpty()) {
            named(jdbc.sql(SELECT + " WHERE m.id IN (:ids)").param("ids", memberIds).query(PartyMembers::row).list())
                    .forEach(m -> memberNames.put(m.id(), m.name()));
        }
        Map<Long, String> byNames = organisationsAccounts(rows.stream().map(r -> (Long) r[10]).filter(java.util.Objects::nonNull).toList());
        return rows.stream().map(r -> new PartyMemberViews.Event((Long) r[0], (Long) r[1], memberNames.get((Long) r[1]),
                (String) r[2], (Long) r[3], (String) r[4], (Long) r[5], (String) r[6],
                r[7] == null ? null : PartyMemberStatus.valueOf((String) r[7]), r[8] == null ? null : PartyMemberStatus.valueOf((String) r[8]),
                (String) r[9], r[10] == null ? null : byNames.get((Long) r[10]),
                r[11] == null ? null : ((java.time.OffsetDateTime) r[11]).toInstant())).toList();
    }

    private Map<Long, String> organisationsAccounts(List<Long> ids) {
        return ids.isEmpty() ? Map.of() : organisations.accountNames(ids);
    }

    private void event(Viewer by, long memberId, String action, Long from, Long to, PartyMemberStatus fromStatus,
                       PartyMemberStatus toStatus, String note) {
        jdbc.sql("""
                        INSERT INTO party_member_history (member_id, action, from_organisation_id, to_organisation_id, from_status,
                                                          to_status, note, by_account_id, happened_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(memberId, action, from, to, fromStatus == null ? null : fromStatus.name(),
                        toStatus == null ? null : toStatus.name(), note, by.accountId(), Timestamps.of(clock.instant()))
                .update();
    }

    /** The four dates of the way in; {@link #check} names every problem by the field of the date. */
    private static final class Dates {
        LocalDate applied;
        LocalDate activist;
        LocalDate probationary;
        LocalDate full;

        Dates(LocalDate applied, LocalDate activist, LocalDate probationary, LocalDate full) {
            this.applied = applied;
            this.activist = activist;
            this.probationary = probationary;
            this.full = full;
        }

        Dates with(PartyMemberStatus status, LocalDate on) {
            switch (status) {
                case APPLICANT -> applied = on;
                case ACTIVIST -> activist = on;
                case PROBATIONARY -> probationary = on;
                case FULL -> full = on;
            }
            return this;
        }

        LocalDate of(PartyMemberStatus status) {
            return switch (status) {
                case APPLICANT -> applied;
                case ACTIVIST -> activist;
                case PROBATIONARY -> probationary;
                case FULL -> full;
            };
        }

        LocalDate latest() {
            LocalDate latest = null;
            for (PartyMemberStatus s : PartyMemberStatus.values()) {
                LocalDate d = of(s);
                if (d != null && (latest == null || d.isAfter(latest))) {
                    latest = d;
                }
            }
            return latest;
        }

        static String field(PartyMemberStatus s, PartyMemberStatus changed) {
            if (s == changed) {
                return "on";
            }
            return switch (s) {
                case APPLICANT -> "appliedOn";
                case ACTIVIST -> "activistOn";
                case PROBATIONARY -> "probationaryOn";
                case FULL -> "fullOn";
            };
        }

        /** The status's own date is required, none in the future, none after a later step's, full ≥ probationary + 1 year. */
        void check(PartyMemberStatus status, LocalDate today, Fields f, PartyMemberStatus changed) {
            for (PartyMemberStatus s : PartyMemberStatus.values()) {
                if (s.compareTo(status) > 0 && of(s) != null) {
                    f.add(field(s, changed), "party.member.notYet");
                }
            }
            if (of(status) == null) {
                f.add(field(status, changed), "field.required");
            }
            LocalDate previous = null;
            for (PartyMemberStatus s : PartyMemberStatus.values()) {
                LocalDate d = of(s);
                if (d == null || f.has(field(s, changed))) {
                    continue;
                }
                if (d.isAfter(today)) {
                    f.add(field(s, changed), "party.inFuture");
                } else if (previous != null && d.isBefore(previous)) {
                    f.add(field(s, changed), "party.member.beforePrevious", previous);
                } else if (s == PartyMemberStatus.FULL && probationary != null && d.isBefore(probationary.plusYears(1))) {
                    f.add(field(s, changed), "party.member.yearOfProbation", probationary.plusYears(1));
                }
                if (s.compareTo(status) <= 0) {
                    previous = d;
                }
            }
        }
    }
}
