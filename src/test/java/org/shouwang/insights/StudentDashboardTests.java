package org.shouwang.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityFixtures;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.growth.GrowthFixtures;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Satisfaction;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The student's dashboard on data of October 2033 (autumn semester 2033-1) made for one fresh
 * student: requests in every situation, places on upcoming activities, and attended activities of
 * this and the previous semester. Every figure equals a direct count; only the student sees it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudentDashboardTests {

    static final Instant NOW = Instant.parse("2033-10-10T02:00:00Z");

    @Autowired StudentDashboard dashboard;
    @Autowired Tickets tickets;
    @Autowired Activities activities;
    @Autowired ActivityFixtures activityFixtures;
    @Autowired GrowthFixtures growth;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    GrowthFixtures.Student me;
    GrowthFixtures.Student other;
    long waitingReply;
    long waitingRating;
    long closed;
    long otherRequest;

    @BeforeAll
    void data() {
        List<GrowthFixtures.Student> fresh = growth.freshStudents(40, null, null).stream()
                .filter(s -> jdbc.queryForObject("SELECT count(*) FROM ticket WHERE student_id = ?", Long.class, s.id()) == 0)
                .toList();
        me = fresh.get(0);
        other = fresh.get(1);
        // Attended: two activities this semester (one a volunteer service), one last semester.
        growth.activity("看板测试讲座 2033", LocalDateTime.of(2033, 9, 20, 19, 0)).educations(FiveEducation.MORAL, FiveEducation.INTELLECTUAL)
                .hours("2.0", "0.5").attendedBy(List.of(me));
        growth.activity("看板测试志愿 2033", LocalDateTime.of(2033, 10, 2, 9, 0)).type(ActivityType.VOLUNTEER_SERVICE)
                .educations(FiveEducation.LABOUR).hours("3.0", "0.2").attendedBy(List.of(me));
        growth.activity("看板测试春季 2033", LocalDateTime.of(2033, 4, 2, 9, 0)).educations(FiveEducation.PHYSICAL)
                .hours("1.5", "0.1").attendedBy(List.of(me));

        clock.fix(NOW);
        try {
            Viewer handler = users.viewer("handler");
            waitingReply = submit(me, Category.REPAIRS, "看板测试 水龙头漏水 2033");
            tickets.accept(handler, waitingReply, null);
            tickets.ask(handler, waitingReply, "请问是哪个水龙头？", null);
            waitingRating = submit(me, Category.REPAIRS, "看板测试 灯不亮 2033");
            tickets.accept(handler, waitingRating, null);
            tickets.resolve(handler, waitingRating, "已更换灯管", List.of(), null);
            closed = submit(me, Category.REPAIRS, "看板测试 门锁 2033");
            tickets.accept(handler, closed, null);
            tickets.resolve(handler, closed, "已修好", List.of(), null);
            tickets.followUp(me.viewer(), closed, new Tickets.FollowUp(true, true, Satisfaction.SATISFIED), null);
            submit(me, Category.ACADEMICS, "看板测试 选课问题 2033");
            submit(me, Category.PSYCHOLOGY, "看板测试 想找老师聊聊 2033");
            otherRequest = submit(other, Category.REPAIRS, "看板测试 别人的诉求 2033");

            // Places: one seat, one place on the waitlist (the other student took the only seat), one cancelled.
            long seat = activityFixtures.published(activityFixtures.lecture("看板测试 有座讲座 2033", 50, 0));
            activities.register(me.viewer(), seat);
            long full = activityFixtures.published(activityFixtures.lecture("看板测试 满员讲座 2033", 1, 5));
            activities.register(other.viewer(), full);
            activities.register(me.viewer(), full);
            long dropped = activityFixtures.published(activityFixtures.lecture("看板测试 取消报名 2033", 50, 0));
            activities.register(me.viewer(), dropped);
            activities.cancelRegistration(me.viewer(), dropped);
        } finally {
            clock.reset();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long submit(GrowthFixtures.Student s, Category category, String text) {
        TicketViews.Submitted submitted = tickets.submit(s.viewer(), new Tickets.Submission(category,
                category == Category.REPAIRS ? Category.Subcategory.WATER : null, false, text, null, null), List.of());
        return submitted.id();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void everyFigureEqualsADirectCountOfTheStudentsOwnData() {
        clock.fix(NOW.plusSeconds(3600));
        StudentDashboard.Dashboard d = dashboard.dashboard(me.viewer());

        assertThat(d.open()).isEqualTo(count("""
                SELECT count(*) FROM ticket WHERE student_id = ? AND state IN ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS',
                  'WAITING_ON_STUDENT', 'RETURNED', 'REOPENED')""", me.id())).isEqualTo(3);
        assertThat(d.waiting()).isEqualTo(count("SELECT count(*) FROM ticket WHERE student_id = ? AND state IN ('WAITING_ON_STUDENT', 'RESOLVED')",
                me.id())).isEqualTo(2);
        Map<Long, StudentDashboard.Waiting> waiting = d.requests().stream()
                .collect(Collectors.toMap(StudentDashboard.Request::id, StudentDashboard.Request::waiting));
        assertThat(waiting).containsEntry(waitingReply, StudentDashboard.Waiting.REPLY)
                .containsEntry(waitingRating, StudentDashboard.Waiting.FOLLOW_UP).doesNotContainKey(closed)
                .doesNotContainKey(otherRequest).hasSize(4);
        // Those waiting on the student come first.
        assertThat(d.requests().subList(0, 2)).extracting(StudentDashboard.Request::waiting)
                .doesNotContain(StudentDashboard.Waiting.NONE);

        Object now = Timestamps.of(clock.instant());
        String places = """
                SELECT count(*) FROM registration r JOIN activity a ON a.id = r.activity_id
                WHERE r.student_id = ? AND r.state = ? AND a.ends_at > ?""";
        assertThat(d.registered()).isEqualTo(count(places, me.id(), "REGISTERED", now)).isEqualTo(1);
        assertThat(d.waitlisted()).isEqualTo(count(places, me.id(), "WAITLISTED", now)).isEqualTo(1);
        assertThat(d.places()).hasSize(2);

        Object from = Timestamps.of(LocalDate.of(2033, 9, 1).atStartOfDay(CampusTime.ZONE).toInstant());
        Object until = Timestamps.of(LocalDate.of(2034, 2, 1).atStartOfDay(CampusTime.ZONE).toInstant());
        String attended = " FROM attendance x JOIN activity a ON a.id = x.activity_id WHERE x.student_id = ? AND x.state = 'PRESENT' "
                + "AND a.starts_at >= ? AND a.starts_at < ?";
        assertThat(d.growth().semester()).isEqualTo("2033-1");
        assertThat(d.growth().activities()).isEqualTo((int) count("SELECT count(*)" + attended, me.id(), from, until)).isEqualTo(2);
        assertThat(d.growth().hours()).isEqualByComparingTo(sum("SELECT coalesce(sum(x.hours), 0)" + attended, me.id(), from, until))
                .isEqualByComparingTo("5.0");
        assertThat(d.growth().credits()).isEqualByComparingTo(sum("SELECT coalesce(sum(x.credits), 0)" + attended, me.id(), from, until));
        assertThat(d.growth().volunteerHours()).isEqualByComparingTo(sum("SELECT coalesce(sum(x.hours), 0)" + attended
                + " AND a.type = 'VOLUNTEER_SERVICE'", me.id(), from, until)).isEqualByComparingTo("3.0");
        for (StudentDashboard.Education e : d.growth().byEducation()) {
            String of = attended + " AND EXISTS (SELECT 1 FROM activity_education ae WHERE ae.activity_id = a.id AND ae.education = ?)";
            assertThat(e.hours()).as(e.education().name())
                    .isEqualByComparingTo(sum("SELECT coalesce(sum(x.hours), 0)" + of, me.id(), from, until, e.education().name()));
            assertThat(e.credits()).as(e.education().name())
                    .isEqualByComparingTo(sum("SELECT coalesce(sum(x.credits), 0)" + of, me.id(), from, until, e.education().name()));
        }
        assertThat(d.growth().byEducation()).filteredOn(e -> e.education() == FiveEducation.PHYSICAL).first()
                .extracting(StudentDashboard.Education::hours).isEqualTo(new BigDecimal("0.0"));
    }

    private BigDecimal sum(String sql, Object... args) {
        return jdbc.queryForObject(sql, BigDecimal.class, args);
    }

    @Test
    void theApiAndThePageShowTheSameAndLinkEachRequest() throws Exception {
        clock.fix(NOW.plusSeconds(3600));
        mvc.perform(get("/api/v1/insights/student").with(users.as(me.number())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(3))
                .andExpect(jsonPath("$.waiting").value(2))
                .andExpect(jsonPath("$.waitlisted").value(1))
                .andExpect(jsonPath("$.growth.hours").value(5.0))
                .andExpect(jsonPath("$.requests[?(@.id == " + waitingReply + ")].waiting").value("REPLY"));
        mvc.perform(get("/insights/student").with(users.as(me.number())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/requests/" + waitingReply)))
                .andExpect(content().string(containsString("data-waiting=\"FOLLOW_UP\"")))
                .andExpect(content().string(containsString("chart-education")))
                .andExpect(content().string(containsString("href=\"/growth\"")))
                .andExpect(content().string(not(containsString("/requests/" + otherRequest))))
                .andExpect(content().string(not(containsString("/requests/" + closed + "\""))));
    }

    @Test
    void anyoneButAStudentIsRefused() throws Exception {
        for (String user : List.of("counsellor", "leader", "admin", "handler")) {
            mvc.perform(get("/insights/student").with(users.as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/student").with(users.as(user))).andExpect(status().isNotFound());
            assertThatThrownBy(() -> dashboard.dashboard(users.viewer(user))).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aStudentSeesOnlyTheirOwn() {
        clock.fix(NOW.plusSeconds(3600));
        StudentDashboard.Dashboard theirs = dashboard.dashboard(other.viewer());
        assertThat(theirs.requests()).extracting(StudentDashboard.Request::id).containsExactly(otherRequest);
        assertThat(theirs.open()).isEqualTo(1);
        assertThat(theirs.registered()).isEqualTo(1);
        assertThat(theirs.waitlisted()).isZero();
        assertThat(theirs.growth().activities()).isZero();
    }
}
