package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students' growth records (第二课堂成绩单), made from their attendance: only attendance marked
 * PRESENT counts, with the hours and credits recorded on it. Who may read one (DESIGN §6): the
 * student; the counsellors and head teachers of the student's class; student affairs and admins.
 * Anyone else is told there is nothing there (404).
 */
@Service
@Transactional(readOnly = true)
public class GrowthRecords {

    static final BigDecimal ZERO = new BigDecimal("0.0");

    private final JdbcClient jdbc;
    private final ActivitiesProperties properties;
    private final People people;
    private final MessageSource messages;
    private final ClassWorkbook workbook;
    private final Clock clock;

    GrowthRecords(JdbcClient jdbc, ActivitiesProperties properties, @Lazy People people, MessageSource messages,
                  ClassWorkbook workbook, Clock clock) {
        this.jdbc = jdbc;
        this.workbook = workbook;
        this.properties = properties;
        this.people = people;
        this.messages = messages;
        this.clock = clock;
    }

    /** The signed-in student's own record; 404 for an account that is not a student's. */
    public GrowthViews.Record mine(Viewer viewer) {
        if (viewer.studentId() == null) {
            throw new NotFoundException("growth", "me");
        }
        return record(viewer, viewer.studentId());
    }

    public GrowthViews.Record record(Viewer viewer, long studentId) {
        GrowthViews.Student student = visibleStudent(viewer, studentId);
        List<GrowthViews.Entry> entries = attended(List.of(studentId), null).getOrDefault(studentId, List.of());
        return new GrowthViews.Record(student, totals(entries), bySemester(entries), byType(entries), byEducation(entries),
                entries, issuedOf(studentId));
    }

    // — the class export —

    /**
     * The classes the viewer may export: a counsellor's or head teacher's own; for student affairs
     * and admins, those of one college (the first when none is named). 404 for anyone else.
     */
    public List<GrowthViews.ExportableClass> exportableClasses(Viewer viewer, Long collegeId) {
        List<Structure.ClassGroup> classes;
        if (seesEveryone(viewer)) {
            List<Structure.College> colleges = people.colleges();
            Long college = collegeId != null ? collegeId : colleges.isEmpty() ? null : colleges.get(0).id();
            if (college == null) {
                return List.of();
            }
            people.college(college);
            classes = people.majors(college).stream().flatMap(m -> people.classesOfMajor(m.id()).stream())
                    .sorted(Comparator.comparing(Structure.ClassGroup::code)).toList();
        } else if (caresForClasses(viewer)) {
            classes = people.classesOf(viewer);
        } else {
            throw new NotFoundException("page", "growth/classes");
        }
        return classes.stream().map(c -> new GrowthViews.ExportableClass(c.id(), c.code(), c.name(), c.college(),
                c.gradeYear(), c.students())).toList();
    }

    /** Whether the viewer chooses classes by college (student affairs, admins) rather than seeing their own. */
    public boolean choosesByCollege(Viewer viewer) {
        return seesEveryone(viewer);
    }

    /** The terms since the earliest of these grade years began, newest first, up to the current one. */
    public List<Semester> semestersSince(int firstGradeYear) {
        Semester now = Semester.of(LocalDate.now(clock.withZone(properties.zone())));
        Semester first = new Semester(Math.min(firstGradeYear, now.startYear()), 1);
        return Semester.between(first, now);
    }

    /**
     * Every student of a class with their totals for one semester (null: all), by student number.
     * Counsellors and head teachers of the class, student affairs and admins; 404 for anyone else.
     */
    public GrowthViews.ClassTotals classTotals(Viewer viewer, long classId, Semester semester) {
        Structure.ClassGroup group = visibleClass(viewer, classId);
        List<StudentSummary> students = people.studentsOfClass(classId);
        Map<Long, List<GrowthViews.Entry>> attended = attended(students.stream().map(StudentSummary::id).toList(), semester);
        List<GrowthViews.StudentTotals> rows = new ArrayList<>();
        for (StudentSummary s : students) {
            List<GrowthViews.Entry> entries = attended.getOrDefault(s.id(), List.of());
            GrowthViews.Totals t = totals(entries);
            Map<FiveEducation, BigDecimal> educations = new EnumMap<>(FiveEducation.class);
            for (GrowthViews.EducationTotals e : byEducation(entries)) {
                educations.put(e.education(), e.hours());
            }
            rows.add(new GrowthViews.StudentTotals(s.id(), s.studentNumber(), s.name(), t.activities(), t.hours(), t.credits(),
                    t.volunteerHours(), educations));
        }
        return new GrowthViews.ClassTotals(group.id(), group.name(), group.college(), semester == null ? null : semester.key(),
                semester == null ? text("growth.allSemesters") : label(semester), rows);
    }

