package org.shouwang.activities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.people.Enrolment;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who was at an activity. One attendance per student and activity: checking in twice counts once.
 * Attendance can be recorded from shortly before the start until the end, three ways: the student
 * scans the rotating code the organiser shows (registered students only: walk-ins are recorded by
 * staff at the door), staff scan the student's personal code, or staff enter student numbers by
 * hand. Where an activity gives hours by duration, a check-out (the student scans the check-out
 * code, or staff record it) sets the hours; without one they stay 0.
 */
@Service
@Transactional
public class CheckIns {

    /** Check-out stays open this long after the end, for those who leave last. */
    static final Duration CHECK_OUT_AFTER_END = Duration.ofHours(1);

    private static final BigDecimal HALF_HOURS = new BigDecimal("2");

    /** What a batch of student numbers entered by hand came to. */
    public record Entered(List<String> recorded, List<String> already, List<String> unknown) {
    }

    private final Activities activities;
    private final ActivityStore store;
    private final Registrations registrations;
    private final CheckInTokens tokens;
    private final PersonalCodes codes;
    private final ActivitiesProperties properties;
    private final People people;
    private final JdbcClient jdbc;
    private final Clock clock;

    CheckIns(Activities activities, ActivityStore store, Registrations registrations, CheckInTokens tokens, PersonalCodes codes,
             ActivitiesProperties properties, @Lazy People people, JdbcClient jdbc, Clock clock) {
        this.activities = activities;
        this.store = store;
        this.registrations = registrations;
        this.tokens = tokens;
        this.codes = codes;
        this.properties = properties;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The organiser enters student numbers by hand (one per line, or separated by spaces or commas). */
    public Entered manual(Viewer organiser, long activityId, String studentNumbers) {
        Activity a = activities.managed(organiser, activityId, null);
        Instant now = clock.instant();
        requireCheckInTime(a, now);
        List<String> numbers = numbers("studentNumbers", studentNumbers);
        List<String> recorded = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String number : numbers) {
            Optional<Enrolment> e = people.studentByNumber(number).map(StudentSummary::id).flatMap(people::enrolment);
            if (e.isEmpty()) {
                unknown.add(number);
            } else if (record(a, e.get(), AttendanceMethod.MANUAL, organiser.accountId(), now, "PRESENT", null)) {
                recorded.add(number);
            } else {
                already.add(number);
            }
        }
        return new Entered(recorded, already, unknown);
    }

    // — the organiser's rotating code —

    /**
     * The code to show now (none while check-in, or check-out, is closed) with the live counts.
     * Check-out codes only for activities whose hours go by duration.
     */
    @Transactional(readOnly = true)
    public AttendanceViews.CheckInCode code(Viewer organiser, long activityId, CodePurpose purpose) {
        Activity a = organised(organiser, activityId);
        if (purpose == CodePurpose.CHECK_OUT && !a.plan.hoursByDuration()) {
            throw new RuleViolation("checkOut.notOffered");
        }
        Instant now = clock.instant();
        Instant opens = a.plan.startsAt().minus(properties.checkInOpensBefore());
        Instant closes = purpose == CodePurpose.CHECK_IN ? a.plan.endsAt() : a.plan.endsAt().plus(CHECK_OUT_AFTER_END);
        boolean open = a.open() && !now.isBefore(opens) && !now.isAfter(closes);
        String path = "/activities/" + a.id + (purpose == CodePurpose.CHECK_IN ? "/check-in" : "/check-out");
        String token = open ? tokens.issue(a, purpose, now) : null;
        return new AttendanceViews.CheckInCode(a.id, a.plan.title(), purpose, open, token, token == null ? null : path + "?t=" + token,
                open ? tokens.validUntil(now) : null, tokens.periodSeconds(), opens, closes, a.open() && now.isBefore(opens), counts(a.id),
                a.plan.hoursByDuration());
    }

    @Transactional(readOnly = true)
    public AttendanceViews.CheckInCounts counts(Viewer organiser, long activityId) {
        return counts(organised(organiser, activityId).id);
    }

    // — the student who scanned the code —

