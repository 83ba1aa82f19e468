package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.notifications.Notice;
import org.shouwang.people.Enrolment;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Photo;
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
 * What happens to attendance after the activity: late entries (补录) by the organiser, approved or
 * refused by student affairs; appeals of students marked absent, restored or refused by the
 * organiser; the organiser's summary and photos; participants' ratings. Each call is one user
 * action in one transaction, and whoever a decision concerns is told.
 */
@Service
@Transactional
public class Attendances {

    static final int NOTE_MAX = 500;
    static final int COMMENT_MAX = 1000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final CheckIns checkIns;
    private final Activities activities;
    private final AttendanceDeadlines deadlines;
    private final Registrations registrations;
    private final ActivitiesProperties properties;
    private final People people;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Attendances(CheckIns checkIns, Activities activities, AttendanceDeadlines deadlines, Registrations registrations,
                ActivitiesProperties properties, @Lazy People people, @Lazy Accounts accounts, JdbcClient jdbc,
                ApplicationEventPublisher events, Clock clock) {
        this.checkIns = checkIns;
        this.activities = activities;
        this.deadlines = deadlines;
        this.registrations = registrations;
        this.properties = properties;
        this.people = people;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    // — late entry (补录) —

    /**
     * After the end, within the late-entry days (working days), the organiser enters students who
     * were there but not recorded, with a note saying why: each waits for an approver. A student
     * whose earlier late entry was refused may be entered again.
     */
    public CheckIns.Entered enterLate(Viewer organiser, long activityId, String studentNumbers, String note) {
        Activity a = checkIns.organised(organiser, activityId);
        List<String> numbers = CheckIns.numbers("studentNumbers", studentNumbers);
        String why = text(note, "note", NOTE_MAX, true);
        Instant now = clock.instant();
        if (a.state != ActivityState.PUBLISHED) {
            throw new RuleViolation("activity.notOpen");
        }
        if (!now.isAfter(a.plan.endsAt())) {
            throw new RuleViolation("lateEntry.notYet");
        }
        Instant until = deadlines.lateEntryUntil(a);
        if (!now.isBefore(until)) {
            throw new RuleViolation("lateEntry.closed", properties.lateEntryDays(), day(until.minusSeconds(1)));
        }
        List<String> recorded = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String number : numbers) {
            Optional<Enrolment> e = people.studentByNumber(number).map(StudentSummary::id).flatMap(people::enrolment);
            if (e.isEmpty()) {
                unknown.add(number);
            } else if (checkIns.record(a, e.get(), AttendanceMethod.LATE_ENTRY, organiser.accountId(), now, "PENDING", why)
                    || jdbc.sql("""
                            UPDATE attendance SET state = 'PENDING', method = 'LATE_ENTRY', recorded_by = ?, checked_in_at = ?,
                                   checked_out_at = NULL, note = ?, decided_by = NULL, decided_at = NULL, decision_note = NULL
                            WHERE activity_id = ? AND student_id = ? AND state = 'REFUSED'""")
                    .params(organiser.accountId(), Timestamps.of(now), why, a.id, e.get().studentId()).update() == 1) {
                recorded.add(number);
            } else {
                already.add(number);
            }
        }
        if (!recorded.isEmpty()) {
            events.publishEvent(new Notice("activity-late-entry-" + a.id + "-" + now.toEpochMilli(), approvers(),
                    "lateEntry.notice.waiting", List.of(a.plan.title(), String.valueOf(recorded.size())), "/activities/late-entries"));
        }
        return new CheckIns.Entered(recorded, already, unknown);
    }

    /** Student affairs (or an admin) approves a late entry (it counts from then on) or refuses it; the student is told. */
    public void decideLateEntry(Viewer approver, long attendanceId, boolean approve, String note) {
        if (!Activity.approvableBy(approver)) {
            throw new NotFoundException("lateEntry", attendanceId);
        }
        String why = text(note, "note", NOTE_MAX, !approve);
        record Entry(long activityId, long studentId, String state, Long recordedBy, BigDecimal hours) {
        }
        Entry entry = jdbc.sql("""
                        SELECT activity_id, student_id, state, recorded_by, hours FROM attendance WHERE id = ? AND method = 'LATE_ENTRY'""")
                .param(attendanceId)
                .query((rs, n) -> new Entry(rs.getLong("activity_id"), rs.getLong("student_id"), rs.getString("state"),
                        rs.getObject("recorded_by", Long.class), rs.getBigDecimal("hours")))
                .optional().orElseThrow(() -> new NotFoundException("lateEntry", attendanceId));
        Instant now = clock.instant();
        if (!"PENDING".equals(entry.state()) || jdbc.sql("""
                        UPDATE attendance SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?
                        WHERE id = ? AND state = 'PENDING'""")
                .params(approve ? "PRESENT" : "REFUSED", approver.accountId(), Timestamps.of(now), why, attendanceId).update() == 0) {
            throw new RuleViolation("lateEntry.decided");
        }
        if (approve) {
            checkIns.countPresent(entry.activityId(), 1, entry.hours());
        }
        Activity a = activities.visible(approver, entry.activityId());
        Set<Long> told = new java.util.HashSet<>(activities.accountsOf(List.of(entry.studentId())));
        if (entry.recordedBy() != null) {
            told.add(entry.recordedBy());
        }
        events.publishEvent(new Notice("activity-late-entry-decided-" + attendanceId + "-" + now.toEpochMilli(), told,
                approve ? "lateEntry.notice.approved" : "lateEntry.notice.refused",
                List.of(a.plan.title(), why == null ? "" : why), recapLink(a.id)));
    }

