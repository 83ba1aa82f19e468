package org.shouwang.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.BusinessCalendar;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Satisfaction;
import org.shouwang.tickets.TicketCounts;
import org.shouwang.tickets.TicketKpis;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The department dashboard on repair requests of June and July 2034 (months no other test uses),
 * dispatched to the demo department head's department: the queue, the deadline risk and the KPIs
 * equal direct counts, the figures' links open lists of the same size, and only the head of the
 * department (or leaders, admins, student affairs) see it.
 */
@IntegrationTest
class DepartmentDashboardTests {

    static final LocalDate FROM = LocalDate.of(2034, 6, 1);
    static final LocalDate TO = LocalDate.of(2034, 7, 31);
    static final String OPEN = "('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_STUDENT', 'REOPENED')";

    @Autowired DepartmentDashboard dashboard;
    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired TicketKpis kpis;
    @Autowired BusinessCalendar calendar;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    private static boolean created;
    private static long department;

    @BeforeEach
    void createOnce() {
        department = users.viewer("depthead").departmentId();
        if (created) {
            return;
        }
        Viewer student = users.viewer("student");
        Viewer handler = users.viewer("handler");
        Viewer head = users.viewer("depthead");
        assertThat(handler.departmentId()).isEqualTo(department);
        clock.fix(Instant.parse("2034-06-06T01:00:00Z"));
        long dispatched = submit(student, "待受理");
        long accepted = submit(student, "已受理");
        tickets.accept(handler, accepted, null);
        long replied = submit(student, "处理中");
        tickets.accept(handler, replied, null);
        tickets.reply(handler, replied, "师傅下午上门", List.of(), null);
        long asked = submit(student, "等待学生");
        tickets.accept(handler, asked, null);
        tickets.ask(handler, asked, "请问具体是哪个水龙头？", null);
        long extended = submit(student, "延期");
        tickets.accept(handler, extended, null);
        tickets.requestExtension(handler, extended, 24, "需要订购配件", null);
        tickets.decideExtension(head, extended, true, "同意", null);
        long resolved = submit(student, "已办结");
        tickets.accept(handler, resolved, null);
        tickets.resolve(handler, resolved, "已修好", List.of(), null);
        tickets.followUp(student, resolved, new Tickets.FollowUp(true, true, Satisfaction.SATISFIED), null);
        clock.fix(Instant.parse("2034-07-04T02:00:00Z"));
        submit(student, "七月");
        clock.reset();
        assertThat(List.of(dispatched)).isNotEmpty();
        created = true;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long submit(Viewer student, String text) {
        TicketViews.Submitted s = tickets.submit(student, new Tickets.Submission(Category.REPAIRS, Category.Subcategory.WATER, false,
                "部门看板测试 " + text, null, null), List.of());
        assertThat(s.state()).isEqualTo(TicketState.DISPATCHED);
        return s.id();
    }

    private long count(String condition, Object... args) {
        Object[] params = new Object[args.length + 1];
        params[0] = department;
        System.arraycopy(args, 0, params, 1, args.length);
        return jdbc.queryForObject("SELECT count(*) FROM ticket t WHERE t.department_id = ? AND " + condition, Long.class, params);
    }

    @Test
    void theQueueAndTheDeadlineRiskEqualADirectCountNow() {
        for (String at : List.of("2034-06-06T02:00:00Z", "2034-06-07T08:00:00Z", "2034-07-20T02:00:00Z")) {
            clock.fix(Instant.parse(at));
            TicketCounts.Queue q = dashboard.dashboard(users.viewer("depthead"), null, FROM, TO).queue();
            Instant now = clock.instant();
            Object n = Timestamps.of(now);
            Object soon = Timestamps.of(calendar.after(now, 24 * 60, false));
            Object soonUrgent = Timestamps.of(now.plusSeconds(24 * 3600));
            assertThat(q.dispatched()).isEqualTo(count("t.state = 'DISPATCHED'"));
            assertThat(q.reopened()).isEqualTo(count("t.state = 'REOPENED'"));
            assertThat(q.accepted()).isEqualTo(count("t.state = 'ACCEPTED'"));
            assertThat(q.inProgress()).isEqualTo(count("t.state = 'IN_PROGRESS'"));
            assertThat(q.waitingOnStudent()).isEqualTo(count("t.state = 'WAITING_ON_STUDENT'")).isPositive();
            assertThat(q.extended()).isEqualTo(count("t.state IN " + OPEN
                    + " AND t.id IN (SELECT ticket_id FROM ticket_extension WHERE status = 'APPROVED')")).isPositive();
            assertThat(q.supervisedLevel1()).isEqualTo(count("t.state IN " + OPEN + " AND t.supervision_level = 1"));
            assertThat(q.supervisedLevel2()).isEqualTo(count("t.state IN " + OPEN + " AND t.supervision_level = 2"));
            assertThat(q.supervisedLevel3()).isEqualTo(count("t.state IN " + OPEN + " AND t.supervision_level >= 3"));
            String response = "t.state IN ('DISPATCHED', 'ACCEPTED', 'REOPENED') AND t.first_response_at IS NULL";
            String resolution = "t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED')";
            String due = " >= ? AND %s < CASE WHEN t.urgent THEN ? ELSE ? END";
            assertThat(q.responseDueSoon()).isEqualTo(count(response + " AND t.respond_by" + due.formatted("t.respond_by"),
                    n, soonUrgent, soon));
            assertThat(q.responseOverdue()).isEqualTo(count(response + " AND t.respond_by < ?", n));
            assertThat(q.resolutionDueSoon()).isEqualTo(count(resolution + " AND t.resolve_by" + due.formatted("t.resolve_by"),
                    n, soonUrgent, soon));
            assertThat(q.resolutionOverdue()).isEqualTo(count(resolution + " AND t.resolve_by < ?", n));
            assertThat(q.overdue()).isEqualTo(count("((" + response + " AND t.respond_by < ?) OR (" + resolution
                    + " AND t.resolve_by < ?))", n, n));
        }
        // Just after submission the fresh requests are due soon; weeks later they are overdue.
        clock.fix(Instant.parse("2034-06-06T02:00:00Z"));
        TicketCounts.Queue early = dashboard.dashboard(users.viewer("depthead"), null, FROM, TO).queue();
        clock.fix(Instant.parse("2034-07-20T02:00:00Z"));
        TicketCounts.Queue late = dashboard.dashboard(users.viewer("depthead"), null, FROM, TO).queue();
        assertThat(late.resolutionOverdue()).isGreaterThan(early.resolutionOverdue());
        assertThat(early.responseDueSoon() + early.resolutionDueSoon()).isPositive();
    }

    @Test
    void theQueueFiguresLinkToListsOfTheSameSize() throws Exception {
        clock.fix(Instant.parse("2034-07-20T02:00:00Z"));
        Viewer head = users.viewer("depthead");
        DepartmentDashboard.Dashboard d = dashboard.dashboard(head, null, FROM, TO);
        assertThat(d.linked()).isTrue();
        assertThat(listed(head, TicketState.DISPATCHED, false, false)).isEqualTo(d.queue().dispatched());
        assertThat(listed(head, TicketState.ACCEPTED, false, false)).isEqualTo(d.queue().accepted());
        assertThat(listed(head, TicketState.WAITING_ON_STUDENT, false, false)).isEqualTo(d.queue().waitingOnStudent());
        assertThat(listed(head, null, true, false)).isEqualTo(d.queue().overdue());
        assertThat(listed(head, null, false, true)).isEqualTo(d.queue().supervised());
        assertThat(listed(head, null, false, false)).isEqualTo(d.queue().open());
        mvc.perform(get("/insights/department").param("from", FROM.toString()).param("to", TO.toString()).with(users.as("depthead")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/requests?queue=DEPARTMENT&amp;state=DISPATCHED")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/requests?queue=DEPARTMENT&amp;overdue=true")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("chart-trend")));
        // A leader looking at the department has no list of it behind the figures.
        assertThat(dashboard.dashboard(users.viewer("leader"), department, FROM, TO).linked()).isFalse();
    }

