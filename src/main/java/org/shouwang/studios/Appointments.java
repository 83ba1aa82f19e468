package org.shouwang.studios;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.notifications.Notice;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments (预约) with studio staff: a student books a free slot, cancels or moves it to another
 * free slot of the same studio until a cut-off before the start; after the start the staff mark it
 * attended or missed and keep a private session note. A slot is taken by a conditional update of
 * its row, so two students never hold one slot, however close together they book.
 * <p>
 * Who sees an appointment: the student who booked it, and the studio's staff; a confidential one
 * (psychology studio) only the student and the psychology centre, every staff view recorded in the
 * audit log. Anyone else is answered 404 and finds it in no list.
 */
@Service
@Transactional
public class Appointments {

    static final int TOPIC_MAX = 200;
    static final int NOTE_MAX = 4000;
    /** The most rows one list holds. */
    static final int LIST_MAX = 300;

    private final JdbcClient jdbc;
    private final Studios studios;
    private final SlotRules rules;
    private final Accounts accounts;
    private final People people;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AppointmentsProperties properties;
    private final Clock clock;

    Appointments(JdbcClient jdbc, Studios studios, SlotRules rules, @Lazy Accounts accounts, @Lazy People people,
                 @Lazy AuditLog audit, ApplicationEventPublisher events, AppointmentsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.studios = studios;
        this.rules = rules;
        this.accounts = accounts;
        this.people = people;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // — the student —

    /**
     * The calling student books a free slot, with an optional short topic; answers the appointment's
     * id. Refused (409) when the slot is taken or has started, when the student already holds a
     * future appointment in the studio, or when the caller is not a student.
     */
    public long book(Viewer viewer, long slotId, String topic) {
        Fields f = new Fields();
        String about = f.text(topic, "topic", TOPIC_MAX, false);
        f.check();
        SlotRow slot = slotRow(slotId).filter(s -> s.state() != SlotState.WITHDRAWN)
                .orElseThrow(() -> new NotFoundException("slot", slotId));
        if (viewer.studentId() == null) {
            throw new RuleViolation("appointment.studentsOnly");
        }
        StudioViews.Studio studio = studios.studio(slot.studioId());
        if (!studio.active()) {
            throw new NotFoundException("slot", slotId);
        }
        Instant now = clock.instant();
        if (!slot.startsAt().isAfter(now)) {
            throw new RuleViolation("appointment.slot.started");
        }
        if (slot.state() != SlotState.FREE) {
            throw new RuleViolation("appointment.slot.taken");
        }
        String held = viewer.studentId() + "/" + slot.studioId();
        if (holds(viewer.studentId(), slot.studioId(), now)) {
            throw new RuleViolation("appointment.onePerStudio", studio.name());
        }
        // An appointment whose time has passed holds the student no longer.
        jdbc.sql("UPDATE appointment SET held_key = NULL WHERE held_key = ? AND starts_at <= ?")
                .params(held, Timestamps.of(now)).update();
        if (jdbc.sql("UPDATE appointment_slot SET state = 'BOOKED' WHERE id = ? AND state = 'FREE' AND starts_at > ?")
                .params(slotId, Timestamps.of(now)).update() == 0) {
            throw new RuleViolation("appointment.slot.taken");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO appointment (slot_id, studio_id, confidential, student_id, student_account_id,
                                                     staff_account_id, starts_at, topic, held_key, booked_at)
                            VALUES (:slot, :studio, :confidential, :student, :account, :staff, :starts, :topic, :held, :now)""")
                    .param("slot", slotId).param("studio", slot.studioId()).param("confidential", studio.confidential())
                    .param("student", viewer.studentId()).param("account", viewer.accountId())
                    .param("staff", slot.staffAccountId()).param("starts", Timestamps.of(slot.startsAt()))
                    .param("topic", about).param("held", held).param("now", Timestamps.of(now))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("appointment.onePerStudio", studio.name());
        }
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(new Notice("appointment-booked-" + id, Set.of(slot.staffAccountId()), "appointment.notice.booked",
                List.of(studio.name(), Slots.when(slot.startsAt())), "/appointments/" + id));
        return id;
    }

    /** The calling student cancels their appointment until the cut-off; the slot is free again. */
    public void cancel(Viewer viewer, long id) {
        Loaded a = ownBooked(viewer, id);
        Instant now = clock.instant();
        if (jdbc.sql("""
                        UPDATE appointment SET state = 'CANCELLED', held_key = NULL, cancelled_at = ?, version = version + 1
                        WHERE id = ? AND state = 'BOOKED' AND slot_id = ?""")
                .params(Timestamps.of(now), id, a.slotId()).update() == 0) {
            throw new RuleViolation("appointment.notBooked");
        }
        jdbc.sql("UPDATE appointment_slot SET state = 'FREE' WHERE id = ? AND state = 'BOOKED'").param(a.slotId()).update();
        events.publishEvent(new Notice("appointment-cancelled-" + id, Set.of(a.staffAccountId()), "appointment.notice.cancelled",
                List.of(studioName(a.studioId()), Slots.when(a.startsAt())), "/appointments/" + id));
    }

    /**
     * The calling student moves their appointment to another free slot of the same studio, in one
     * step: the new slot is taken and the old one freed together, or nothing changes.
     */
    public void reschedule(Viewer viewer, long id, Long slotId) {
        if (slotId == null) {
            throw new InvalidInput("slotId", "field.required");
        }
        Loaded a = ownBooked(viewer, id);
        Instant now = clock.instant();
        SlotRow slot = slotRow(slotId).filter(s -> s.studioId() == a.studioId() && s.state() != SlotState.WITHDRAWN)
                .orElseThrow(() -> new InvalidInput("slotId", "appointment.reschedule.notThisStudio"));
        if (slot.id() == a.slotId()) {
            throw new InvalidInput("slotId", "appointment.reschedule.sameSlot");
        }
        if (!slot.startsAt().isAfter(now)) {
            throw new RuleViolation("appointment.slot.started");
        }
        if (jdbc.sql("UPDATE appointment_slot SET state = 'BOOKED' WHERE id = ? AND state = 'FREE' AND starts_at > ?")
                .params(slotId, Timestamps.of(now)).update() == 0) {
            throw new RuleViolation("appointment.slot.taken");
        }
        if (jdbc.sql("""
                        UPDATE appointment SET slot_id = ?, staff_account_id = ?, starts_at = ?, reminded_at = NULL,
                               version = version + 1
                        WHERE id = ? AND state = 'BOOKED' AND slot_id = ?""")
                .params(slotId, slot.staffAccountId(), Timestamps.of(slot.startsAt()), id, a.slotId()).update() == 0) {
            throw new RuleViolation("appointment.notBooked");
        }
        jdbc.sql("UPDATE appointment_slot SET state = 'FREE' WHERE id = ? AND state = 'BOOKED'").param(a.slotId()).update();
        String studio = studioName(a.studioId());
        events.publishEvent(new Notice("appointment-moved-" + id + "-" + slotId,
                Set.copyOf(List.of(a.staffAccountId(), slot.staffAccountId())), "appointment.notice.rescheduled",
                List.of(studio, Slots.when(a.startsAt()), Slots.when(slot.startsAt())), "/appointments/" + id));
    }

    // — the staff —

    /** After the start, the staff mark the appointment attended or missed (and may correct the mark). */
    public void recordOutcome(Viewer viewer, long id, AppointmentViews.Outcome outcome) {
        if (outcome == null) {
            throw new InvalidInput("outcome", "field.required");
        }
        Loaded a = asStaff(viewer, id);
        if (a.state() == AppointmentState.CANCELLED) {
            throw new RuleViolation("appointment.cancelled");
        }
        Instant now = clock.instant();
        if (now.isBefore(a.startsAt())) {
            throw new RuleViolation("appointment.notStarted", Slots.when(a.startsAt()));
        }
        jdbc.sql("""
                        UPDATE appointment SET state = ?, held_key = NULL, outcome_at = ?, outcome_by = ?, version = version + 1
                        WHERE id = ? AND state <> 'CANCELLED'""")
                .params(outcome.name(), Timestamps.of(now), viewer.accountId(), id).update();
        if (a.confidential()) {
            audit.record(viewer, "appointment.outcome", "appointment", id, outcome.name());
        }
    }

    /** The staff write (or replace, or clear with blank) the private session note; the student never sees it. */
    public void writeNote(Viewer viewer, long id, String note) {
        Fields f = new Fields();
        String text = f.text(note, "note", NOTE_MAX, false);
        Loaded a = asStaff(viewer, id);
        f.check();
        if (a.state() == AppointmentState.CANCELLED) {
            throw new RuleViolation("appointment.cancelled");
        }
        jdbc.sql("UPDATE appointment SET note = ?, note_by = ?, note_at = ?, version = version + 1 WHERE id = ?")
                .params(text, viewer.accountId(), Timestamps.of(clock.instant()), id).update();
        if (a.confidential()) {
            audit.record(viewer, "appointment.note.write", "appointment", id, text == null ? "cleared" : text.length() + " chars");
        }
    }

    // — reading —

    /**
     * One appointment: to its student (without the session note) or to staff who may see it (with
     * the note; a confidential one's view is recorded in the audit log). 404 for anyone else.
     */
    public AppointmentViews.Detail detail(Viewer viewer, long id) {
        Loaded a = load(id).orElseThrow(() -> new NotFoundException("appointment", id));
        boolean student = viewer.isStudent(a.studentId());
        boolean staff = !student && rules.seesAsStaff(viewer, a.studioId(), a.confidential());
        if (!student && !staff) {
            throw new NotFoundException("appointment", id);
        }
        if (staff && a.confidential()) {
            audit.record(viewer, "appointment.view", "appointment", id, a.note() == null ? "no note" : "with note");
        }
        Instant now = clock.instant();
        Instant changeBy = a.startsAt().minus(properties.changeCutOff());
        boolean booked = a.state() == AppointmentState.BOOKED;
        AppointmentViews.Moves moves = new AppointmentViews.Moves(student && booked && now.isBefore(changeBy),
                student && booked && now.isBefore(changeBy), staff && a.state() != AppointmentState.CANCELLED
                && !now.isBefore(a.startsAt()), staff && a.state() != AppointmentState.CANCELLED);
        StudioViews.Studio studio = studios.studio(a.studioId());
        Set<Long> named = new HashSet<>(List.of(a.staffAccountId()));
        if (staff && a.noteBy() != null) {
            named.add(a.noteBy());
        }
        Map<Long, String> names = accounts.names(named);
        StudentSummary who = staff ? people.summaries(List.of(a.studentId())).get(a.studentId()) : null;
        return new AppointmentViews.Detail(a.id(), a.version(), a.studioId(), studio.name(), studio.type(), a.service(),
                a.slotId(), a.startsAt(), a.endsAt(), a.place(), a.staffAccountId(), names.get(a.staffAccountId()),
                who == null ? null : who.studentNumber(), who == null ? null : who.name(), a.topic(), a.state(),
                a.confidential(), a.bookedAt(), changeBy, moves, staff ? a.note() : null,
                staff && a.noteBy() != null ? names.get(a.noteBy()) : null, staff ? a.noteAt() : null);
    }

    /**
     * The caller's appointments. MINE: the calling student's, newest first. STUDIOS: those of the
     * studios the caller works in and, for the psychology centre, every confidential one, from
     * {@code from} to {@code to} (campus dates; null: a month back and a year on). Confidential
     * appointments of a studio the caller works in but may not see are only counted ({@code withheld});
     * confidential ones a staff member is shown are recorded in the audit log.
     */
    public AppointmentViews.Listing list(Viewer viewer, AppointmentViews.Scope scope, LocalDate from, LocalDate to) {
        if (scope == AppointmentViews.Scope.MINE || scope == null) {
            if (viewer.studentId() == null) {
                return new AppointmentViews.Listing(List.of(), 0);
            }
            return new AppointmentViews.Listing(rows("a.student_id = :student", Map.of("student", viewer.studentId()),
                    "a.starts_at DESC", false), 0);
        }
        LocalDate today = CampusTime.today(clock);
        LocalDate first = from == null ? today.minusMonths(1) : from;
        LocalDate last = to == null ? today.plusYears(1) : to;
        if (last.isBefore(first)) {
            throw new InvalidInput("to", "appointment.series.toBeforeFrom");
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("start", Timestamps.of(first.atStartOfDay(CampusTime.ZONE).toInstant()));
        params.put("end", Timestamps.of(last.plusDays(1).atStartOfDay(CampusTime.ZONE).toInstant()));
        Set<Long> worksIn = studios.studiosOf(viewer);
        boolean centre = viewer.has(Role.PSYCHOLOGY_CENTRE);
        List<String> who = new ArrayList<>();
        if (!worksIn.isEmpty()) {
            params.put("studios", List.copyOf(worksIn));
            who.add("(a.studio_id IN (:studios) AND NOT a.confidential)");
        }
        if (centre) {
            who.add("a.confidential");
        }
        String range = "a.starts_at >= :start AND a.starts_at < :end";
        long withheld = 0;
        if (!worksIn.isEmpty() && !centre) {
            withheld = jdbc.sql("SELECT count(*) FROM appointment a WHERE a.confidential AND a.studio_id IN (:studios) AND "
                    + range).params(params).query(Long.class).single();
        }
        if (who.isEmpty()) {
            return new AppointmentViews.Listing(List.of(), withheld);
        }
        List<AppointmentViews.Row> rows = rows("(" + String.join(" OR ", who) + ") AND " + range, params, "a.starts_at", true);
        String shown = rows.stream().filter(AppointmentViews.Row::confidential).map(r -> String.valueOf(r.id()))
                .collect(Collectors.joining(","));
        if (!shown.isEmpty()) {
            audit.record(viewer, "appointment.list", "appointment", null, "shown: " + shown);
        }
        return new AppointmentViews.Listing(rows, withheld);
    }

    /** Whether the student holds a booked appointment in the studio that has not started yet. */
    @Transactional(readOnly = true)
    public boolean holds(long studentId, long studioId, Instant at) {
        return jdbc.sql("""
                        SELECT count(*) FROM appointment WHERE student_id = ? AND studio_id = ? AND state = 'BOOKED'
                        AND starts_at > ?""").params(studentId, studioId, Timestamps.of(at)).query(Long.class).single() > 0;
    }

    // — helpers —

    private List<AppointmentViews.Row> rows(String where, Map<String, Object> params, String order, boolean forStaff) {
        record Raw(long id, long studioId, String studioName, AppointmentService service, Instant startsAt, Instant endsAt,
                   String place, long staff, AppointmentState state, long student, boolean confidential) {
        }
        List<Raw> raws = jdbc.sql("""
                        SELECT a.id, a.studio_id, st.name AS studio_name, s.service, a.starts_at, s.ends_at, s.place,
                               a.staff_account_id, a.state, a.student_id, a.confidential
                        FROM appointment a JOIN appointment_slot s ON s.id = a.slot_id JOIN studio st ON st.id = a.studio_id
                        WHERE """ + " " + where + " ORDER BY " + order + ", a.id LIMIT " + LIST_MAX)
                .params(params)
                .query((rs, n) -> new Raw(rs.getLong("id"), rs.getLong("studio_id"), rs.getString("studio_name"),
                        AppointmentService.valueOf(rs.getString("service")), Timestamps.read(rs, "starts_at"),
                        Timestamps.read(rs, "ends_at"), rs.getString("place"), rs.getLong("staff_account_id"),
                        AppointmentState.valueOf(rs.getString("state")), rs.getLong("student_id"), rs.getBoolean("confidential")))
                .list();
        Map<Long, String> staff = accounts.names(raws.stream().map(Raw::staff).distinct().toList());
        Map<Long, StudentSummary> students = forStaff ? people.summaries(raws.stream().map(Raw::student).distinct().toList())
                : Map.of();
        return raws.stream().map(r -> {
            StudentSummary s = students.get(r.student());
            return new AppointmentViews.Row(r.id(), r.studioId(), r.studioName(), r.service(), r.startsAt(), r.endsAt(), r.place(),
                    staff.get(r.staff()), r.state(), s == null ? null : s.studentNumber(), s == null ? null : s.name(),
                    r.confidential());
        }).toList();
    }

    /** The caller's own appointment, still booked and before the cut-off: what cancel and reschedule need. */
    private Loaded ownBooked(Viewer viewer, long id) {
        Loaded a = load(id).orElseThrow(() -> new NotFoundException("appointment", id));
        if (!viewer.isStudent(a.studentId())) {
            if (rules.seesAsStaff(viewer, a.studioId(), a.confidential())) {
                throw new RuleViolation("appointment.studentMove");
            }
            throw new NotFoundException("appointment", id);
        }
        if (a.state() != AppointmentState.BOOKED) {
            throw new RuleViolation("appointment.notBooked");
        }
        if (!clock.instant().isBefore(a.startsAt().minus(properties.changeCutOff()))) {
            throw new RuleViolation("appointment.tooLate", Slots.when(a.startsAt().minus(properties.changeCutOff())));
        }
        return a;
    }

    /** An appointment the caller sees as staff; the student is refused (409), anyone else 404. */
    private Loaded asStaff(Viewer viewer, long id) {
        Loaded a = load(id).orElseThrow(() -> new NotFoundException("appointment", id));
        if (!rules.seesAsStaff(viewer, a.studioId(), a.confidential())) {
            if (viewer.isStudent(a.studentId())) {
                throw new RuleViolation("appointment.staffMove");
            }
            throw new NotFoundException("appointment", id);
        }
        return a;
    }

    private String studioName(long studioId) {
        return jdbc.sql("SELECT name FROM studio WHERE id = ?").param(studioId).query(String.class).single();
    }

    record SlotRow(long id, long studioId, long staffAccountId, Instant startsAt, SlotState state) {
    }

    private java.util.Optional<SlotRow> slotRow(long id) {
        return jdbc.sql("SELECT id, studio_id, staff_account_id, starts_at, state FROM appointment_slot WHERE id = ?").param(id)
                .query((rs, n) -> new SlotRow(rs.getLong("id"), rs.getLong("studio_id"), rs.getLong("staff_account_id"),
                        Timestamps.read(rs, "starts_at"), SlotState.valueOf(rs.getString("state"))))
                .optional();
    }

    record Loaded(long id, int version, long slotId, long studioId, boolean confidential, long studentId, long studentAccountId,
                  long staffAccountId, Instant startsAt, Instant endsAt, String place, AppointmentService service, String topic,
                  AppointmentState state, Instant bookedAt, String note, Long noteBy, Instant noteAt) {
    }

    java.util.Optional<Loaded> load(long id) {
        return jdbc.sql("""
                        SELECT a.id, a.version, a.slot_id, a.studio_id, a.confidential, a.student_id, a.student_account_id,
                               a.staff_account_id, a.starts_at, s.ends_at, s.place, s.service, a.topic, a.state, a.booked_at,
                               a.note, a.note_by, a.note_at
                        FROM appointment a JOIN appointment_slot s ON s.id = a.slot_id WHERE a.id = ?""").param(id)
                .query(Appointments::loaded).optional();
    }

    private static Loaded loaded(ResultSet rs, int n) throws SQLException {
        return new Loaded(rs.getLong("id"), rs.getInt("version"), rs.getLong("slot_id"), rs.getLong("studio_id"),
                rs.getBoolean("confidential"), rs.getLong("student_id"), rs.getLong("student_account_id"),
                rs.getLong("staff_account_id"), Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
                rs.getString("place"), AppointmentService.valueOf(rs.getString("service")), rs.getString("topic"),
                AppointmentState.valueOf(rs.getString("state")), Timestamps.read(rs, "booked_at"), rs.getString("note"),
                (Long) rs.getObject("note_by"), Timestamps.read(rs, "note_at"));
    }
}