    // — appeals (申诉) —

    /**
     * A student who held a seat and was not counted present appeals, with a reason, within the
     * appeal days after the end; the organisers are told.
     */
    public long appeal(Viewer student, long activityId, String reason) {
        Enrolment e = checkIns.studentOf(student);
        Activity a = activities.visible(student, activityId);
        String why = text(reason, "reason", NOTE_MAX, true);
        Instant now = clock.instant();
        if (a.state != ActivityState.PUBLISHED || !now.isAfter(a.plan.endsAt())) {
            throw new RuleViolation("attendanceAppeal.notYet");
        }
        Instant until = deadlines.appealUntil(a);
        if (now.isAfter(until)) {
            throw new RuleViolation("attendanceAppeal.closed", properties.appealDays(), day(until));
        }
        if (!noShow(a.id, e.studentId())) {
            throw new RuleViolation("attendanceAppeal.notANoShow");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO attendance_appeal (activity_id, student_id, reason, state, filed_at) VALUES (?, ?, ?, 'FILED', ?)")
                    .params(a.id, e.studentId(), why, Timestamps.of(now)).update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            throw new RuleViolation("attendanceAppeal.already");
        }
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(new Notice("activity-appeal-" + id, activities.organisers(a), "attendanceAppeal.notice.filed",
                List.of(a.plan.title(), e.name()), "/activities/" + a.id + "/attendance"));
        return id;
    }

    /**
     * The organiser restores the appeal (the student is counted present, method APPEAL) or
     * refuses it with an answer; the student is told either way.
     */
    public void decideAppeal(Viewer organiser, long activityId, long appealId, boolean restore, String answer) {
        Activity a = checkIns.organised(organiser, activityId);
        String said = text(answer, "answer", NOTE_MAX, !restore);
        record Filed(long studentId, String state) {
        }
        Filed filed = jdbc.sql("SELECT student_id, state FROM attendance_appeal WHERE id = ? AND activity_id = ?")
                .params(appealId, a.id)
                .query((rs, n) -> new Filed(rs.getLong("student_id"), rs.getString("state")))
                .optional().orElseThrow(() -> new NotFoundException("appeal", appealId));
        Instant now = clock.instant();
        if (!"FILED".equals(filed.state()) || jdbc.sql("""
                        UPDATE attendance_appeal SET state = ?, decided_by = ?, decided_at = ?, answer = ?
                        WHERE id = ? AND state = 'FILED'""")
                .params(restore ? "RESTORED" : "REFUSED", organiser.accountId(), Timestamps.of(now), said, appealId).update() == 0) {
            throw new RuleViolation("attendanceAppeal.decided");
        }
        if (restore) {
            Enrolment e = people.enrolment(filed.studentId()).orElseThrow(() -> new NotFoundException("student", filed.studentId()));
            if (!checkIns.record(a, e, AttendanceMethod.APPEAL, organiser.accountId(), now, "PRESENT", said)
                    && jdbc.sql("""
                                UPDATE attendance SET state = 'PRESENT', method = 'APPEAL', recorded_by = ?, checked_in_at = ?,
                                       note = ?, decided_by = ?, decided_at = ?, decision_note = NULL
                                WHERE activity_id = ? AND student_id = ? AND state <> 'PRESENT'""")
                        .params(organiser.accountId(), Timestamps.of(now), said, organiser.accountId(), Timestamps.of(now),
                                a.id, e.studentId())
                        .update() == 1) {
                checkIns.countPresent(a.id, 1, checkIns.attendanceOf(a.id, e.studentId()).orElseThrow().hours());
            }
        }
        events.publishEvent(new Notice("activity-appeal-decided-" + appealId, activities.accountsOf(List.of(filed.studentId())),
                restore ? "attendanceAppeal.notice.restored" : "attendanceAppeal.notice.refused", List.of(a.plan.title(), said == null ? "" : said),
                recapLink(a.id)));
    }

