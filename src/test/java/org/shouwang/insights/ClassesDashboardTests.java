package org.shouwang.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.growth.GrowthFixtures;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Timestamps;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counsellor's dashboard on data of autumn 2033 (semester 2033-1): requests of students of one
 * of the demo counsellor's classes (two psychology ones, one registered by the counsellor), one of
 * another counsellor's class, and attended activities. Every figure equals a direct count over the
 * counsellor's classes; psychology content never shows, a small sensitive group shows as "&lt;5",
 * and a counsellor sees only their own classes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassesDashboardTests {

    static final Instant SUBMITTED = Instant.parse("2033-10-10T02:00:00Z");
    static final Instant NOW = Instant.parse("2033-11-21T03:00:00Z");
    static final String SECRET = "心理秘密 DASH-PSY-2033";
    static final String OPEN = "('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_STUDENT', 'RETURNED', 'REOPENED')";
    static final String OVERDUE = """
            ((t.state IN ('SUBMITTED', 'RETURNED') AND t.dispatch_by < ?)
             OR (t.state IN ('DISPATCHED', 'ACCEPTED', 'REOPENED') AND t.first_response_at IS NULL AND t.respond_by < ?)
             OR (t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED') AND t.resolve_by < ?))""";

    @Autowired ClassesDashboard dashboard;
    @Autowired Tickets tickets;
    @Autowired GrowthFixtures growth;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    String otherCounsellor;
    List<Long> mine;
    List<Long> theirs;
    long classA;
    long classB;
    long otherClassRequest;
    long ownRequest;

    @BeforeAll
    void data() {
        mine = classesOf("counsellor");
        otherCounsellor = jdbc.queryForList("""
                SELECT a.username FROM account a JOIN account_role r ON r.account_id = a.id
                WHERE r.role = 'COUNSELLOR' AND a.username <> 'counsellor'
                  AND EXISTS (SELECT 1 FROM class_group c WHERE c.counsellor_id = a.staff_id)
                ORDER BY a.username""", String.class).stream()
                .filter(u -> classesOf(u).stream().noneMatch(mine::contains)).findFirst().orElseThrow();
        theirs = classesOf(otherCounsellor);
        // The class of the counsellor's with the fewest open psychology requests (none, unless other tests made some).
        classA = mine.stream().min(java.util.Comparator.comparing((Long c) -> count(
                "SELECT count(*) FROM ticket WHERE class_id = ? AND category = 'PSYCHOLOGY' AND state IN " + OPEN, c))
                .thenComparing(c -> c)).orElseThrow();
        classB = theirs.get(0);
        List<GrowthFixtures.Student> a = growth.freshStudents(3, classA, null);
        GrowthFixtures.Student b = growth.freshStudents(1, classB, null).get(0);

        growth.activity("班级看板 德体 2033", LocalDateTime.of(2033, 9, 15, 19, 0))
                .educations(FiveEducation.MORAL, FiveEducation.PHYSICAL).attendedBy(List.of(a.get(0), a.get(1)));
        growth.activity("班级看板 智育 2033", LocalDateTime.of(2033, 10, 1, 9, 0))
                .educations(FiveEducation.INTELLECTUAL).attendedBy(List.of(a.get(0), b));
        growth.activity("班级看板 上学期 2033", LocalDateTime.of(2033, 5, 1, 9, 0))
                .educations(FiveEducation.LABOUR).attendedBy(List.of(a.get(2)));

        clock.fix(SUBMITTED);
        try {
            submit(a.get(0), Category.PSYCHOLOGY, SECRET + " 一");
            submit(a.get(1), Category.REPAIRS, "班级看板 水管 2033");
            submit(a.get(2), Category.ACADEMICS, "班级看板 选课 2033");
            otherClassRequest = submit(b, Category.REPAIRS, "班级看板 别班 2033");
            // Registered in person by the counsellor, who owns it: still never its content on the dashboard.
            ownRequest = tickets.register(users.viewer("counsellor"), new Tickets.Registration(a.get(1).number(), Channel.IN_PERSON,
                    new Tickets.Submission(Category.PSYCHOLOGY, null, false, SECRET + " 二", null, null), false, null), List.of()).id();
            clock.fix(NOW.minusSeconds(3600));
            submit(a.get(2), Category.REPAIRS, "班级看板 刚报的 2033");
        } finally {
            clock.reset();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<Long> classesOf(String username) {
        return jdbc.queryForList("""
                SELECT c.id FROM class_group c JOIN account a ON a.staff_id = c.counsellor_id OR a.staff_id = c.head_teacher_id
                WHERE a.username = ? ORDER BY c.id""", Long.class, username);
    }

    private long submit(GrowthFixtures.Student s, Category category, String text) {
        return tickets.submit(s.viewer(), new Tickets.Submission(category,
                category == Category.REPAIRS ? Category.Subcategory.WATER : null, false, text, null, null), List.of()).id();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void everyFigureEqualsADirectCountOverTheCounsellorsClasses() {
        clock.fix(NOW);
        ClassesDashboard.Dashboard d = dashboard.dashboard(users.viewer("counsellor"), "2033-1");
        Object now = Timestamps.of(NOW);
        Object from = Timestamps.of(LocalDate.of(2033, 9, 1).atStartOfDay(CampusTime.ZONE).toInstant());
        Object until = Timestamps.of(LocalDate.of(2034, 2, 1).atStartOfDay(CampusTime.ZONE).toInstant());
        String attended = " FROM attendance x JOIN activity a ON a.id = x.activity_id JOIN student s ON s.id = x.student_id "
                + "WHERE s.class_id = ? AND x.state = 'PRESENT' AND a.starts_at >= ? AND a.starts_at < ?";

        assertThat(d.classes()).extracting(ClassesDashboard.ClassFigures::classId).containsExactlyInAnyOrderElementsOf(mine);
        long open = 0;
        long overdue = 0;
        long idle = 0;
        for (ClassesDashboard.ClassFigures c : d.classes()) {
            long id = c.classId();
            assertThat(c.students()).isEqualTo((int) count("SELECT count(*) FROM student WHERE class_id = ?", id));
            assertThat(c.open()).as("open " + c.name())
                    .isEqualTo(count("SELECT count(*) FROM ticket t WHERE t.class_id = ? AND t.state IN " + OPEN, id));
            assertThat(c.overdue()).as("overdue " + c.name()).isEqualTo(count(
                    "SELECT count(*) FROM ticket t WHERE t.class_id = ? AND t.state IN " + OPEN + " AND " + OVERDUE, id, now, now, now));
            for (ClassesDashboard.Cell cell : c.byCategory()) {
                long n = count("SELECT count(*) FROM ticket t WHERE t.class_id = ? AND t.category = ? AND t.state IN " + OPEN,
                        id, cell.category().name());
                if (SmallGroups.sensitive(cell.category()) && n < SmallGroups.MIN_GROUP) {
                    assertThat(cell.suppressed()).isTrue();
                    assertThat(cell.open()).isNull();
                } else {
                    assertThat(cell.open()).isEqualTo(n);
                }
            }
            assertThat(c.withoutActivity()).as("idle " + c.name()).isEqualTo((int) count("""
                    SELECT count(*) FROM student st WHERE st.class_id = ? AND NOT EXISTS (SELECT 1 FROM attendance x
                      JOIN activity a ON a.id = x.activity_id WHERE x.student_id = st.id AND x.state = 'PRESENT'
                      AND a.starts_at >= ? AND a.starts_at < ?)""", id, from, until));
            for (ClassesDashboard.Participation p : c.byEducation()) {
                String of = attended + " AND EXISTS (SELECT 1 FROM activity_education e WHERE e.activity_id = a.id AND e.education = ?)";
                assertThat(p.students()).as(c.name() + " " + p.education())
                        .isEqualTo((int) count("SELECT count(DISTINCT x.student_id)" + of, id, from, until, p.education().name()));
                assertThat(p.attendances()).as(c.name() + " " + p.education())
                        .isEqualTo((int) count("SELECT count(*)" + of, id, from, until, p.education().name()));
            }
            open += c.open();
            overdue += c.overdue();
            idle += c.withoutActivity();
        }
        assertThat(d.total().open()).isEqualTo(open);
        assertThat(d.total().overdue()).isEqualTo(overdue);
        assertThat(d.total().withoutActivity()).isEqualTo((int) idle);

        ClassesDashboard.ClassFigures a = d.classes().stream().filter(c -> c.classId() == classA).findFirst().orElseThrow();
        // Known figures of the class made here: two psychology requests (under five: "<5"), three others, one of them fresh.
        assertThat(a.byCategory()).filteredOn(c -> c.category() == Category.PSYCHOLOGY).singleElement()
                .satisfies(c -> assertThat(c.suppressed()).isTrue());
        assertThat(a.open()).isGreaterThanOrEqualTo(5);
        assertThat(a.overdue()).isLessThan(a.open());
        assertThat(a.byEducation()).filteredOn(p -> p.education() == FiveEducation.MORAL).singleElement()
                .satisfies(p -> assertThat(p.students()).isGreaterThanOrEqualTo(2));

        // The list: no psychology request at all, never another counsellor's class.
        assertThat(d.requests()).allSatisfy(r -> {
            assertThat(r.category()).isNotEqualTo(Category.PSYCHOLOGY);
            assertThat(mine).contains(r.classId());
            assertThat(r.summary()).doesNotContain("DASH-PSY");
        });
        assertThat(d.requests()).extracting(ClassesDashboard.OpenRequest::id).doesNotContain(otherClassRequest, ownRequest);
        assertThat(d.requests().size() + (d.moreRequests() ? 1 : 0)).isGreaterThanOrEqualTo((int) count(
                "SELECT count(*) FROM ticket t WHERE t.class_id IN (" + mine.stream().map(String::valueOf).collect(Collectors.joining(","))
                        + ") AND NOT t.confidential AND t.state IN " + OPEN));
        assertThat(d.withoutActivity()).hasSize((int) idle);
    }

    @Test
    void theOtherCounsellorSeesOnlyTheirClasses() {
        clock.fix(NOW);
        ClassesDashboard.Dashboard d = dashboard.dashboard(users.viewer(otherCounsellor), "2033-1");
        assertThat(d.classes()).extracting(ClassesDashboard.ClassFigures::classId).containsExactlyInAnyOrderElementsOf(theirs)
                .doesNotContain(classA);
        assertThat(d.requests()).extracting(ClassesDashboard.OpenRequest::id).contains(otherClassRequest);
        assertThat(d.requests()).extracting(ClassesDashboard.OpenRequest::classId).allMatch(theirs::contains);
        assertThat(d.withoutActivity()).extracting(ClassesDashboard.IdleStudent::classId).allMatch(theirs::contains);
    }

    @Test
    void psychologyContentNeverShowsAndASmallGroupShowsAsFewerThanFive() throws Exception {
        clock.fix(NOW);
        mvc.perform(get("/api/v1/insights/classes").param("semester", "2033-1").with(users.as("counsellor")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("DASH-PSY"))))
                .andExpect(content().string(not(containsString("/requests/" + ownRequest))))
                .andExpect(jsonPath("$.classes[?(@.classId == " + classA + ")].byCategory[?(@.category == 'PSYCHOLOGY')].suppressed")
                        .value(true));
        mvc.perform(get("/insights/classes").param("semester", "2033-1").with(users.as("counsellor")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("DASH-PSY"))))
                .andExpect(content().string(not(containsString("/requests/" + ownRequest + "\""))))
                .andExpect(content().string(not(containsString("/requests/" + otherClassRequest + "\""))))
                .andExpect(content().string(matchesPattern(
                        "(?s).*data-class=\"" + classA + "\">(?:(?!</tr>).)*data-key=\"PSYCHOLOGY\">[^<]* &lt;5</span>.*")))
                .andExpect(content().string(containsString("chart-participation")))
                .andExpect(content().string(containsString("/growth/classes/" + classA + "?semester=2033-1")));
        mvc.perform(get("/insights/classes").param("semester", "2033-1").with(users.as(otherCounsellor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/requests/" + otherClassRequest + "\"")))
                .andExpect(content().string(not(containsString("data-class=\"" + classA + "\""))));
    }

    @Test
    void aHeadTeacherSeesTheClassesTheyHead() {
        ClassesDashboard.Dashboard d = dashboard.dashboard(users.viewer("headteacher"), null);
        assertThat(d.classes()).extracting(ClassesDashboard.ClassFigures::classId)
                .containsExactlyInAnyOrderElementsOf(classesOf("headteacher"));
    }

    @Test
    void anyoneElseIsRefusedOnThePageAndTheApi() throws Exception {
        for (String user : List.of("student", "leader", "admin", "handler", "psych")) {
            mvc.perform(get("/insights/classes").with(users.as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/classes").with(users.as(user))).andExpect(status().isNotFound());
            assertThatThrownBy(() -> dashboard.dashboard(users.viewer(user), null)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aBadSemesterIsAFieldErrorNeverA500() throws Exception {
        mvc.perform(get("/api/v1/insights/classes").param("semester", "herbst").with(users.as("counsellor")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("semester"));
        mvc.perform(get("/insights/classes").param("semester", "herbst").with(users.as("counsellor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("classes-error")));
    }
}
