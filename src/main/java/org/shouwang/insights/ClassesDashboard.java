package org.shouwang.insights;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.GrowthRecords;
import org.shouwang.activities.GrowthViews;
import org.shouwang.activities.Semester;
import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.springframework.stereotype.Service;

/**
 * The counsellor's and head teacher's dashboard over the classes they counsel or head: per class and
 * in total, the requests of their students open now and overdue among them (counted by the class
 * the student was in when asking), the students who attended no activity in the semester, and how
 * many students took part in each of the five educations (and how many attendances). Psychology
 * requests are only counted, never listed; a count of a sensitive category below
 * {@link SmallGroups#MIN_GROUP} shows as "&lt;5". Anyone who looks after no class gets 404.
 */
@Service
public class ClassesDashboard {

    /** The open requests listed at most; the request list has them all. */
    static final int MAX_REQUESTS = 200;

    private final People people;
    private final TicketQueries tickets;
    private final GrowthRecords growth;
    private final Clock clock;

    ClassesDashboard(People people, TicketQueries tickets, GrowthRecords growth, Clock clock) {
        this.people = people;
        this.tickets = tickets;
        this.growth = growth;
        this.clock = clock;
    }

    /** Open requests of one category; {@code open} is null when suppressed (shown as "&lt;5"). */
    public record Cell(Category category, Long open, boolean suppressed) {
    }

    /** Of one education: students who attended at least one of its activities, and their attendances. */
    public record Participation(FiveEducation education, int students, int attendances) {
    }

    /**
     * One class's figures (or, with {@code classId} null, all of them together). {@code open} and
     * {@code overdue} count every request, psychology ones included; {@code byCategory} hides small
     * sensitive groups.
     */
    public record ClassFigures(Long classId, String code, String name, int students, long open, long overdue,
                               List<Cell> byCategory, int withoutActivity, List<Participation> byEducation) {
    }

    /** An open request that is not confidential. */
    public record OpenRequest(long id, String number, long classId, String className, Category category, TicketState state,
                              String summary, String student, Instant submittedAt, Instant deadline, boolean overdue) {
    }

    /** A student who attended no activity in the semester. */
    public record IdleStudent(long studentId, String studentNumber, String name, long classId, String className) {
    }

    /**
     * The dashboard of a semester: figures per class and in total, the open requests (at most
     * {@link #MAX_REQUESTS}, overdue first; {@code moreRequests} when there are more) and the students
     * without an attended activity.
     */
    public record Dashboard(String semester, List<ClassFigures> classes, ClassFigures total, List<OpenRequest> requests,
                            boolean moreRequests, List<IdleStudent> withoutActivity) {
    }

    /** The classes of a counsellor or head teacher; 404 for anyone else, and for one who looks after none. */
    public List<Structure.ClassGroup> require(Viewer viewer) {
        if (!(viewer.has(Role.COUNSELLOR) || viewer.has(Role.HEAD_TEACHER))) {
            throw new NotFoundException("page", "insights/classes");
        }
        List<Structure.ClassGroup> classes = people.classesOf(viewer);
        if (classes.isEmpty()) {
            throw new NotFoundException("page", "insights/classes");
        }
        return classes;
    }

    /** The current semester when none is given. */
    public Semester semesterOf(String key) {
        return key == null || key.isBlank() ? Semester.of(CampusTime.today(clock)) : Semester.parse(key, "semester");
    }

    /** The semesters to choose from: since the oldest of the viewer's classes started, newest first. */
    public List<Semester> semesters(Viewer viewer) {
        return growth.semestersSince(require(viewer).stream().mapToInt(Structure.ClassGroup::gradeYear).min().orElse(9999));
    }