    /**
     * A student opened the page of a scanned code: refused with the reason (closed, expired,
     * forged, another activity's, not registered), or the activity and a pass for the button;
     * {@code doneAt} when they had already checked in (out) then.
     */
    @Transactional(readOnly = true)
    public AttendanceViews.ScannedCode scanned(Viewer student, long activityId, CodePurpose purpose, String token) {
        Enrolment e = studentOf(student);
        Activity a = activities.visible(student, activityId);
        Instant now = clock.instant();
        requireTime(a, purpose, now);
        tokens.verify(a, purpose, token, now);
        Instant done;
        if (purpose == CodePurpose.CHECK_IN) {
            requireRegistered(a, e.studentId());
            done = attendanceOf(a.id, e.studentId()).filter(t -> "PRESENT".equals(t.state())).map(Attendance::checkedInAt).orElse(null);
        } else {
            Attendance t = attendanceOf(a.id, e.studentId()).filter(x -> "PRESENT".equals(x.state()))
                    .orElseThrow(() -> new RuleViolation("checkOut.notCheckedIn"));
            done = t.checkedOutAt();
        }
        return new AttendanceViews.ScannedCode(a.id, a.plan.title(), a.plan.venue(), a.plan.startsAt(), a.plan.endsAt(), purpose,
                done == null ? tokens.pass(a, purpose, e.studentId(), now) : null, done);
    }

    /**
     * The student checks in with the code they scanned (or the pass its page gave them):
     * registered students only, while check-in is open. Twice counts once.
     */
    public AttendanceViews.CheckedIn checkIn(Viewer student, long activityId, String token) {
        Enrolment e = studentOf(student);
        Activity a = activities.visible(student, activityId);
        Instant now = clock.instant();
        requireCheckInTime(a, now);
        verify(a, CodePurpose.CHECK_IN, e.studentId(), token, now);
        requireRegistered(a, e.studentId());
        if (record(a, e, AttendanceMethod.QR, null, now, "PRESENT", null)) {
            return new AttendanceViews.CheckedIn(true, now);
        }
        Attendance t = attendanceOf(a.id, e.studentId()).orElseThrow();
        return new AttendanceViews.CheckedIn(false, t.checkedInAt());
    }

    /** The student checks out with the check-out code: the hours become the time between check-in and check-out. */
    public AttendanceViews.CheckedOut checkOut(Viewer student, long activityId, String token) {
        Enrolment e = studentOf(student);
        Activity a = activities.visible(student, activityId);
        Instant now = clock.instant();
        requireTime(a, CodePurpose.CHECK_OUT, now);
        verify(a, CodePurpose.CHECK_OUT, e.studentId(), token, now);
        return checkOut(a, e.studentId(), now);
    }

    // — staff at the door —

