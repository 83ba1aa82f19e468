package org.shouwang.activities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.activities.AttendanceViews.AppealState;
import org.shouwang.activities.AttendanceViews.AttendanceState;
import org.shouwang.identity.Accounts;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Photo;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading attendance: the organiser's sheet (present, late entries, no-shows, appeals, ratings),
 * the approvers' queue of late entries, a student's own attendance, and what anyone who may see
 * an activity sees after it (summary and photos).
 */
@Service
@Transactional(readOnly = true)
public class AttendanceQueries {

    private static final int QUEUE_MAX = 500;

    private final CheckIns checkIns;
    private final Activities activities;
    private final Attendances attendances;
    private final AttendanceDeadlines deadlines;
    private final ActivitiesProperties properties;
    private final People people;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    AttendanceQueries(CheckIns checkIns, Activities activities, Attendances attendances, AttendanceDeadlines deadlines,
                      ActivitiesProperties properties, @Lazy People people, @Lazy Accounts accounts, JdbcClient jdbc, Clock clock) {
        this.checkIns = checkIns;
        this.activities = activities;
        this.attendances = attendances;
        this.deadlines = deadlines;
        this.properties = properties;
        this.people = people;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The organiser's attendance sheet. Before the end, the no-shows are those not checked in yet. */
    public AttendanceViews.AttendanceSheet sheet(Viewer organiser, long activityId) {
        Activity a = checkIns.organised(organiser, activityId);
        Instant now = clock.instant();
        record Raw(long id, long studentId, AttendanceState state, AttendanceMethod method, Instant in, Instant out,
                   BigDecimal hours, BigDecimal credits, String note, String decisionNote) {
        }
        List<Raw> raw = jdbc.sql("""
                        SELECT id, student_id, state, method, checked_in_at, checked_out_at, hours, credits, note, decision_note
                        FROM attendance WHERE activity_id = ? ORDER BY checked_in_at, id""")
                .param(a.id)
                .query((rs, n) -> new Raw(rs.getLong("id"), rs.getLong("student_id"), AttendanceState.valueOf(rs.getString("state")),
                        AttendanceMethod.valueOf(rs.getString("method")), Timestamps.read(rs, "checked_in_at"),
                        Timestamps.read(rs, "checked_out_at"), rs.getBigDecimal("hours"), rs.getBigDecimal("credits"),
                        rs.getString("note"), rs.getString("decision_note")))
                .list();
        Set<Long> registered = new HashSet<>(jdbc.sql("SELECT student_id FROM registration WHERE activity_id = ? AND state = 'REGISTERED'")
                .param(a.id).query(Long.class).list());
        Set<Long> accounted = new HashSet<>();
        raw.stream().filter(r -> r.state() != AttendanceState.REFUSED).forEach(r -> accounted.add(r.studentId()));
        List<Long> absent = registered.stream().filter(s -> !accounted.contains(s)).sorted().toList();
        List<AppealRow> appeals = appealRows(a.id, null);
        Set<Long> everyone = new HashSet<>(absent);
        raw.forEach(r -> everyone.add(r.studentId()));
        appeals.forEach(r -> everyone.add(r.studentId()));
        Map<Long, StudentSummary> students = people.summaries(everyone);
        List<AttendanceViews.Attendee> present = new ArrayList<>();
        List<AttendanceViews.Attendee> pending = new ArrayList<>();
        List<AttendanceViews.Attendee> refused = new ArrayList<>();
        for (Raw r : raw) {
            StudentSummary s = students.get(r.studentId());
            AttendanceViews.Attendee row = new AttendanceViews.Attendee(r.id(), r.studentId(), number(s), name(s), className(s),
                    r.state(), r.method(), r.in(), r.out(), r.hours(), r.credits(), r.note(), r.decisionNote(),
                    registered.contains(r.studentId()));
            (r.state() == AttendanceState.PRESENT ? present : r.state() == AttendanceState.PENDING ? pending : refused).add(row);
        }
        List<AttendanceViews.NoShow> noShows = absent.stream().map(students::get).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(StudentSummary::studentNumber))
                .map(s -> new AttendanceViews.NoShow(s.id(), s.studentNumber(), s.name(), s.className())).toList();
        Instant until = deadlines.lateEntryUntil(a);
        return new AttendanceViews.AttendanceSheet(a.id, a.plan.title(), a.plan.startsAt(), a.plan.endsAt(), a.plan.hoursByDuration(),
                !now.isBefore(a.plan.startsAt()), now.isAfter(a.plan.endsAt()), checkIns.counts(organiser, a.id), present, pending,
                refused, noShows, appeals.stream().map(r -> r.view(students.get(r.studentId()))).toList(), a.plan.endsAt(), until,
                a.open() && now.isAfter(a.plan.endsAt()) && now.isBefore(until), ratings(a.id), summaryOf(a.id), photoIds(a.id),
                properties.maxPhotos());
    }

