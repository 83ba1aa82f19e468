package org.shouwang.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.identity.AuditLog;
import org.shouwang.people.People;
import org.shouwang.people.Structure;
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
 * Meetings of the governing bodies: the secretariat (administrators, leaders, student affairs)
 * schedules a meeting with its agenda and attendees, marks who came, writes the minutes and
 * records the decisions, each of which becomes an action item of an owner department. Everyone who
 * may read governance ({@link GoverningBodies#mayRead}) reads meetings and minutes; anyone else: 404.
 */
@Service
@Transactional
public class Meetings {

    static final int TITLE_MAX = 200;
    static final int PLACE_MAX = 200;
    static final int AGENDA_ITEM_MAX = 500;
    static final int AGENDA_MAX = 30;
    static final int MINUTES_MAX = 8000;
    static final int DECISION_MAX = 1000;

    private final JdbcClient jdbc;
    private final GoverningBodies bodies;
    private final ActionItems actions;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;

    Meetings(JdbcClient jdbc, GoverningBodies bodies, ActionItems actions, @Lazy People people, @Lazy AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.bodies = bodies;
        this.actions = actions;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    // — reading —

    /** The governance page: every body, the year's meetings (newest first) and how many of each kind were held. */
    @Transactional(readOnly = true)
    public GovernanceViews.Overview overview(Viewer viewer, Integer year) {
        List<GovernanceViews.Body> list = bodies.list(viewer);
        int y = year == null ? CampusTime.today(clock).getYear() : year;
        List<GovernanceViews.MeetingRow> rows = jdbc.sql("""
                        SELECT m.id, m.body_id, b.name, m.kind, m.title, m.held_at, m.place, m.finished_at,
                               (SELECT count(*) FROM action_item a WHERE a.meeting_id = m.id),
                               (SELECT count(*) FROM action_item a WHERE a.meeting_id = m.id AND a.status = 'DONE')
                        FROM meeting m JOIN governing_body b ON b.id = m.body_id
                        WHERE m.held_at >= :from AND m.held_at < :to ORDER BY m.held_at DESC, m.id DESC""")
                .param("from", Timestamps.of(startOf(y))).param("to", Timestamps.of(startOf(y + 1)))
                .query((rs, n) -> new GovernanceViews.MeetingRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        MeetingKind.valueOf(rs.getString(4)), rs.getString(5), ActionItems.at(rs, 6), rs.getString(7),
                        ActionItems.at(rs, 8) != null, rs.getInt(9), rs.getInt(10)))
                .list();
        List<Integer> years = jdbc.sql("SELECT held_at FROM meeting").query((rs, n) -> ActionItems.at(rs, 1)
                        .atZone(CampusTime.ZONE).getYear()).list().stream().distinct().sorted(java.util.Comparator.reverseOrder())
                .toList();
        return new GovernanceViews.Overview(y, list, rows, count(rows, y), years, bodies.mayRecord(viewer), viewer.isAdmin());
    }

    /** How many meetings of each kind were held in a campus calendar year (404 for those who may not read governance). */
    @Transactional(readOnly = true)
    public GovernanceViews.YearCount yearCount(Viewer viewer, int year) {
        return overview(viewer, year).count();
    }

    private static GovernanceViews.YearCount count(List<GovernanceViews.MeetingRow> rows, int year) {
        int community = 0;
        int seminars = 0;
        int regular = 0;
        for (GovernanceViews.MeetingRow r : rows) {
            switch (r.kind()) {
                case COMMUNITY -> community++;
                case SEMINAR -> seminars++;
                default -> regular++;
            }
        }
        return new GovernanceViews.YearCount(year, community, seminars, regular);
    }

    /** One meeting with agenda, attendance, minutes and decisions (404 for those who may not read governance). */
    @Transactional(readOnly = true)
    public GovernanceViews.Meeting meeting(Viewer viewer, long id) {
        bodies.requireRead(viewer);
        Row m = row(id);
        List<String> agenda = jdbc.sql("SELECT text FROM meeting_agenda_item WHERE meeting_id = ? ORDER BY position").param(id)
                .query(String.class).list();
        List<GovernanceViews.Attendee> attendees = jdbc.sql(
                        "SELECT account_id, attendance FROM meeting_attendee WHERE meeting_id = ? ORDER BY account_id").param(id)
                .query((rs, n) -> {
                    GovernanceViews.Person p = bodies.person(rs.getLong(1));
                    return new GovernanceViews.Attendee(p.accountId(), p.username(), p.name(),
                            MeetingAttendance.valueOf(rs.getString(2)));
                }).list();
        return new GovernanceViews.Meeting(id, m.version(), m.bodyId(), bodies.body(m.bodyId()).name(), m.kind(), m.title(),
                m.heldAt(), m.place(), agenda, attendees, m.minutes(), m.finishedAt(), bodies.person(m.recorder()).name(),
                actions.ofMeeting(viewer, id), bodies.mayRecord(viewer));
    }

    /** The departments a decision may be given to, in people's order. */
    @Transactional(readOnly = true)
    public List<GovernanceViews.Department> departments() {
        return people.departments().stream().map((Structure.Department d) -> new GovernanceViews.Department(d.id(), d.name()))
                .toList();
    }

    // — changing —

    /** The secretariat schedules (or records afterwards) a meeting of a body with its agenda and attendees. */
    public long schedule(Viewer recorder, MeetingDraft draft) {
        bodies.requireRecord(recorder);
        MeetingDraft d = draft == null ? new MeetingDraft(null, null, null, null, null, List.of(), List.of()) : draft;
        Fields f = new Fields();
        if (f.required(d.bodyId(), "bodyId") && jdbc.sql("SELECT count(*) FROM governing_body WHERE id = ?").param(d.bodyId())
                .query(Long.class).single() == 0) {
            f.add("bodyId", "governance.meeting.unknownBody");
        }
        f.required(d.kind(), "kind");
        String title = f.text(d.title(), "title", TITLE_MAX, true);
        f.required(d.heldAt(), "heldAt");
        String place = f.text(d.place(), "place", PLACE_MAX, true);
        List<String> agenda = new ArrayList<>();
        for (String item : d.agenda() == null ? List.<String>of() : d.agenda()) {
            String text = f.text(item, "agenda", AGENDA_ITEM_MAX, false);
            if (text != null) {
                agenda.add(text);
            }
        }
        if (agenda.size() > AGENDA_MAX) {
            f.add("agenda", "governance.meeting.agendaTooLong", AGENDA_MAX);
        }
        Set<Long> attendees = bodies.staffAccounts(d.attendeeUsernames(), "attendees", f);
        f.check();
        Instant heldAt = d.heldAt().atZone(CampusTime.ZONE).toInstant();
        jdbc.sql("""
                        INSERT INTO meeting (body_id, kind, title, held_at, place, recorder_account_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(d.bodyId(), d.kind().name(), title, Timestamps.of(heldAt), place, recorder.accountId(),
                        Timestamps.of(clock.instant()))
                .update();
        long id = jdbc.sql("SELECT max(id) FROM meeting WHERE body_id = ? AND recorder_account_id = ?")
                .params(d.bodyId(), recorder.accountId()).query(Long.class).single();
        for (int i = 0; i < agenda.size(); i++) {
            jdbc.sql("INSERT INTO meeting_agenda_item (meeting_id, position, text) VALUES (?, ?, ?)").params(id, i + 1, agenda.get(i))
                    .update();
        }
        for (long a : attendees) {
            jdbc.sql("INSERT INTO meeting_attendee (meeting_id, account_id) VALUES (?, ?)").params(id, a).update();
        }
        audit.record(recorder, "governance.meeting.schedule", "meeting", id, title);
        return id;
    }

    /**
     * The secretariat writes the minutes and marks who came (attendees not in {@code present} were
     * absent). With {@code finish} the meeting is finished and then needs minutes (a blank one is a
     * field error); a finished meeting's minutes may still be corrected, never blanked.
     */
    public void recordMinutes(Viewer recorder, long id, String minutes, Collection<Long> present, boolean finish,
                              Integer expectedVersion) {
        bodies.requireRecord(recorder);
        Row m = row(id);
        if (expectedVersion != null && expectedVersion != m.version()) {
            throw new RuleViolation("governance.meeting.changedMeanwhile");
        }
        Fields f = new Fields();
        String text = f.text(minutes, "minutes", MINUTES_MAX, false);
        if (text == null && (finish || m.finishedAt() != null)) {
            f.add("minutes", "governance.meeting.minutesRequired");
        }
        Set<Long> invited = Set.copyOf(jdbc.sql("SELECT account_id FROM meeting_attendee WHERE meeting_id = ?").param(id)
                .query(Long.class).list());
        Set<Long> came = present == null ? Set.of() : Set.copyOf(present);
        if (!invited.containsAll(came)) {
            f.add("present", "governance.meeting.notAnAttendee");
        }
        f.check();
        Instant finishedAt = m.finishedAt() != null ? m.finishedAt() : finish ? clock.instant() : null;
        int updated = jdbc.sql("UPDATE meeting SET minutes = ?, finished_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(text, finishedAt == null ? null : Timestamps.of(finishedAt), id, m.version()).update();
        if (updated == 0) {
            throw new RuleViolation("governance.meeting.changedMeanwhile");
        }
        for (long a : invited) {
            jdbc.sql("UPDATE meeting_attendee SET attendance = ? WHERE meeting_id = ? AND account_id = ?")
                    .params(came.contains(a) ? "PRESENT" : "ABSENT", id, a).update();
        }
        audit.record(recorder, finish ? "governance.meeting.finish" : "governance.meeting.minutes", "meeting", id, m.title());
    }

    /**
     * The secretariat records a decision of the meeting: it becomes an open action item of the owner
     * department, due by the deadline (not before the meeting's day). Unknown departments and missing
     * or early deadlines are field errors; nothing is written then.
     */
    public long decide(Viewer recorder, long meetingId, ActionItemDraft draft) {
        bodies.requireRecord(recorder);
        Row m = row(meetingId);
        ActionItemDraft d = draft == null ? new ActionItemDraft(null, null, null) : draft;
        Fields f = new Fields();
        String decision = f.text(d.decision(), "decision", DECISION_MAX, true);
        if (f.required(d.departmentId(), "departmentId")
                && people.departments().stream().noneMatch(dep -> dep.id() == d.departmentId())) {
            f.add("departmentId", "governance.action.unknownDepartment");
        }
        LocalDate day = m.heldAt().atZone(CampusTime.ZONE).toLocalDate();
        if (f.required(d.deadline(), "deadline") && d.deadline().isBefore(day)) {
            f.add("deadline", "governance.action.deadlineBeforeMeeting", day);
        }
        f.check();
        long id = actions.open(recorder, meetingId, decision, d.departmentId(), d.deadline());
        audit.record(recorder, "governance.meeting.decide", "meeting", meetingId, "action item " + id);
        return id;
    }

    // — helpers —

    private record Row(int version, long bodyId, MeetingKind kind, String title, Instant heldAt, String place, String minutes,
                       Instant finishedAt, long recorder) {
    }

    private Row row(long id) {
        return jdbc.sql("""
                        SELECT version, body_id, kind, title, held_at, place, minutes, finished_at, recorder_account_id
                        FROM meeting WHERE id = ?""").param(id)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getLong(2), MeetingKind.valueOf(rs.getString(3)), rs.getString(4),
                        ActionItems.at(rs, 5), rs.getString(6), rs.getString(7),
                        ActionItems.at(rs, 8), rs.getLong(9)))
                .optional().orElseThrow(() -> new NotFoundException("meeting", id));
    }

    private static Instant startOf(int year) {
        return LocalDateTime.of(year, 1, 1, 0, 0).atZone(CampusTime.ZONE).toInstant();
    }

    static Map<Long, String> names(List<GovernanceViews.Department> departments) {
        Map<Long, String> names = new java.util.HashMap<>();
        departments.forEach(d -> names.put(d.id(), d.name()));
        return names;
    }
}