    /**
     * Each student's attended activities (PRESENT) of one class, with a semester only those that
     * started in it; students who attended nothing are left out. Same scope as {@link #classTotals}.
     */
    public Map<Long, List<GrowthViews.Entry>> classEntries(Viewer viewer, long classId, Semester semester) {
        visibleClass(viewer, classId);
        return attended(people.studentsOfClass(classId).stream().map(StudentSummary::id).toList(), semester);
    }

    /** The class totals as an xlsx workbook in the given language; same scope as {@link #classTotals}. */
    public byte[] classWorkbook(Viewer viewer, long classId, Semester semester, java.util.Locale locale) {
        return workbook.write(classTotals(viewer, classId, semester), locale);
    }

    /** The class's code, for naming an export; same scope as {@link #classTotals}. */
    public String classCode(Viewer viewer, long classId) {
        return visibleClass(viewer, classId).code();
    }

    // — for the transcripts —

    /** The student, if the viewer may read their record; else 404. */
    GrowthViews.Student visibleStudent(Viewer viewer, long studentId) {
        StudentSummary s = people.student(studentId).orElseThrow(() -> new NotFoundException("student", studentId));
        boolean allowed = viewer.isStudent(studentId) || seesEveryone(viewer)
                || caresForClasses(viewer) && people.sees(viewer, studentId) && people.seesClass(viewer, s.classId());
        if (!allowed) {
            throw new NotFoundException("student", studentId);
        }
        return student(s);
    }

    /** The student as the record names them, no scope applied. */
    GrowthViews.Student student(StudentSummary s) {
        Structure.ClassGroup group = people.classGroup(s.classId());
        return new GrowthViews.Student(s.id(), s.studentNumber(), s.name(), group.name(), group.college());
    }