    /**
     * Staff record a student at the door: a scanned personal code (recorded as PERSONAL_CODE) or a
     * student number typed in (MANUAL). Students who did not register are recorded too (the staff
     * let them in) and flagged as walk-ins.
     */
    public AttendanceViews.ScanResult scan(Viewer staff, long activityId, CodePurpose purpose, String input) {
        Activity a = organised(staff, activityId);
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new InvalidInput("code", "checkIn.codeRequired");
        }
        if (text.length() > 200) {
            throw new InvalidInput("code", "activity.tooLong", 200);
        }
        Instant now = clock.instant();
        requireTime(a, purpose, now);
        long studentId;
        AttendanceMethod method;
        if (PersonalCodes.looksLikeCode(text)) {
            studentId = codes.studentOf(text, now);
            method = AttendanceMethod.PERSONAL_CODE;
        } else if (text.contains("/check-in?t=") || text.contains("/check-out?t=")) {
            throw new InvalidInput("code", "checkIn.activityCodeScanned");
        } else {
            studentId = people.studentByNumber(text).map(StudentSummary::id)
                    .orElseThrow(() -> new InvalidInput("code", "checkIn.unknownStudent", text));
            method = AttendanceMethod.MANUAL;
        }
        Enrolment e = people.enrolment(studentId).orElseThrow(() -> new InvalidInput("code", "checkIn.unknownStudent", text));
        String className = people.student(studentId).map(StudentSummary::className).orElse("");
        boolean registered = registrations.of(a.id, studentId).filter(h -> h.state() == RegistrationState.REGISTERED).isPresent();
        if (purpose == CodePurpose.CHECK_IN) {
            boolean recorded = record(a, e, method, staff.accountId(), now, "PRESENT", null);
            Attendance t = attendanceOf(a.id, studentId).orElseThrow();
            if (!"PRESENT".equals(t.state())) {
                throw new RuleViolation("checkIn.lateEntryWaiting");
            }
            return new AttendanceViews.ScanResult(studentId, e.studentNumber(), e.name(), className, purpose,
                    recorded ? method : t.method(), recorded, registered, t.checkedInAt(), t.hours());
        }
        AttendanceViews.CheckedOut out = checkOut(a, studentId, now);
        return new AttendanceViews.ScanResult(studentId, e.studentNumber(), e.name(), className, purpose, method, out.recorded(),
                registered, out.checkedOutAt(), out.hours());
    }

    // — for the other parts of the module —

    /** The activity, if the viewer organises it; anyone else is answered as if there were none. */
    Activity organised(Viewer viewer, long id) {
        return store.find(id).filter(a -> a.visibleTo(viewer) && a.managedBy(viewer))
                .orElseThrow(() -> new NotFoundException("activity", id));
    }

    static Enrolment studentOf(People people, Viewer viewer) {
        if (viewer.studentId() == null) {
            throw new RuleViolation("checkIn.studentsOnly");
        }
        return people.enrolment(viewer.studentId()).orElseThrow(() -> new NotFoundException("student", viewer.studentId()));
    }

    Enrolment studentOf(Viewer viewer) {
        return studentOf(people, viewer);
    }

    /** Student numbers typed or pasted: one per line, or separated by spaces, commas or semicolons. */
    static List<String> numbers(String field, String text) {
        List<String> numbers = text == null ? List.of()
                : List.of(text.strip().split("[\\s,，;；]+")).stream().filter(s -> !s.isBlank()).distinct().toList();
        if (numbers.isEmpty()) {
            throw new InvalidInput(field, "activity.required");
        }
        if (numbers.size() > 500) {
            throw new InvalidInput(field, "activity.tooManyNumbers", 500);
        }
        return numbers;
    }

    /** Staff at the door (or the student themself) may record attendance from shortly before the start to the end. */
    void requireCheckInTime(Activity a, Instant now) {
        if (a.state != ActivityState.PUBLISHED) {
            throw new RuleViolation("activity.notOpen");
        }
        if (now.isBefore(a.plan.startsAt().minus(properties.checkInOpensBefore())) || now.isAfter(a.plan.endsAt())) {
            throw new RuleViolation("activity.checkInClosed");
        }
    }

    /**
     * Records one attendance with the activity's hours and credits (hours by duration are set at
     * check-out); false when the student was already recorded.
     */
    boolean record(Activity a, Enrolment e, AttendanceMethod method, Long recordedBy, Instant at, String state, String note) {
        BigDecimal hours = a.plan.hoursByDuration() ? BigDecimal.ZERO : a.plan.hours();
        boolean recorded = jdbc.sql("""
                        INSERT INTO attendance (activity_id, student_id, class_id, college_id, state, method, recorded_by,
                                                checked_in_at, hours, credits, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(a.id, e.studentId(), e.classId(), e.collegeId(), state, method.name(), recordedBy, Timestamps.of(at),
                        hours, a.plan.credits(), note)
                .update() == 1;
        if (recorded && "PRESENT".equals(state)) {
            countPresent(a.id, 1, hours);
        }
        return recorded;
    }

    /**
     * Adds to the activity's count of present attendances and their hours: every write that makes an
     * attendance PRESENT, or changes a present one's hours, calls this in its transaction (the row
     * lock on the activity orders concurrent writers, so no addition is lost).
     */
    void countPresent(long activityId, int attendances, BigDecimal hours) {
        jdbc.sql("UPDATE activity SET present = present + ?, present_hours = present_hours + ? WHERE id = ?")
                .params(attendances, hours, activityId).update();
    }

    record Attendance(long id, String state, AttendanceMethod method, Instant checkedInAt, Instant checkedOutAt, BigDecimal hours) {
    }

    Optional<Attendance> attendanceOf(long activityId, long studentId) {
        return jdbc.sql("""
                        SELECT id, state, method, checked_in_at, checked_out_at, hours FROM attendance
                        WHERE activity_id = ? AND student_id = ?""")
                .params(activityId, studentId)
                .query((rs, n) -> new Attendance(rs.getLong("id"), rs.getString("state"), AttendanceMethod.valueOf(rs.getString("method")),
                        Timestamps.read(rs, "checked_in_at"), Timestamps.read(rs, "checked_out_at"), rs.getBigDecimal("hours")))
                .optional();
    }

    /**
     * Hours by duration: the time between check-in and check-out, at most the activity's length,
     * rounded down to half hours, and at most the activity's hours when it names any.
     */
    static BigDecimal hoursBetween(Activity a, Instant in, Instant out) {
        Duration stayed = Duration.between(in, out);
        Duration length = Duration.between(a.plan.startsAt(), a.plan.endsAt());
        if (stayed.isNegative()) {
            stayed = Duration.ZERO;
        }
        if (stayed.compareTo(length) > 0) {
            stayed = length;
        }
        BigDecimal hours = BigDecimal.valueOf(stayed.toMinutes() / 30).divide(HALF_HOURS, 1, RoundingMode.DOWN);
        if (a.plan.hours().signum() > 0 && hours.compareTo(a.plan.hours()) > 0) {
            hours = a.plan.hours();
        }
        return hours.setScale(1, RoundingMode.DOWN);
    }

    // — checks —

    private AttendanceViews.CheckedOut checkOut(Activity a, long studentId, Instant now) {
        Attendance t = attendanceOf(a.id, studentId).filter(x -> "PRESENT".equals(x.state()))
                .orElseThrow(() -> new RuleViolation("checkOut.notCheckedIn"));
        if (t.checkedOutAt() != null) {
            return new AttendanceViews.CheckedOut(false, t.checkedInAt(), t.checkedOutAt(), t.hours());
        }
        BigDecimal hours = hoursBetween(a, t.checkedInAt(), now);
        if (jdbc.sql("UPDATE attendance SET checked_out_at = ?, hours = ? WHERE id = ? AND checked_out_at IS NULL")
                .params(Timestamps.of(now), hours, t.id()).update() == 0) {
            Attendance before = attendanceOf(a.id, studentId).orElseThrow();
            return new AttendanceViews.CheckedOut(false, before.checkedInAt(), before.checkedOutAt(), before.hours());
        }
        countPresent(a.id, 0, hours.subtract(t.hours()));
        return new AttendanceViews.CheckedOut(true, t.checkedInAt(), now, hours);
    }

    private void requireTime(Activity a, CodePurpose purpose, Instant now) {
        if (purpose == CodePurpose.CHECK_IN) {
            requireCheckInTime(a, now);
            return;
        }
        if (!a.plan.hoursByDuration()) {
            throw new RuleViolation("checkOut.notOffered");
        }
        if (a.state != ActivityState.PUBLISHED) {
            throw new RuleViolation("activity.notOpen");
        }
        if (now.isBefore(a.plan.startsAt().minus(properties.checkInOpensBefore())) || now.isAfter(a.plan.endsAt().plus(CHECK_OUT_AFTER_END))) {
            throw new RuleViolation("checkOut.closed");
        }
    }

    private void verify(Activity a, CodePurpose purpose, long studentId, String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw new InvalidInput("token", "checkIn.codeRequired");
        }
        if (tokens.isPass(token)) {
            tokens.verifyPass(a, purpose, studentId, token, now);
        } else {
            tokens.verify(a, purpose, token, now);
        }
    }

    /** Checking in by scanning is for students with a seat; everyone else is let in (or not) by staff at the door. */
    private void requireRegistered(Activity a, long studentId) {
        if (registrations.of(a.id, studentId).filter(h -> h.state() == RegistrationState.REGISTERED).isEmpty()) {
            throw new RuleViolation("checkIn.notRegistered");
        }
    }

    private AttendanceViews.CheckInCounts counts(long activityId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM registration WHERE activity_id = :a AND state = 'REGISTERED') AS registered,
                               (SELECT count(*) FROM attendance WHERE activity_id = :a AND state = 'PRESENT') AS present,
                               (SELECT count(*) FROM attendance WHERE activity_id = :a AND state = 'PRESENT'
                                                                   AND checked_out_at IS NOT NULL) AS checked_out""")
                .param("a", activityId)
                .query((rs, n) -> new AttendanceViews.CheckInCounts(rs.getInt("registered"), rs.getInt("present"), rs.getInt("checked_out")))
                .single();
    }
}
