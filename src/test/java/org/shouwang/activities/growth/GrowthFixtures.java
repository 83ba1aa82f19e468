package org.shouwang.activities.growth;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shouwang.DemoUsers;
import org.shouwang.TestClock;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.Audience;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Attended activities for growth records and counts, walked through the real moves: drafted by the
 * demo counsellor, approved by student affairs, registered for by the students, and their
 * attendance entered by hand during the activity (the clock is set to the activity's time and
 * reset afterwards). Students come fresh: with an account and no registration or attendance yet.
 */
@Component
public class GrowthFixtures {

    public static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");

    /** A student with an account: signed in as the viewer, known by number and class. */
    public record Student(Viewer viewer, long id, String number, String name, long classId, long collegeId) {
    }

    private final Activities activities;
    private final CheckIns checkIns;
    private final DemoUsers users;
    private final TestClock clock;
    private final JdbcTemplate jdbc;

    GrowthFixtures(Activities activities, CheckIns checkIns, DemoUsers users, TestClock clock, JdbcTemplate jdbc) {
        this.activities = activities;
        this.checkIns = checkIns;
        this.users = users;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** An activity to hold at a campus time; set what matters, then {@link Plan#attendedBy}. */
    public Plan activity(String title, LocalDateTime startsAt) {
        return new Plan(title, startsAt);
    }

    /**
     * Students who have never registered for or attended anything, whose accounts no other test has
     * touched (the demo password, enabled, not locked); optionally of one class, or outside it.
     */
    /**
     * Makes a student's present attendance a late entry still waiting for approval (补录), as if it had been entered
     * late, and takes it off the activity's counters as the approval flow would have kept it off.
     */
    public void pendingLateEntry(long activityId, long studentId) {
        jdbc.update("""
                UPDATE activity SET present = present - 1,
                       present_hours = present_hours - (SELECT hours FROM attendance WHERE activity_id = ? AND student_id = ?)
                WHERE id = ?""", activityId, studentId, activityId);
        jdbc.update("UPDATE attendance SET state = 'PENDING', method = 'LATE_ENTRY' WHERE activity_id = ? AND student_id = ? AND state = 'PRESENT'",
                activityId, studentId);
    }

    public List<Student> freshStudents(int count, Long inClass, Long notInClass) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT a.id AS account_id, a.username, a.display_name, s.id, s.student_number, s.name, s.class_id, m.college_id
                FROM account a JOIN student s ON s.id = a.student_id JOIN class_group c ON c.id = s.class_id
                JOIN major m ON m.id = c.major_id
                WHERE a.username = s.student_number AND a.enabled AND NOT a.must_change_password AND a.locked_until IS NULL
                  AND a.failed_logins = 0
                  AND a.password_hash = (SELECT password_hash FROM account WHERE student_id IS NOT NULL
                                         GROUP BY password_hash ORDER BY count(*) DESC LIMIT 1)
                  AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.student_id = s.id)
                  AND NOT EXISTS (SELECT 1 FROM registration r WHERE r.student_id = s.id)
                  AND NOT EXISTS (SELECT 1 FROM transcript tr WHERE tr.student_id = s.id)""");
        if (inClass != null) {
            sql.append(" AND s.class_id = ?");
            args.add(inClass);
        }
        if (notInClass != null) {
            sql.append(" AND s.class_id <> ?");
            args.add(notInClass);
        }
        sql.append(" ORDER BY s.id DESC LIMIT ?");
        args.add(count);
        List<Student> students = jdbc.query(sql.toString(), (rs, n) -> new Student(
                new Viewer(rs.getLong("account_id"), rs.getString("username"), rs.getString("display_name"), Set.of(Role.STUDENT),
                        rs.getLong("id"), null, null),
                rs.getLong("id"), rs.getString("student_number"), rs.getString("name"), rs.getLong("class_id"),
                rs.getLong("college_id")), args.toArray());
        if (students.size() < count) {
            throw new IllegalStateException("not enough fresh students");
        }
        return students;
    }

    public final class Plan {

        private final String title;
        private final LocalDateTime startsAt;
        private ActivityType type = ActivityType.LECTURE;
        private String series;
        private String brand;
        private Set<FiveEducation> educations = EnumSet.of(FiveEducation.INTELLECTUAL);
        private String organiser = "学生工作部";
        private Long buildingId;
        private BigDecimal hours = new BigDecimal("2.0");
        private BigDecimal credits = new BigDecimal("0.5");

        private Plan(String title, LocalDateTime startsAt) {
            this.title = title;
            this.startsAt = startsAt;
        }

        public Plan type(ActivityType type) {
            this.type = type;
            return this;
        }

        public Plan series(String series) {
            this.series = series;
            return this;
        }

        public Plan brand(String brand) {
            this.brand = brand;
            return this;
        }

        public Plan educations(FiveEducation first, FiveEducation... more) {
            this.educations = EnumSet.of(first, more);
            return this;
        }

        public Plan organiser(String organiser) {
            this.organiser = organiser;
            return this;
        }

        public Plan building(Long buildingId) {
            this.buildingId = buildingId;
            return this;
        }

        public Plan hours(String hours, String credits) {
            this.hours = new BigDecimal(hours);
            this.credits = new BigDecimal(credits);
            return this;
        }

        /** Published, registered for by the students, and their attendance entered at the activity. */
        public long attendedBy(List<Student> students) {
            Instant start = startsAt.atZone(CAMPUS).toInstant();
            Viewer organiserViewer = users.viewer("counsellor");
            try {
                Instant planned = start.minus(Duration.ofDays(3));
                clock.fix(planned);
                ActivityDraft draft = new ActivityDraft(title, "成长记录测试：" + title, type, series, brand, educations,
                        OrganiserKind.DEPARTMENT, organiser, null, buildingId, "学生社区报告厅", start, start.plus(Duration.ofHours(2)),
                        Audience.EVERYONE, null, null, null, 500, 0, planned.minus(Duration.ofHours(1)),
                        start.minus(Duration.ofHours(1)), null, hours, credits, false);
                long id = activities.create(organiserViewer, draft);
                activities.submit(organiserViewer, id, null);
                activities.approve(users.viewer("affairs"), id, null);
                for (Student s : students) {
                    activities.register(s.viewer(), id);
                }
                if (!students.isEmpty()) {
                    clock.fix(start.plus(Duration.ofMinutes(30)));
                    checkIns.manual(organiserViewer, id, String.join("\n", students.stream().map(Student::number).toList()));
                }
                return id;
            } finally {
                clock.reset();
            }
        }

        /** Published and never held (nobody attended). */
        public long published() {
            return attendedBy(List.of());
        }

        /** Drafted and submitted, never approved: not a published activity. */
        public long submittedOnly() {
            Instant start = startsAt.atZone(CAMPUS).toInstant();
            Viewer organiserViewer = users.viewer("counsellor");
            try {
                Instant planned = start.minus(Duration.ofDays(3));
                clock.fix(planned);
                ActivityDraft draft = new ActivityDraft(title, "成长记录测试：" + title, type, series, brand, educations,
                        OrganiserKind.DEPARTMENT, organiser, null, buildingId, "学生社区报告厅", start, start.plus(Duration.ofHours(2)),
                        Audience.EVERYONE, null, null, null, 500, 0, planned.minus(Duration.ofHours(1)),
                        start.minus(Duration.ofHours(1)), null, hours, credits, false);
                long id = activities.create(organiserViewer, draft);
                activities.submit(organiserViewer, id, null);
                return id;
            } finally {
                clock.reset();
            }
        }
    }
}