    /** Each student's attended activities (PRESENT), newest first; with a semester, only those that started in it. */
    Map<Long, List<GrowthViews.Entry>> attended(Collection<Long> studentIds, Semester semester) {
        if (studentIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("students", studentIds.toArray(Long[]::new));
        String where = "x.state = 'PRESENT' AND x.student_id = ANY(:students)";
        if (semester != null) {
            where += " AND a.starts_at >= :from AND a.starts_at < :until";
            params.put("from", Timestamps.of(semester.from().atStartOfDay(properties.zone()).toInstant()));
            params.put("until", Timestamps.of(semester.until().atStartOfDay(properties.zone()).toInstant()));
        }
        return entries("attendance x", "x.student_id", where, params);
    }

    /**
     * Entries from any source of (student, activity, hours, credits) rows aliased {@code x}: the
     * attendance, or a transcript's snapshot of it.
     */
    Map<Long, List<GrowthViews.Entry>> entries(String source, String studentColumn, String where, Map<String, Object> params) {
        record Row(long studentId, long activityId, String title, ActivityType type, String series, String brand,
                   Instant startsAt, BigDecimal hours, BigDecimal credits) {
        }
        List<Row> rows = jdbc.sql("SELECT " + studentColumn + """
                         AS student_id, a.id, a.title, a.type, a.series, a.brand, a.starts_at, x.hours, x.credits
                        FROM """ + " " + source + " JOIN activity a ON a.id = x.activity_id WHERE " + where
                        + " ORDER BY a.starts_at DESC, a.id DESC")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong("student_id"), rs.getLong("id"), rs.getString("title"),
                        ActivityType.valueOf(rs.getString("type")), rs.getString("series"), rs.getString("brand"),
                        Timestamps.read(rs, "starts_at"), rs.getBigDecimal("hours"), rs.getBigDecimal("credits")))
                .list();
        Map<Long, Set<FiveEducation>> educations = educations(rows.stream().map(Row::activityId).distinct().toList());
        ZoneId zone = properties.zone();
        Map<Long, List<GrowthViews.Entry>> byStudent = new LinkedHashMap<>();
        for (Row r : rows) {
            LocalDate date = r.startsAt().atZone(zone).toLocalDate();
            byStudent.computeIfAbsent(r.studentId(), k -> new ArrayList<>()).add(new GrowthViews.Entry(r.activityId(), r.title(),
                    date, r.type(), r.series(), r.brand(), educations.getOrDefault(r.activityId(), Set.of()),
                    r.hours().setScale(1), r.credits().setScale(1), Semester.of(date).key(), r.type().volunteering()));
        }
        return byStudent;
    }

    List<GrowthViews.Issued> issuedOf(long studentId) {
        return jdbc.sql("""
                        SELECT code, issued_at, activities, hours, credits, volunteer_hours FROM transcript
                        WHERE student_id = ? ORDER BY issued_at DESC, code""")
                .param(studentId)
                .query((rs, n) -> new GrowthViews.Issued(rs.getString("code"), Transcripts.display(rs.getString("code")),
                        Timestamps.read(rs, "issued_at"), Timestamps.read(rs, "issued_at").atZone(properties.zone()).toLocalDate(),
                        rs.getInt("activities"), rs.getBigDecimal("hours").setScale(1),
                        rs.getBigDecimal("credits").setScale(1), rs.getBigDecimal("volunteer_hours").setScale(1)))
                .list();
    }

    // — totals —

    static GrowthViews.Totals totals(List<GrowthViews.Entry> entries) {
        BigDecimal hours = ZERO;
        BigDecimal credits = ZERO;
        BigDecimal volunteer = ZERO;
        for (GrowthViews.Entry e : entries) {
            hours = hours.add(e.hours());
            credits = credits.add(e.credits());
            if (e.volunteering()) {
                volunteer = volunteer.add(e.hours());
            }
        }
        return new GrowthViews.Totals(entries.size(), hours, credits, volunteer);
    }

    /** Newest term first. */
    List<GrowthViews.SemesterTotals> bySemester(List<GrowthViews.Entry> entries) {
        Map<Semester, List<GrowthViews.Entry>> terms = new TreeMap<>(Comparator.reverseOrder());
        for (GrowthViews.Entry e : entries) {
            terms.computeIfAbsent(Semester.of(e.date()), k -> new ArrayList<>()).add(e);
        }
        List<GrowthViews.SemesterTotals> rows = new ArrayList<>();
        terms.forEach((term, es) -> {
            GrowthViews.Totals t = totals(es);
            rows.add(new GrowthViews.SemesterTotals(term.key(), label(term), t.activities(), t.hours(), t.credits(),
                    t.volunteerHours()));
        });
        return rows;
    }

    /** Most hours first. */
    static List<GrowthViews.TypeTotals> byType(List<GrowthViews.Entry> entries) {
        Map<ActivityType, List<GrowthViews.Entry>> types = new EnumMap<>(ActivityType.class);
        for (GrowthViews.Entry e : entries) {
            types.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(e);
        }
        return types.entrySet().stream().map(t -> {
            GrowthViews.Totals totals = totals(t.getValue());
            return new GrowthViews.TypeTotals(t.getKey(), totals.activities(), totals.hours(), totals.credits());
        }).sorted(Comparator.comparing(GrowthViews.TypeTotals::hours).reversed()
                .thenComparing(GrowthViews.TypeTotals::type)).toList();
    }

    /** All five, in their order; an activity serving several counts in each. */
    static List<GrowthViews.EducationTotals> byEducation(List<GrowthViews.Entry> entries) {
        List<GrowthViews.EducationTotals> rows = new ArrayList<>();
        for (FiveEducation education : FiveEducation.values()) {
            GrowthViews.Totals t = totals(entries.stream().filter(e -> e.educations().contains(education)).toList());
            rows.add(new GrowthViews.EducationTotals(education, t.activities(), t.hours(), t.credits()));
        }
        return rows;
    }

    String label(Semester semester) {
        return messages.getMessage(semester.labelCode(), semester.labelArgs(), LocaleContextHolder.getLocale());
    }

    // — who may see —

    private Structure.ClassGroup visibleClass(Viewer viewer, long classId) {
        Structure.ClassGroup group;
        try {
            group = people.classGroup(classId);
        } catch (NotFoundException e) {
            throw new NotFoundException("class", classId);
        }
        if (!(seesEveryone(viewer) || caresForClasses(viewer) && people.seesClass(viewer, classId))) {
            throw new NotFoundException("class", classId);
        }
        return group;
    }

    private Map<Long, Set<FiveEducation>> educations(List<Long> activityIds) {
        Map<Long, Set<FiveEducation>> educations = new HashMap<>();
        if (activityIds.isEmpty()) {
            return educations;
        }
        jdbc.sql("SELECT activity_id, education FROM activity_education WHERE activity_id = ANY(?)")
                .param(activityIds.toArray(Long[]::new))
                .query(rs -> {
                    educations.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(FiveEducation.class))
                            .add(FiveEducation.valueOf(rs.getString(2)));
                });
        return educations;
    }

    private String text(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    private static boolean seesEveryone(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS);
    }

    private static boolean caresForClasses(Viewer viewer) {
        return viewer.has(Role.COUNSELLOR) || viewer.has(Role.HEAD_TEACHER);
    }
}
