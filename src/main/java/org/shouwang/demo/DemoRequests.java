package org.shouwang.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.BusinessCalendar;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Category.Subcategory;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.Satisfaction;
import org.shouwang.tickets.SupervisionScan;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A term's worth of requests in every state, made by walking the real closed loop through the
 * request facade (submit, dispatch, accept, reply, resolve, follow-up, return, merge…), then spread
 * over the past weeks: each step is moved to a plausible time and the request's deadlines and
 * times are recomputed on the business calendar, so lists, timelines and KPIs look like a real term.
 */
@Component
class DemoRequests {

    private static final String[][] TEXTS = {
            {"REPAIRS", "WATER", "卫生间水龙头一直滴水，关不紧", "热水器不出热水了", "阳台地漏堵了，积水很多", "洗手池下水管漏水"},
            {"REPAIRS", "ELECTRICITY", "宿舍顶灯不亮了", "空调开机后一会儿就跳闸", "插座松动，插头插不稳"},
            {"REPAIRS", "FURNITURE", "上铺床梯螺丝松了，有点晃", "衣柜门合页坏了", "书桌抽屉拉不出来"},
            {"REPAIRS", "NETWORK", "宿舍网口没有信号", "晚上校园网经常断线"},
            {"REPAIRS", "DOOR_LOCK", "宿舍门锁很难拧开", "阳台门关不严"},
            {"ACADEMICS", null, "想咨询转专业的条件和时间", "补考时间和课程冲突怎么办", "选课系统里找不到这门公选课"},
            {"EMPLOYMENT", null, "想了解暑期实习的推荐渠道", "三方协议丢了怎么补办", "能否预约一次简历指导"},
            {"FINANCIAL_AID", null, "家庭经济困难认定需要什么材料", "助学贷款回执什么时候交", "勤工助学岗位还有空缺吗"},
            {"PSYCHOLOGY", null, "最近睡不好，压力很大，想预约心理咨询", "和室友关系紧张，不知道怎么处理"},
            {"SAFETY", null, "楼道灭火器过期了", "晚上楼下有陌生人徘徊", "安全出口指示灯不亮"},
            {"DORM_LIFE", null, "想申请调换宿舍", "楼层卫生间保洁不及时", "晚上隔壁宿舍太吵影响休息"},
            {"LEGAL", null, "兼职被拖欠工资，想咨询怎么维权", "租房押金不退怎么办"},
            {"OTHER", null, "希望社区增设自习座位", "快递点开放时间能否延长"}};

    private static final String[] REPLIES = {"您好，已收到，我们会尽快处理。", "已安排工作人员联系您。", "师傅将于今天下午上门。"};
    private static final String[] FEEDBACK = {"已维修完毕，请确认。", "已按政策办理，材料已受理。", "已电话沟通并解决。"};

