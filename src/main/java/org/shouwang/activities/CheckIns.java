package org.shouwang.activities;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.shouwang.people.Enrolment;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who was at an activity. One attendance per student and activity: checking in twice counts once.
 * Attendance can be recorded from shortly before the start until the end.
 */
@Service
@Transactional
public class CheckIns {

    /** What a batch of student numbers entered by hand came to. */
    public record Entered(List<String> recorded, List<String> already, List<String> unknown) {
    }

    private final Activities activities;
    private final ActivitiesProperties properties;
    private final People people;
    private final JdbcClient jdbc;
    private final Clock clock;

    CheckIns(Activities activities, ActivitiesProperties properties, @Lazy People people, JdbcClient jdbc, Clock clock) {
        this.activities = activities;
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
        List<String> numbers = studentNumbers == null ? List.of()
                : List.of(studentNumbers.strip().split("[\\s,，;；]+")).stream().filter(s -> !s.isBlank()).distinct().toList();
        if (numbers.isEmpty()) {
            throw new InvalidInput("studentNumbers", "activity.required");
        }
        if (numbers.size() > 500) {
            throw new InvalidInput("studentNumbers", "activity.tooManyNumbers", 500);
        }
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
        return jdbc.sql("""
                        INSERT INTO attendance (activity_id, student_id, class_id, college_id, state, method, recorded_by,
                                                checked_in_at, hours, credits, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(a.id, e.studentId(), e.classId(), e.collegeId(), state, method.name(), recordedBy, Timestamps.of(at),
                        a.plan.hoursByDuration() ? java.math.BigDecimal.ZERO : a.plan.hours(), a.plan.credits(), note)
                .update() == 1;
    }
}