    public Dashboard dashboard(Viewer viewer, String semesterKey) {
        List<Structure.ClassGroup> classes = require(viewer);
        Semester semester = semesterOf(semesterKey);
        List<Long> ids = classes.stream().map(Structure.ClassGroup::id).toList();
        Map<Long, Map<Category, long[]>> counts = new HashMap<>();
        for (TicketQueries.ClassCount c : tickets.openCountsOfClasses(ids)) {
            counts.computeIfAbsent(c.classId(), k -> new EnumMap<>(Category.class)).put(c.category(), new long[] {c.open(), c.overdue()});
        }
        Map<Long, String> classNames = new HashMap<>();
        classes.forEach(c -> classNames.put(c.id(), c.name()));

        List<ClassFigures> figures = new ArrayList<>();
        List<IdleStudent> idle = new ArrayList<>();
        Map<Category, long[]> allCounts = new EnumMap<>(Category.class);
        int[] allStudents = new int[FiveEducation.values().length];
        int[] allAttendances = new int[FiveEducation.values().length];
        int students = 0;
        int withoutActivity = 0;
        for (Structure.ClassGroup c : classes) {
            List<StudentSummary> roster = people.studentsOfClass(c.id());
            Map<Long, List<GrowthViews.Entry>> attended = growth.classEntries(viewer, c.id(), semester);
            int without = 0;
            for (StudentSummary s : roster) {
                if (attended.getOrDefault(s.id(), List.of()).isEmpty()) {
                    without++;
                    idle.add(new IdleStudent(s.id(), s.studentNumber(), s.name(), c.id(), c.name()));
                }
            }
            List<Participation> byEducation = new ArrayList<>();
            for (FiveEducation e : FiveEducation.values()) {
                int who = 0;
                int times = 0;
                for (List<GrowthViews.Entry> entries : attended.values()) {
                    int n = (int) entries.stream().filter(x -> x.educations().contains(e)).count();
                    times += n;
                    who += n > 0 ? 1 : 0;
                }
                byEducation.add(new Participation(e, who, times));
                allStudents[e.ordinal()] += who;
                allAttendances[e.ordinal()] += times;
            }
            Map<Category, long[]> mine = counts.getOrDefault(c.id(), Map.of());
            mine.forEach((category, n) -> {
                long[] sum = allCounts.computeIfAbsent(category, k -> new long[2]);
                sum[0] += n[0];
                sum[1] += n[1];
            });
            figures.add(figures(c.id(), c.code(), c.name(), roster.size(), mine, without, byEducation));
            students += roster.size();
            withoutActivity += without;
        }
        List<Participation> allEducation = new ArrayList<>();
        for (FiveEducation e : FiveEducation.values()) {
            allEducation.add(new Participation(e, allStudents[e.ordinal()], allAttendances[e.ordinal()]));
        }
        ClassFigures total = figures(null, null, null, students, allCounts, withoutActivity, allEducation);

        List<TicketQueries.ClassRequest> open = tickets.openOfClasses(ids, MAX_REQUESTS + 1);
        List<OpenRequest> requests = open.stream().limit(MAX_REQUESTS).map(r -> new OpenRequest(r.row().id(), r.row().number(),
                r.classId(), classNames.get(r.classId()), r.row().category(), r.row().state(), r.row().summary(),
                r.row().student(), r.row().submittedAt(), r.row().deadline(), r.overdue())).toList();
        return new Dashboard(semester.key(), figures, total, requests, open.size() > MAX_REQUESTS, idle);
    }

    private static ClassFigures figures(Long id, String code, String name, int students, Map<Category, long[]> counts,
                                        int withoutActivity, List<Participation> byEducation) {
        long open = 0;
        long overdue = 0;
        List<Cell> cells = new ArrayList<>();
        for (Category category : Category.values()) {
            long[] n = counts.get(category);
            if (n == null) {
                continue;
            }
            open += n[0];
            overdue += n[1];
            cells.add(new Cell(category, SmallGroups.shown(category, n[0]), SmallGroups.hidden(category, n[0])));
        }
        return new ClassFigures(id, code, name, students, open, overdue, cells, withoutActivity, byEducation);
    }
}