    /** Late entries waiting for a decision, oldest first, for student affairs and admins. */
    public List<AttendanceViews.LateEntry> lateEntries(Viewer approver) {
        if (!Activity.approvableBy(approver)) {
            throw new NotFoundException("page", "late-entries");
        }
        record Raw(long id, long activityId, String title, Instant endsAt, long studentId, String note, Instant at, Long by) {
        }
        List<Raw> raw = jdbc.sql("""
                        SELECT t.id, t.activity_id, a.title, a.ends_at, t.student_id, t.note, t.checked_in_at, t.recorded_by
                        FROM attendance t JOIN activity a ON a.id = t.activity_id
                        WHERE t.state = 'PENDING' ORDER BY t.checked_in_at, t.id LIMIT ?""")
                .param(QUEUE_MAX)
                .query((rs, n) -> new Raw(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("title"),
                        Timestamps.read(rs, "ends_at"), rs.getLong("student_id"), rs.getString("note"),
                        Timestamps.read(rs, "checked_in_at"), rs.getObject("recorded_by", Long.class)))
                .list();
        Map<Long, StudentSummary> students = people.summaries(raw.stream().map(Raw::studentId).toList());
        Map<Long, String> names = new HashMap<>();
        return raw.stream().map(r -> {
            StudentSummary s = students.get(r.studentId());
            String by = r.by() == null ? null : names.computeIfAbsent(r.by(), this::accountName);
            return new AttendanceViews.LateEntry(r.id(), r.activityId(), r.title(), r.endsAt(), r.studentId(), number(s), name(s),
                    className(s), r.note(), r.at(), by);
        }).toList();
    }

    /** The signed-in student's attendance at an activity and what they may do about it; null when they had nothing to do with it. */
    public AttendanceViews.MyAttendance mine(Viewer student, long activityId) {
        Activity a = activities.visible(student, activityId);
        if (student.studentId() == null) {
            return null;
        }
        return mine(a, student.studentId());
    }

    /** After (or during) the activity, for whoever may see it. */
    public AttendanceViews.ActivityRecap recap(Viewer viewer, long activityId) {
        Activity a = activities.visible(viewer, activityId);
        Instant now = clock.instant();
        boolean manage = a.managedBy(viewer);
        return new AttendanceViews.ActivityRecap(a.id, a.plan.title(), a.plan.venue(), a.plan.startsAt(), a.plan.endsAt(),
                !now.isBefore(a.plan.startsAt()), now.isAfter(a.plan.endsAt()), summaryOf(a.id), photoIds(a.id),
                viewer.studentId() == null ? null : mine(a, viewer.studentId()), manage, manage ? ratings(a.id) : null);
    }

    /** Participants' ratings, for the organisers. */
    public AttendanceViews.Ratings ratings(Viewer organiser, long activityId) {
        return ratings(checkIns.organised(organiser, activityId).id);
    }

    public List<Long> photos(Viewer viewer, long activityId) {
        return photoIds(activities.visible(viewer, activityId).id);
    }