    private long listed(Viewer viewer, TicketState state, boolean overdue, boolean supervised) {
        return queries.list(viewer, new TicketViews.Filter(TicketViews.Queue.DEPARTMENT, state, null, null, overdue, supervised), 0, 1)
                .total();
    }

    @Test
    void theKpisAreTheDepartmentsFromTicketKpisAndEqualADirectCountByMonth() throws Exception {
        DepartmentDashboard.Dashboard d = dashboard.dashboard(users.viewer("depthead"), null, FROM, TO);
        Object from = Timestamps.of(FROM.atStartOfDay(CampusTime.ZONE).toInstant());
        Object july = Timestamps.of(LocalDate.of(2034, 7, 1).atStartOfDay(CampusTime.ZONE).toInstant());
        Object to = Timestamps.of(TO.plusDays(1).atStartOfDay(CampusTime.ZONE).toInstant());
        String period = "t.state <> 'WITHDRAWN' AND t.submitted_at >= ? AND t.submitted_at < ?";
        assertThat(d.kpis().requests()).isEqualTo(count(period, from, to)).isGreaterThanOrEqualTo(7);
        assertThat(d.kpis().responded()).isEqualTo(count(period + " AND t.first_response_at IS NOT NULL", from, to));
        assertThat(d.kpis().resolved()).isEqualTo(count(period + " AND t.resolved_at IS NOT NULL", from, to));
        assertThat(d.kpis().followUpsAnswered()).isEqualTo(count(period + " AND t.followed_up_at IS NOT NULL", from, to));
        assertThat(d.kpis().satisfactionRate().count()).isEqualTo(count(period
                + " AND t.followed_up_at IS NOT NULL AND t.satisfaction IN ('SATISFIED', 'BASICALLY')", from, to));
        assertThat(d.kpis()).isEqualTo(kpis.report(users.viewer("depthead"), FROM, TO.plusDays(1), null).total());
        assertThat(d.trend()).extracting(TicketKpis.Row::key).containsExactly("2034-06", "2034-07");
        assertThat(d.trend().get(0).figures().requests()).isEqualTo(count(period, from, july));
        assertThat(d.trend().get(1).figures().requests()).isEqualTo(count(period, july, to));

        // A leader choosing the department sees the same figures; the API too.
        assertThat(dashboard.dashboard(users.viewer("leader"), department, FROM, TO).kpis()).isEqualTo(d.kpis());
        mvc.perform(get("/api/v1/insights/department").param("department", String.valueOf(department))
                        .param("from", FROM.toString()).param("to", TO.toString()).with(users.as("affairs")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kpis.requests").value(d.kpis().requests()))
                .andExpect(jsonPath("$.trend.length()").value(2));
    }

    @Test
    void aDepartmentHeadSeesOnlyTheirDepartmentAndNobodyElseSeesTheDashboard() throws Exception {
        long other = jdbc.queryForObject("SELECT min(id) FROM department WHERE id <> ?", Long.class, department);
        assertThat(dashboard.departments(users.viewer("depthead"))).extracting(DepartmentDashboard.Choice::id)
                .containsExactly(department);
        assertThatThrownBy(() -> dashboard.dashboard(users.viewer("depthead"), other, FROM, TO)).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/insights/department").param("department", String.valueOf(other)).with(users.as("depthead")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/insights/department").param("department", String.valueOf(other)).with(users.as("depthead")))
                .andExpect(status().isNotFound());
        for (String who : List.of("leader", "admin", "affairs")) {
            assertThat(dashboard.dashboard(users.viewer(who), other, FROM, TO).departmentId()).isEqualTo(other);
            mvc.perform(get("/insights/department").param("department", String.valueOf(other)).with(users.as(who)))
                    .andExpect(status().isOk());
        }
        for (String who : List.of("handler", "student", "counsellor", "manager", "dispatch", "psych", "floorleader")) {
            mvc.perform(get("/insights/department").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/department").with(users.as(who))).andExpect(status().isNotFound());
            assertThatThrownBy(() -> dashboard.dashboard(users.viewer(who), department, FROM, TO))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void anEndBeforeTheStartIsAFieldError() throws Exception {
        mvc.perform(get("/api/v1/insights/department").param("from", "2034-07-01").param("to", "2034-06-01")
                        .with(users.as("depthead")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/insights/department").param("from", "2034-07-01").param("to", "2034-06-01").with(users.as("depthead")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("department-error")));
    }
}