    // — summary and photos —

    /** Once the activity has started, the organiser writes (or rewrites) its summary. */
    public void summarise(Viewer organiser, long activityId, String summary) {
        Activity a = checkIns.organised(organiser, activityId);
        String text = text(summary, "summary", Activity.TEXT_MAX, true);
        requireStarted(a);
        jdbc.sql("UPDATE activity SET summary = ? WHERE id = ?").params(text, a.id).update();
    }

    /** Photos of the activity (images only, at most {@code maxPhotos} in all, each at most {@code maxPhotoBytes}). */
    public List<Long> addPhotos(Viewer organiser, long activityId, List<Photo> photos) {
        Activity a = checkIns.organised(organiser, activityId);
        if (photos.isEmpty()) {
            throw new InvalidInput("photos", "activityRecap.photoRequired");
        }
        Photo.check(photos, properties.maxPhotos(), properties.maxPhotoBytes());
        requireStarted(a);
        // Two uploads at once must not pass the limit together: the activity row is the lock.
        jdbc.sql("UPDATE activity SET summary = summary WHERE id = ?").param(a.id).update();
        int held = jdbc.sql("SELECT count(*) FROM activity_photo WHERE activity_id = ?").param(a.id).query(Integer.class).single();
        if (held + photos.size() > properties.maxPhotos()) {
            throw new InvalidInput("photos", "photo.tooMany", properties.maxPhotos());
        }
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (Photo photo : photos) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO activity_photo (activity_id, content_type, data, added_by, added_at) VALUES (?, ?, ?, ?, ?)")
                    .params(a.id, photo.contentType(), photo.data(), organiser.accountId(), Timestamps.of(now)).update(keys, "id");
            ids.add(keys.getKeyAs(Number.class).longValue());
        }
        return ids;
    }

    public void removePhoto(Viewer organiser, long activityId, long photoId) {
        Activity a = checkIns.organised(organiser, activityId);
        if (jdbc.sql("DELETE FROM activity_photo WHERE id = ? AND activity_id = ?").params(photoId, a.id).update() == 0) {
            throw new NotFoundException("photo", photoId);
        }
    }

    // — ratings —

    /** Once it has started, a participant (counted present) rates the activity 1–5 with an optional comment; rating again replaces it. */
    public void rate(Viewer student, long activityId, Integer rating, String comment) {
        Enrolment e = checkIns.studentOf(student);
        Activity a = activities.visible(student, activityId);
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (rating == null || rating < 1 || rating > 5) {
            problems.add(new InvalidInput.Problem("rating", "activityRating.range"));
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_MAX) {
            problems.add(new InvalidInput.Problem("comment", "activity.tooLong", COMMENT_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (clock.instant().isBefore(a.plan.startsAt())) {
            throw new RuleViolation("activityRecap.notStarted");
        }
        if (jdbc.sql("""
                        UPDATE attendance SET rating = ?, rating_comment = ?, rated_at = ?
                        WHERE activity_id = ? AND student_id = ? AND state = 'PRESENT'""")
                .params(rating, text, Timestamps.of(clock.instant()), a.id, e.studentId()).update() == 0) {
            throw new RuleViolation("activityRating.participantsOnly");
        }
    }

    // — for the queries —

    /** Held a seat (not on leave) and is neither counted present nor waiting for a late entry's approval. */
    boolean noShow(long activityId, long studentId) {
        return registrations.of(activityId, studentId).filter(h -> h.state() == RegistrationState.REGISTERED).isPresent()
                && checkIns.attendanceOf(activityId, studentId).filter(t -> !"REFUSED".equals(t.state())).isEmpty();
    }

    static String recapLink(long activityId) {
        return "/activities/" + activityId + "/recap";
    }

    // — checks —

    private void requireStarted(Activity a) {
        if (a.state != ActivityState.PUBLISHED || clock.instant().isBefore(a.plan.startsAt())) {
            throw new RuleViolation("activityRecap.notStarted");
        }
    }

    private Set<Long> approvers() {
        return accounts.holding(Role.STUDENT_AFFAIRS, null);
    }

    private String day(Instant at) {
        return DAY.format(at.atZone(properties.zone()));
    }

    private static String text(String value, String field, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw new InvalidInput(field, "activity.required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInput(field, "activity.tooLong", max);
        }
        return v;
    }

}