    /** A photo of an activity, for whoever may see the activity. */
    public Photo photo(Viewer viewer, long activityId, long photoId) {
        Activity a = activities.visible(viewer, activityId);
        return jdbc.sql("SELECT content_type, data FROM activity_photo WHERE id = ? AND activity_id = ?")
                .params(photoId, a.id)
                .query((rs, n) -> new Photo(rs.getString("content_type"), rs.getBytes("data")))
                .optional().orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    // — pieces —

    private AttendanceViews.MyAttendance mine(Activity a, long studentId) {
        Instant now = clock.instant();
        record Raw(AttendanceState state, AttendanceMethod method, Instant in, Instant out, BigDecimal hours, String decisionNote,
                   Integer rating, String comment) {
        }
        Optional<Raw> t = jdbc.sql("""
                        SELECT state, method, checked_in_at, checked_out_at, hours, decision_note, rating, rating_comment
                        FROM attendance WHERE activity_id = ? AND student_id = ?""")
                .params(a.id, studentId)
                .query((rs, n) -> new Raw(AttendanceState.valueOf(rs.getString("state")), AttendanceMethod.valueOf(rs.getString("method")),
                        Timestamps.read(rs, "checked_in_at"), Timestamps.read(rs, "checked_out_at"), rs.getBigDecimal("hours"),
                        rs.getString("decision_note"), rs.getObject("rating", Integer.class), rs.getString("rating_comment")))
                .optional();
        Optional<AttendanceViews.Appeal> appeal = appealRows(a.id, studentId).stream().findFirst().map(r -> r.view(null));
        boolean noShow = now.isAfter(a.plan.endsAt()) && a.open() && attendances.noShow(a.id, studentId);
        boolean registered = jdbc.sql("SELECT count(*) FROM registration WHERE activity_id = ? AND student_id = ? AND state <> 'CANCELLED'")
                .params(a.id, studentId).query(Integer.class).single() > 0;
        if (t.isEmpty() && appeal.isEmpty() && !registered) {
            return null;
        }
        Instant appealUntil = deadlines.appealUntil(a);
        boolean present = t.filter(x -> x.state() == AttendanceState.PRESENT).isPresent();
        return new AttendanceViews.MyAttendance(t.map(Raw::state).orElse(null), t.map(Raw::method).orElse(null), t.map(Raw::in).orElse(null),
                t.map(Raw::out).orElse(null), t.map(Raw::hours).orElse(null), t.map(Raw::decisionNote).orElse(null),
                t.map(Raw::rating).orElse(null), t.map(Raw::comment).orElse(null), present && !now.isBefore(a.plan.startsAt()), noShow,
                noShow && appeal.isEmpty() && !now.isAfter(appealUntil), appealUntil, appeal.orElse(null));
    }

    private AttendanceViews.Ratings ratings(long activityId) {
        List<AttendanceViews.RatingComment> all = jdbc.sql("""
                        SELECT rating, rating_comment, rated_at FROM attendance
                        WHERE activity_id = ? AND state = 'PRESENT' AND rating IS NOT NULL ORDER BY rated_at DESC, id DESC""")
                .param(activityId)
                .query((rs, n) -> new AttendanceViews.RatingComment(rs.getInt("rating"), rs.getString("rating_comment"),
                        Timestamps.read(rs, "rated_at")))
                .list();
        BigDecimal average = all.isEmpty() ? null
                : BigDecimal.valueOf(all.stream().mapToInt(AttendanceViews.RatingComment::rating).sum())
                .divide(BigDecimal.valueOf(all.size()), 1, RoundingMode.HALF_UP);
        return new AttendanceViews.Ratings(all.size(), average, all.stream().filter(c -> c.text() != null).toList());
    }

    private String summaryOf(long activityId) {
        return jdbc.sql("SELECT summary FROM activity WHERE id = ?").param(activityId).query(String.class).optional().orElse(null);
    }

    private List<Long> photoIds(long activityId) {
        return jdbc.sql("SELECT id FROM activity_photo WHERE activity_id = ? ORDER BY id").param(activityId).query(Long.class).list();
    }

    private record AppealRow(long id, long studentId, String reason, AppealState state, Instant filedAt, Instant decidedAt,
                             String answer) {

        AttendanceViews.Appeal view(StudentSummary s) {
            return new AttendanceViews.Appeal(id, studentId, number(s), name(s), className(s), reason, state, filedAt, decidedAt, answer);
        }
    }

    /** An activity's appeals (one student's, when given), open ones first. */
    private List<AppealRow> appealRows(long activityId, Long studentId) {
        return jdbc.sql("""
                        SELECT id, student_id, reason, state, filed_at, decided_at, answer FROM attendance_appeal
                        WHERE activity_id = :a AND (CAST(:s AS BIGINT) IS NULL OR student_id = :s)
                        ORDER BY CASE state WHEN 'FILED' THEN 0 ELSE 1 END, filed_at, id""")
                .param("a", activityId).param("s", studentId)
                .query((rs, n) -> new AppealRow(rs.getLong("id"), rs.getLong("student_id"), rs.getString("reason"),
                        AppealState.valueOf(rs.getString("state")), Timestamps.read(rs, "filed_at"),
                        Timestamps.read(rs, "decided_at"), rs.getString("answer")))
                .list();
    }

    private String accountName(long accountId) {
        try {
            return accounts.get(accountId).displayName();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static String number(StudentSummary s) {
        return s == null ? "" : s.studentNumber();
    }

    private static String name(StudentSummary s) {
        return s == null ? "" : s.name();
    }

    private static String className(StudentSummary s) {
        return s == null ? "" : s.className();
    }

    /** One student's record over a set of activities: how many they held a seat for (or were excused from) and attended. */
    public record Tally(long studentId, int registered, int attended) {
    }

    /**
     * For each of these students, over these activities: registered (a seat or approved leave, or
     * attended) and attended (present). Not narrowed to a viewer: for a module that decides who sees
     * its members' attendance (a Party branch's managers).
     */
    public Map<Long, Tally> tallies(java.util.Collection<Long> activityIds, java.util.Collection<Long> studentIds) {
        Map<Long, Tally> out = new java.util.LinkedHashMap<>();
        studentIds.forEach(id -> out.put(id, new Tally(id, 0, 0)));
        if (activityIds.isEmpty() || studentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT p.student_id,
                               count(DISTINCT p.activity_id) AS registered,
                               count(DISTINCT CASE WHEN p.present THEN p.activity_id END) AS attended
                        FROM (SELECT r.student_id, r.activity_id, FALSE AS present FROM registration r
                              WHERE r.state IN ('REGISTERED', 'ON_LEAVE') AND r.activity_id IN (:activities) AND r.student_id IN (:students)
                              UNION ALL
                              SELECT a.student_id, a.activity_id, TRUE AS present FROM attendance a
                              WHERE a.state = 'PRESENT' AND a.activity_id IN (:activities) AND a.student_id IN (:students)) p
                        GROUP BY p.student_id""")
                .param("activities", List.copyOf(activityIds)).param("students", List.copyOf(studentIds))
                .query(rs -> {
                    long id = rs.getLong(1);
                    out.put(id, new Tally(id, rs.getInt(2), rs.getInt(3)));
                });
        return out;
    }
}