    private final Tickets tickets;
    private final SupervisionScan scan;
    private final BusinessCalendar calendar;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoRequests(Tickets tickets, SupervisionScan scan, BusinessCalendar calendar, UserDetailsService users, JdbcTemplate jdbc,
                 Clock clock) {
        this.tickets = tickets;
        this.scan = scan;
        this.calendar = calendar;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private enum Target { DESK, DISPATCHED, ACCEPTED, IN_PROGRESS, WAITING, RESOLVED, CLOSED, REOPENED, RETURNED, WITHDRAWN, MERGED, ON_SPOT }

    private static final Target[] MIX = {Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED,
            Target.CLOSED, Target.RESOLVED, Target.RESOLVED, Target.IN_PROGRESS, Target.IN_PROGRESS, Target.ACCEPTED,
            Target.DISPATCHED, Target.DISPATCHED, Target.WAITING, Target.DESK, Target.RETURNED, Target.REOPENED, Target.WITHDRAWN,
            Target.MERGED, Target.ON_SPOT};

    /** Requests made only in the demo year: every one is responded to, most are followed up and closed. */
    private static final Target[] RESPONDED_MIX = {Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED,
            Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.RESOLVED,
            Target.RESOLVED, Target.IN_PROGRESS, Target.IN_PROGRESS, Target.WAITING, Target.REOPENED, Target.ON_SPOT};

    /** Before the last weeks of the demo year: settled long ago, followed up and closed, or handled on the spot. */
    private static final Target[] SETTLED_MIX = {Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED,
            Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.CLOSED, Target.ON_SPOT};

    /** Who and what a batch of requests is made with. */
    private record Cast(List<String> residents, Map<Long, Viewer> handlers, Viewer desk, Viewer manager, long community,
                        Instant now, List<Long> open) {
    }

    /** Makes {@code count} requests of random residents, in every state, over the past {@code weeks} weeks. */
    void load(int count, long seed, int weeks) {
        load(count, seed, weeks, false);
    }

    /**
     * Makes {@code count} requests of random residents over the past {@code weeks} weeks: in every
     * state, or with {@code respondedOnly} only in states after a first response (the demo year's
     * 100% response rate: none waits at the desk, none is returned, withdrawn or merged unanswered).
     */
    void load(int count, long seed, int weeks, boolean respondedOnly) {
        Random random = new Random(seed);
        Cast cast = cast();
        Target[] mix = respondedOnly ? RESPONDED_MIX : MIX;
        for (int i = 0; i < count; i++) {
            Target target = mix[random.nextInt(mix.length)];
            make(cast, target, random, (id, r) -> spread(id, cast.now(), target == Target.RESOLVED ? 3 : weeks * 7, r));
        }
        if (count > 0) {
            ownRequests(viewer("student"), cast.handlers(), cast.now(), random);
        }
        scan.scan();
    }

    /**
     * Tops the demo year up to {@link DemoYear#REQUESTS} requests submitted in it (withdrawn ones
     * aside): the missing ones are settled requests (closed after their follow-up, or handled on the
     * spot) submitted on days of the year before its last eight weeks (which the term's requests
     * fill, when there are enough of them), fewer in the vacations.
     */
    void loadYear(DemoYear year, long seed) {
        Long made = jdbc.queryForObject("SELECT count(*) FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ?",
                Long.class, Timestamps.of(year.start()), Timestamps.of(year.end()));
        int missing = DemoYear.REQUESTS - (int) (made == null ? 0 : made);
        if (missing <= 0) {
            return;
        }
        Random random = new Random(seed + 365);
        Cast cast = cast();
        // Before the last eight weeks when the term's requests fill those; otherwise over the whole year up to yesterday.
        Long recent = jdbc.queryForObject("SELECT count(*) FROM ticket WHERE submitted_at >= ?", Long.class,
                Timestamps.of(year.to().minusWeeks(8).atStartOfDay(CampusTime.ZONE).toInstant()));
        LocalDate last = recent != null && recent >= DemoYear.REQUESTS / 13 ? year.to().minusWeeks(8).minusDays(1) : year.to().minusDays(1);
        long days = Math.max(1, last.toEpochDay() - year.from().toEpochDay() + 1);
        for (int i = 0; i < missing; i++) {
            Target target = SETTLED_MIX[random.nextInt(SETTLED_MIX.length)];
            LocalDate day = year.from().plusDays(random.nextLong(days));
            while (DemoYear.vacation(day) && random.nextInt(4) != 0) {
                day = year.from().plusDays(random.nextLong(days));
            }
            Instant submitted = day.atTime(8, 0).atZone(CampusTime.ZONE).toInstant().plus(Duration.ofMinutes(random.nextInt(12 * 60)));
            make(cast, target, random, (id, r) -> place(id, submitted, cast.now(), r));
        }
        scan.scan();
    }

    /**
     * Answers, through the closed loop, the requests of the year that other parts of the demo made
     * and left unanswered (repairs registered by dorm inspections…): the demo year's response rate is 100%.
     */
    void respondToAll(DemoYear year) {
        List<Long> ids = jdbc.queryForList("""
                        SELECT id FROM ticket WHERE first_response_at IS NULL AND state NOT IN ('WITHDRAWN', 'MERGED')
                          AND submitted_at >= ? AND submitted_at < ? ORDER BY id""", Long.class,
                Timestamps.of(year.start()), Timestamps.of(year.end()));
        if (ids.isEmpty()) {
            return;
        }
        Cast cast = cast();
        for (long id : ids) {
            if (departmentOf(id) == null) {
                tickets.dispatch(cast.desk(), id, cast.community(), null);
            }
            Viewer handler = cast.handlers().get(departmentOf(id));
            String state = jdbc.queryForObject("SELECT state FROM ticket WHERE id = ?", String.class, id);
            if ("DISPATCHED".equals(state)) {
                tickets.accept(handler, id, null);
            }
            tickets.reply(handler, id, REPLIES[(int) (id % REPLIES.length)], List.of(), null);
        }
    }

    private Cast cast() {
        List<String> residents = jdbc.queryForList("""
                SELECT s.student_number FROM student s JOIN bed b ON b.occupant_id = s.id
                JOIN account a ON a.username = s.student_number ORDER BY s.student_number""", String.class);
        long community = jdbc.queryForObject("SELECT id FROM department WHERE code = 'SQ'", Long.class);
        return new Cast(residents, handlers(), viewer("dispatch"), viewer("manager"), community, clock.instant(), new ArrayList<>());
    }

    /** Moves a request made now to its time in the past. */
    private interface Placement {
        void place(long id, Random random);
    }

    /** One request of a random resident brought to {@code target} through the closed loop, then placed in time. */
    private void make(Cast cast, Target target, Random random, Placement placement) {
        Map<Long, Viewer> handlers = cast.handlers();
        Viewer desk = cast.desk();
        List<Long> open = cast.open();
        List<String> residents = cast.residents();
        String[] kind = TEXTS[target == Target.DESK ? TEXTS.length - 1 - random.nextInt(2) : random.nextInt(TEXTS.length)];
        Category category = Category.valueOf(kind[0]);
        Subcategory sub = kind[1] == null ? null : Subcategory.valueOf(kind[1]);
        String text = kind[2 + random.nextInt(kind.length - 2)];
        boolean urgent = category.allowsUrgency() && random.nextInt(6) == 0;
        Viewer student = viewer(residents.get(random.nextInt(residents.size())));
        Tickets.Submission submission = new Tickets.Submission(category, sub, urgent, text, null, null);
        TicketViews.Submitted s;
        if (target == Target.ON_SPOT) {
            String number = jdbc.queryForObject("SELECT s.student_number FROM student s WHERE s.id = ?", String.class, student.studentId());
            s = tickets.register(cast.manager(), new Tickets.Registration(number, Channel.IN_PERSON, submission, true, "当场已处理"), List.of());
            placement.place(s.id(), random);
            return;
        }
        s = tickets.submit(student, submission, List.of());
        long id = s.id();
        if (target == Target.DESK) {
            spread(id, cast.now(), 3, random);
            return;
        }
        if (departmentOf(id) == null) {
            tickets.dispatch(desk, id, cast.community(), null);
        }
        Viewer handler = handlers.get(departmentOf(id));
        switch (target) {
            case DISPATCHED -> {
            }
            case RETURNED -> tickets.returnToDispatch(handler, id, clauseOf(id), "不属于本部门职责", null);
            case WITHDRAWN -> tickets.withdraw(student, id, "问题已自行解决", null);
            case MERGED -> {
                if (open.isEmpty() || category.confidential()) {
                    tickets.withdraw(student, id, "问题已自行解决", null);
                } else {
                    tickets.merge(desk, id, open.get(random.nextInt(open.size())), null);
                }
            }
            default -> {
                tickets.accept(handler, id, null);
                if (target != Target.ACCEPTED) {
                    tickets.reply(handler, id, REPLIES[random.nextInt(REPLIES.length)], List.of(), null);
                }
                if (target == Target.WAITING) {
                    tickets.ask(handler, id, "请补充照片或具体时间，方便我们处理。", null);
                }
                if (target == Target.RESOLVED || target == Target.CLOSED || target == Target.REOPENED) {
                    tickets.resolve(handler, id, FEEDBACK[random.nextInt(FEEDBACK.length)], List.of(), null);
                }
                if (target == Target.CLOSED) {
                    int answer = random.nextInt(10);
                    tickets.followUp(student, id, new Tickets.FollowUp(answer != 9,
                            true, answer < 7 ? Satisfaction.SATISFIED : Satisfaction.BASICALLY), null);
                }
                if (target == Target.REOPENED) {
                    tickets.followUp(student, id, new Tickets.FollowUp(true, false, Satisfaction.NOT), null);
                }
            }
        }
        if (!category.confidential() && (target == Target.DISPATCHED || target == Target.ACCEPTED || target == Target.IN_PROGRESS)) {
            open.add(id);
        }
        // Resolved ones await their follow-up, which closes them unrated after a week.
        placement.place(id, random);
    }

    /** The demo student's own: one closed after a satisfied follow-up, one being handled, one awaiting the follow-up. */
    private void ownRequests(Viewer student, Map<Long, Viewer> handlers, Instant now, Random random) {
        long closed = tickets.submit(student, new Tickets.Submission(Category.REPAIRS, Subcategory.ELECTRICITY, false,
                "宿舍顶灯不亮了，晚上没法看书", null, null), List.of()).id();
        Viewer handler = handlers.get(departmentOf(closed));
        tickets.accept(handler, closed, null);
        tickets.reply(handler, closed, "师傅明天上午上门更换灯管。", List.of(), null);
        tickets.resolve(handler, closed, "已更换灯管，请确认。", List.of(), null);
        tickets.followUp(student, closed, new Tickets.FollowUp(true, true, Satisfaction.SATISFIED), null);
        spread(closed, now, 30, random);
        long handling = tickets.submit(student, new Tickets.Submission(Category.ACADEMICS, null, false,
                "想咨询转专业的条件和时间", null, null), List.of()).id();
        Viewer office = handlers.get(departmentOf(handling));
        tickets.accept(office, handling, null);
        tickets.reply(office, handling, "转专业申请每学年春季开放，具体条件见教务处通知，我们会再电话联系您。", List.of(), null);
        spread(handling, now, 2, random);
        long resolved = tickets.submit(student, new Tickets.Submission(Category.REPAIRS, Subcategory.FURNITURE, false,
                "上铺床梯螺丝松了，有点晃", null, null), List.of()).id();
        tickets.accept(handler, resolved, null);
        tickets.resolve(handler, resolved, "已紧固床梯螺丝。", List.of(), null);
        spread(resolved, now, 2, random);
    }

    /**
     * Moves a request back to a random working moment of the past weeks and gives its steps
     * plausible gaps; deadlines, durations and on-time flags are recomputed from those times.
     */
    private void spread(long id, Instant now, int days, Random random) {
        Instant submitted = now.minus(Duration.ofDays(random.nextInt(Math.max(1, days)) + 1L)).minus(Duration.ofMinutes(random.nextInt(600)));
        place(id, submitted, now, random);
    }

    /** Moves a request back to {@code submitted}, its steps after it with plausible gaps (none after now), and recomputes its times. */
    private void place(long id, Instant submitted, Instant now, Random random) {
        List<Map<String, Object>> events = jdbc.queryForList("SELECT id, kind FROM ticket_event WHERE ticket_id = ? ORDER BY id", id);
        Map<String, Instant> first = new HashMap<>();
        Instant at = submitted;
        for (Map<String, Object> e : events) {
            String kind = (String) e.get("kind");
            if (!first.isEmpty()) {
                at = at.plus(Duration.ofMinutes(kind.equals("DISPATCHED") ? 1 + random.nextInt(30) : 20 + random.nextInt(kind.equals("RESOLVED") ? 2400 : 400)));
            }
            if (at.isAfter(now)) {
                at = now;
            }
            first.putIfAbsent(kind, at);
            jdbc.update("UPDATE ticket_event SET at = ? WHERE id = ?", Timestamps.of(at), e.get("id"));
        }
        Map<String, Object> t = jdbc.queryForMap("""
                SELECT t.urgent, r.dispatch_hours, r.respond_hours, r.resolve_hours, r.urgent_respond_hours, r.urgent_resolve_hours
                FROM ticket t LEFT JOIN responsibility r ON r.id = t.responsibility_id WHERE t.id = ?""", id);
        boolean urgent = (Boolean) t.get("urgent");
        int respondHours = t.get("respond_hours") == null ? 8 : ((Number) t.get(urgent ? "urgent_respond_hours" : "respond_hours")).intValue();
        int resolveHours = t.get("resolve_hours") == null ? 40 : ((Number) t.get(urgent ? "urgent_resolve_hours" : "resolve_hours")).intValue();
        Instant dispatched = first.getOrDefault("DISPATCHED", first.get("DECIDED"));
        Instant response = earliest(first.get("REPLIED"), first.get("ASKED"), first.get("RESOLVED"));
        Instant resolved = first.get("RESOLVED");
        Instant closed = earliest(first.get("FOLLOWED_UP"), first.get("WITHDRAWN"), first.get("MERGED"), first.get("CLOSED"));
        Instant respondBy = dispatched == null ? null : calendar.after(dispatched, respondHours * 60L, urgent);
        Instant resolveBy = dispatched == null ? null : calendar.after(dispatched, resolveHours * 60L, urgent);
        boolean onSpot = first.containsKey("REGISTERED") && resolved != null && closed == null;
        if (onSpot) {
            response = submitted;
            resolved = submitted;
            closed = submitted;
            jdbc.update("UPDATE ticket_event SET at = ? WHERE ticket_id = ?", Timestamps.of(submitted), id);
        }
        jdbc.update("""
                        UPDATE ticket SET submitted_at = ?, dispatch_by = ?, dispatched_at = ?, accepted_at = ?, respond_by = ?,
                            first_response_at = ?, resolve_by = ?, resolved_at = ?, closed_at = ?, followed_up_at = ?,
                            paused_at = CASE WHEN state = 'WAITING_ON_STUDENT' THEN CAST(? AS TIMESTAMP WITH TIME ZONE) ELSE NULL END,
                            response_minutes = ?, resolution_minutes = ?, responded_on_time = ?, resolved_on_time = ?,
                            next_check_at = CASE WHEN state IN ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS',
                                'WAITING_ON_STUDENT', 'RETURNED', 'REOPENED', 'RESOLVED') THEN CAST(? AS TIMESTAMP WITH TIME ZONE) END
                        WHERE id = ?""",
                Timestamps.of(submitted), ts(calendar.after(submitted, 4 * 60L, urgent)), ts(dispatched), ts(first.get("ACCEPTED")),
                ts(respondBy), ts(response), ts(resolveBy), ts(resolved), ts(closed), ts(first.get("FOLLOWED_UP")),
                ts(first.get("ASKED")),
                response == null ? null : (int) calendar.minutesBetween(submitted, response, urgent),
                resolved == null ? null : (int) calendar.minutesBetween(submitted, resolved, urgent),
                response == null ? null : respondBy == null || !response.isAfter(respondBy),
                resolved == null ? null : resolveBy == null || !resolved.isAfter(resolveBy), Timestamps.of(submitted), id);
    }

    private Map<Long, Viewer> handlers() {
        Map<Long, Viewer> handlers = new HashMap<>();
        jdbc.query("""
                SELECT a.username, a.department_id FROM account a JOIN account_role r ON r.account_id = a.id
                WHERE r.role IN ('DEPARTMENT_HANDLER', 'PSYCHOLOGY_CENTRE') AND a.department_id IS NOT NULL ORDER BY a.username""",
                rs -> { handlers.putIfAbsent(rs.getLong(2), viewer(rs.getString(1))); });
        return handlers;
    }

    private Long departmentOf(long id) {
        return jdbc.queryForObject("SELECT department_id FROM ticket WHERE id = ?", Long.class, id);
    }

    private String clauseOf(long id) {
        String clause = jdbc.queryForObject("""
                SELECT r.clause FROM ticket t LEFT JOIN responsibility r ON r.id = t.responsibility_id WHERE t.id = ?""", String.class, id);
        return clause != null ? clause : "7.1";
    }

    private Viewer viewer(String username) {
        return ((Viewer.Principal) users.loadUserByUsername(username)).viewer();
    }

    private static Instant earliest(Instant... instants) {
        Instant min = null;
        for (Instant i : instants) {
            if (i != null && (min == null || i.isBefore(min))) {
                min = i;
            }
        }
        return min;
    }

    private static Object ts(Instant instant) {
        return instant == null ? null : Timestamps.of(instant);
    }
}
