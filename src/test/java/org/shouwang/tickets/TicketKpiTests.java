package org.shouwang.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The KPIs equal a plain SQL recount of the requests, before and after the rollup, on a small set
 * of requests walked through the real state machine in October and November 2029 (months no demo
 * data reaches), with the clock fixed so that every response and resolution time is known.
 */
@IntegrationTest
class TicketKpiTests {

    static final LocalDate OCTOBER = LocalDate.of(2029, 10, 1);
    static final LocalDate NOVEMBER = LocalDate.of(2029, 11, 1);
    static final LocalDate DECEMBER = LocalDate.of(2029, 12, 1);
    /** A Wednesday, 9:00 in Beijing. */
    static final Instant START = Instant.parse("2029-10-10T01:00:00Z");
    static final String SECRET = "心里很难受，想找老师聊聊 KPI-SECRET";

    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired TicketKpis kpis;
    @Autowired KpiRollup rollup;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private static boolean created;
    private static long hq;

    @BeforeEach
    void requests() {
        hq = jdbc.sql("SELECT id FROM department WHERE code = 'HQ'").query(Long.class).single();
        if (!created) {
            createRequests();
            created = true;
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * October: water on time and satisfied; electricity answered late, basically satisfied;
     * furniture resolved late, not contacted; network withdrawn (not counted); a psychology request
     * resolved by the centre; a door lock reopened as not solved; an "other" repair returned.
     * November: a water leak resolved on time, not followed up yet.
     */
    private void createRequests() {
        Viewer student = users.viewer("student");
        Viewer handler = users.viewer("handler");
        Viewer psych = users.viewer("psych");
        clock.fix(START);
        long water = submit(student, Category.REPAIRS, Category.Subcategory.WATER, "水龙头漏水 KPI-TEST");
        long electricity = submit(student, Category.REPAIRS, Category.Subcategory.ELECTRICITY, "灯不亮 KPI-TEST");
        long furniture = submit(student, Category.REPAIRS, Category.Subcategory.FURNITURE, "床板断了 KPI-TEST");
        long network = submit(student, Category.REPAIRS, Category.Subcategory.NETWORK, "网络断了 KPI-TEST");
        long psychology = submit(student, Category.PSYCHOLOGY, null, SECRET);
        long lock = submit(student, Category.REPAIRS, Category.Subcategory.DOOR_LOCK, "门锁坏了 KPI-TEST");
        long other = submit(student, Category.REPAIRS, Category.Subcategory.OTHER, "窗帘杆掉了 KPI-TEST");

        at(START.plusSeconds(3600));
        for (long id : List.of(water, furniture, lock)) {
            tickets.accept(handler, id, null);
            tickets.reply(handler, id, "马上来", List.of(), null);
        }
        tickets.accept(handler, electricity, null);
        tickets.accept(psych, psychology, null);
        tickets.reply(psych, psychology, "请明天下午来心理中心", List.of(), null);
        tickets.withdraw(student, network, "自己修好了", null);
        tickets.returnToDispatch(handler, other, "5.1", "不属于维修范围", null);

        at(START.plusSeconds(7200));
        tickets.resolve(handler, water, "已换密封圈", List.of(), null);
        tickets.resolve(handler, lock, "已换锁芯", List.of(), null);
        tickets.resolve(psych, psychology, "已面谈", List.of(), null);
        at(queries.detail(handler, electricity).respondBy().plusSeconds(60));
        tickets.reply(handler, electricity, "抱歉来晚了", List.of(), null);
        tickets.resolve(handler, electricity, "已换灯管", List.of(), null);
        at(queries.detail(handler, furniture).resolveBy().plusSeconds(60));
        tickets.resolve(handler, furniture, "已换床板", List.of(), null);

        tickets.followUp(student, water, new Tickets.FollowUp(true, true, Satisfaction.SATISFIED), null);
        tickets.followUp(student, electricity, new Tickets.FollowUp(true, true, Satisfaction.BASICALLY), null);
        tickets.followUp(student, furniture, new Tickets.FollowUp(false, true, Satisfaction.SATISFIED), null);
        tickets.followUp(student, lock, new Tickets.FollowUp(true, false, Satisfaction.NOT), null);

        at(Instant.parse("2029-11-07T01:00:00Z"));
        long november = submit(student, Category.REPAIRS, Category.Subcategory.WATER, "热水器坏了 KPI-TEST");
        at(Instant.parse("2029-11-07T02:00:00Z"));
        tickets.accept(handler, november, null);
        tickets.resolve(handler, november, "已修好", List.of(), null);
        clock.reset();
    }

    @Test
    void octoberFiguresAreThoseOfTheStepsTaken() {
        TicketKpis.Figures october = kpis.report(users.viewer("admin"), OCTOBER, NOVEMBER, null).total();
        assertThat(october.requests()).isEqualTo(6);
        assertThat(october.responded()).isEqualTo(5);
        assertThat(october.onTimeResponseRate()).isEqualTo(TicketKpis.Rate.of(4, 6));
        assertThat(october.resolved()).as("the reopened door lock is no longer resolved").isEqualTo(4);
        assertThat(october.onTimeResolutionRate()).isEqualTo(TicketKpis.Rate.of(3, 4));
        assertThat(october.followUpsAnswered()).isEqualTo(4);
        assertThat(october.contactRate()).isEqualTo(TicketKpis.Rate.of(3, 4));
        assertThat(october.resolutionRate()).isEqualTo(TicketKpis.Rate.of(3, 4));
        assertThat(october.satisfactionRate()).isEqualTo(TicketKpis.Rate.of(3, 4));
        assertThat(october.returnRate()).isEqualTo(TicketKpis.Rate.of(1, 6));
        assertThat(october.reopenRate()).isEqualTo(TicketKpis.Rate.of(1, 6));
        assertThat(october.supervised()).isEqualTo(1);
        assertThat(october.medianResponseMinutes()).isEqualTo(60.0);
        assertThat(october.medianResolutionMinutes()).isNotNull();

        TicketKpis.Figures nothing = kpis.report(users.viewer("admin"), LocalDate.of(2029, 9, 1), OCTOBER, null).total();
        assertThat(nothing.requests()).isZero();
        assertThat(nothing.responseRate().value()).as("0/0 is no figure").isNull();
        assertThat(nothing.medianResponseMinutes()).isNull();
    }

    @Test
    void everyBreakdownEqualsAPlainRecountBeforeAndAfterTheRollup() {
        Viewer admin = users.viewer("admin");
        Viewer head = users.viewer("depthead");
        List<Runnable> checks = List.of(
                () -> assertRecount(kpis.report(admin, OCTOBER, DECEMBER, null).total(), recount(OCTOBER, DECEMBER, null)),
                () -> assertRecount(kpis.report(admin, LocalDate.of(2029, 10, 10), LocalDate.of(2029, 11, 8), null).total(),
                        recount(LocalDate.of(2029, 10, 10), LocalDate.of(2029, 11, 8), null)),
                () -> {
                    TicketKpis.Report byCategory = kpis.report(admin, OCTOBER, DECEMBER, TicketKpis.Dimension.CATEGORY);
                    assertThat(byCategory.rows()).extracting(TicketKpis.Row::key).containsExactly("PSYCHOLOGY", "REPAIRS");
                    for (TicketKpis.Row row : byCategory.rows()) {
                        assertRecount(row.figures(), recountWhere(OCTOBER, DECEMBER, "t.category = ?", row.key()));
                    }
                },
                () -> {
                    TicketKpis.Report byMonth = kpis.report(admin, OCTOBER, DECEMBER, TicketKpis.Dimension.MONTH);
                    assertThat(byMonth.rows()).extracting(TicketKpis.Row::key).containsExactly("2029-10", "2029-11");
                    assertRecount(byMonth.rows().get(0).figures(), recount(OCTOBER, NOVEMBER, null));
                    assertRecount(byMonth.rows().get(1).figures(), recount(NOVEMBER, DECEMBER, null));
                },
                () -> {
                    TicketKpis.Report byDepartment = kpis.report(admin, OCTOBER, DECEMBER, TicketKpis.Dimension.DEPARTMENT);
                    TicketKpis.Row logistics = byDepartment.rows().stream().filter(r -> r.key().equals(String.valueOf(hq))).findFirst().orElseThrow();
                    assertThat(logistics.name()).isEqualTo("后勤保障处");
                    assertRecount(logistics.figures(), recount(OCTOBER, DECEMBER, hq));
                    assertThat(byDepartment.rows()).anyMatch(r -> r.key().equals("-") && r.figures().requests() == 1);
                },
                () -> {
                    TicketKpis.Report floors = kpis.report(admin, OCTOBER, DECEMBER, TicketKpis.Dimension.FLOOR);
                    assertThat(floors.rows()).hasSize(1);
                    assertThat(floors.rows().get(0).name()).contains(" / ");
                    assertRecount(floors.total(), recount(OCTOBER, DECEMBER, null));
                },
                () -> {
                    // Several breakdowns at once (one read of the requests not rolled up) give each one's report.
                    TicketKpis.Dimension[] asked = {TicketKpis.Dimension.MONTH, null, TicketKpis.Dimension.FLOOR,
                            TicketKpis.Dimension.CATEGORY, TicketKpis.Dimension.COLLEGE, TicketKpis.Dimension.BUILDING};
                    List<TicketKpis.Report> together = kpis.reports(admin, LocalDate.of(2029, 10, 10), DECEMBER, null, asked);
                    assertThat(together).hasSize(asked.length);
                    for (int i = 0; i < asked.length; i++) {
                        assertThat(together.get(i)).usingRecursiveComparison()
                                .isEqualTo(kpis.report(admin, LocalDate.of(2029, 10, 10), DECEMBER, asked[i]));
                    }
                    assertThat(together.get(1).total().requests()).isPositive();
                },
                () -> {
                    TicketKpis.Report own = kpis.report(head, OCTOBER, DECEMBER, TicketKpis.Dimension.CATEGORY);
                    assertThat(own.departmentId()).isEqualTo(hq);
                    assertThat(own.rows()).extracting(TicketKpis.Row::key).containsExactly("REPAIRS");
                    assertThat(own.total().requests()).as("returned (no department) and psychology are not theirs").isEqualTo(5);
                    assertRecount(own.total(), recount(OCTOBER, DECEMBER, hq));
                });
        checks.forEach(Runnable::run);
        rollup.rollUp();
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE kpi_rolled AND text LIKE '%KPI-TEST'").query(Long.class).single())
                .as("closed and withdrawn requests are rolled up").isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_kpi_cell WHERE period_start >= ? AND period_start < ?")
                .params(OCTOBER, DECEMBER).query(Long.class).single()).isPositive();
        checks.forEach(Runnable::run);
        rollup.rollUp();
        checks.forEach(Runnable::run);
    }

    @Test
    void onlyKpiRolesSeeKpisAndADepartmentHeadOnlyTheirOwn() throws Exception {
        assertThat(kpis.scope(users.viewer("depthead"))).isEqualTo(hq);
        assertThat(kpis.scope(users.viewer("affairs"))).isNull();
        assertThat(kpis.scope(users.viewer("dispatch"))).isNull();
        assertThat(kpis.scope(users.viewer("leader"))).isNull();
        for (String who : List.of("student", "counsellor", "handler")) {
            assertThatThrownBy(() -> kpis.report(users.viewer(who), OCTOBER, NOVEMBER, null)).isInstanceOf(NotFoundException.class);
            mvc.perform(get("/requests/kpis").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/requests/kpis").with(users.as(who))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/requests/kpis").param("from", "2029-10-01").param("to", "2029-11-01").param("dimension", "CATEGORY")
                        .with(users.as("depthead")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departmentId").value(hq))
                .andExpect(jsonPath("$.total.requests").value(4))
                .andExpect(jsonPath("$.total.onTimeResolutionRate.count").value(2))
                .andExpect(jsonPath("$.total.onTimeResolutionRate.of").value(3))
                .andExpect(jsonPath("$.rows[0].key").value("REPAIRS"));
        mvc.perform(get("/api/v1/requests/kpis").param("from", "2029-11-01").param("to", "2029-10-01").with(users.as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void theKpiPageShowsTheTableTheTrendAndALinkToTheBoard() throws Exception {
        String html = mvc.perform(get("/requests/kpis").param("period", "CUSTOM").param("from", "2029-10-01")
                        .param("to", "2029-11-30").param("dimension", "CATEGORY").with(users.as("affairs")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"kpi-table\"", "id=\"kpi-trend\"", "href=\"/board\"", "/requests?category=REPAIRS", "2029-11");
        assertThat(html).doesNotContain("KPI-TEST", "KPI-SECRET");
        String head = mvc.perform(get("/requests/kpis").param("period", "CUSTOM").param("from", "2029-10-01")
                        .param("to", "2029-10-31").param("dimension", "DEPARTMENT").param("lang", "en").with(users.as("depthead")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(head).contains("Figures of your department", "后勤保障处").doesNotContain("心理");
        mvc.perform(get("/requests/kpis").param("period", "YEAR").param("dimension", "FLOOR").with(users.as("leader")))
                .andExpect(status().isOk());
        assertThat(mvc.perform(get("/requests/kpis").param("period", "CUSTOM").param("from", "2029-12-01").param("to", "2029-10-01")
                        .param("lang", "en").with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("must end after");
    }

    @Test
    void theBoardShowsResolvedRequestsAnonymisedAndNeverPsychologyLegalOrSafety() throws Exception {
        TicketKpis.Board board = kpis.board(OCTOBER, DECEMBER);
        assertThat(board.byCategory()).containsOnlyKeys("ACADEMICS", "EMPLOYMENT", "FINANCIAL_AID", "REPAIRS", "DORM_LIFE", "OTHER");
        assertThat(board.byCategory().get("REPAIRS")).isEqualTo(4);
        assertThat(board.recent()).hasSize(4).allSatisfy(i -> assertThat(i.category().publishable()).isTrue());
        assertThat(board.recent()).extracting(TicketKpis.BoardItem::subcategory)
                .containsExactlyInAnyOrder(Category.Subcategory.WATER, Category.Subcategory.WATER, Category.Subcategory.ELECTRICITY,
                        Category.Subcategory.FURNITURE);

        Viewer student = users.viewer("student");
        String name = jdbc.sql("SELECT name FROM student WHERE id = ?").param(student.studentId()).query(String.class).single();
        String location = jdbc.sql("SELECT location FROM ticket WHERE text = ?").param(SECRET).query(String.class).single();
        clock.fix(Instant.parse("2029-11-08T04:00:00Z"));
        String json = mvc.perform(get("/api/v1/requests/board").with(users.as("student")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.byCategory.REPAIRS").value(4))
                .andReturn().getResponse().getContentAsString();
        String html = mvc.perform(get("/board").with(users.as("floorleader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String page : List.of(json, html)) {
            assertThat(page).doesNotContain("KPI-TEST", "KPI-SECRET", "马上来", "已换", name, location, "PSYCHOLOGY", "SAFETY", "LEGAL");
        }
        assertThat(html).contains("id=\"board-recent\"");
    }

    // — the plain recount —

    private Map<String, Object> recount(LocalDate from, LocalDate to, Long department) {
        return department == null ? recountWhere(from, to, "TRUE") : recountWhere(from, to, "t.department_id = ?", department);
    }

    private Map<String, Object> recountWhere(LocalDate from, LocalDate to, String condition, Object... args) {
        return recount(jdbc, from, to, condition, args);
    }

    /** The KPIs of DESIGN §5 counted straight from the request table: what the figures must equal. */
    static Map<String, Object> recount(JdbcClient jdbc, LocalDate from, LocalDate to, String condition, Object... args) {
        List<Object> params = new ArrayList<>(List.of(Timestamps.of(TicketKpis.start(from)), Timestamps.of(TicketKpis.start(to))));
        params.addAll(List.of(args));
        String where = " FROM ticket t WHERE t.submitted_at >= ? AND t.submitted_at < ? AND t.state <> 'WITHDRAWN' AND " + condition;
        Map<String, Object> counts = new java.util.HashMap<>(jdbc.sql("""
                        SELECT count(*) AS requests,
                               count(*) FILTER (WHERE t.first_response_at IS NOT NULL) AS responded,
                               count(*) FILTER (WHERE t.first_response_at IS NOT NULL AND t.responded_on_time) AS responded_on_time,
                               count(*) FILTER (WHERE t.resolved_at IS NOT NULL) AS resolved,
                               count(*) FILTER (WHERE t.resolved_at IS NOT NULL AND t.resolved_on_time) AS resolved_on_time,
                               count(*) FILTER (WHERE t.followed_up_at IS NOT NULL) AS answered,
                               count(*) FILTER (WHERE t.followed_up_at IS NOT NULL AND t.contacted) AS contacted,
                               count(*) FILTER (WHERE t.followed_up_at IS NOT NULL AND t.solved) AS solved,
                               count(*) FILTER (WHERE t.followed_up_at IS NOT NULL AND t.satisfaction IN ('SATISFIED', 'BASICALLY')) AS satisfied,
                               count(*) FILTER (WHERE t.returns > 0) AS returned,
                               count(*) FILTER (WHERE t.reopens > 0) AS reopened,
                               count(*) FILTER (WHERE t.supervision_level > 0) AS supervised""" + where)
                .params(params).query().singleRow());
        counts.put("median_response", jdbc.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t.response_minutes)" + where
                + " AND t.first_response_at IS NOT NULL").params(params).query().singleColumn().get(0));
        counts.put("median_resolution", jdbc.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t.resolution_minutes)" + where
                + " AND t.resolved_at IS NOT NULL").params(params).query().singleColumn().get(0));
        return counts;
    }

    static void assertRecount(TicketKpis.Figures f, Map<String, Object> sql) {
        assertThat(f.requests()).isEqualTo(n(sql, "requests"));
        assertThat(f.responseRate()).isEqualTo(TicketKpis.Rate.of(n(sql, "responded"), n(sql, "requests")));
        assertThat(f.onTimeResponseRate()).isEqualTo(TicketKpis.Rate.of(n(sql, "responded_on_time"), n(sql, "requests")));
        assertThat(f.resolved()).isEqualTo(n(sql, "resolved"));
        assertThat(f.onTimeResolutionRate()).isEqualTo(TicketKpis.Rate.of(n(sql, "resolved_on_time"), n(sql, "resolved")));
        assertThat(f.contactRate()).isEqualTo(TicketKpis.Rate.of(n(sql, "contacted"), n(sql, "answered")));
        assertThat(f.resolutionRate()).isEqualTo(TicketKpis.Rate.of(n(sql, "solved"), n(sql, "answered")));
        assertThat(f.satisfactionRate()).isEqualTo(TicketKpis.Rate.of(n(sql, "satisfied"), n(sql, "answered")));
        assertThat(f.returnRate()).isEqualTo(TicketKpis.Rate.of(n(sql, "returned"), n(sql, "requests")));
        assertThat(f.reopenRate()).isEqualTo(TicketKpis.Rate.of(n(sql, "reopened"), n(sql, "requests")));
        assertThat(f.supervised()).isEqualTo(n(sql, "supervised"));
        assertThat(f.medianResponseMinutes()).isEqualTo(d(sql.get("median_response")));
        assertThat(f.medianResolutionMinutes()).isEqualTo(d(sql.get("median_resolution")));
    }

    private static long n(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static Double d(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private long submit(Viewer student, Category category, Category.Subcategory sub, String text) {
        return tickets.submit(student, new Tickets.Submission(category, sub, false, text, null, null), List.of()).id();
    }

    private void at(Instant instant) {
        clock.fix(instant);
    }
}
