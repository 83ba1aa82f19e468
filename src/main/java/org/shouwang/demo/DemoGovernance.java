package org.shouwang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.shouwang.governance.ActionItemDraft;
import org.shouwang.governance.ActionItemStatus;
import org.shouwang.governance.ActionItems;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.governance.GoverningBodies;
import org.shouwang.governance.GoverningBodyDraft;
import org.shouwang.governance.GoverningBodyKind;
import org.shouwang.governance.MeetingDraft;
import org.shouwang.governance.MeetingKind;
import org.shouwang.governance.Meetings;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Governance of the community: the four bodies, this year's four dedicated meetings of the
 * leadership group on the community and two seminars of the working committee, each with agenda,
 * attendance, minutes and three to five decisions as action items of the departments that have
 * demo accounts (logistics HQ, academic affairs, employment, financial aid, security, community
 * centre). Decisions due in the past are done with notes, save (at most) two left overdue and
 * supervised; later ones are open or in progress. Meetings are spread over this year up to today.
 */
@Component
@Order(95)
class DemoGovernance implements DemoSection {

    static final String LEADERSHIP_GROUP = "一站式学生社区建设领导小组";

    /** Department code → the demo account that acts for it. */
    private static final Map<String, String> OWNERS = Map.of("HQ", "depthead", "JWC", "handler-jwc", "JY", "handler-jy",
            "ZZ", "handler-zz", "BW", "handler-bw", "SQ", "handler-sq");

    private record Decision(String text, String department, int days, String note) {
    }

    private record Plan(String body, MeetingKind kind, String title, String place, List<String> agenda, List<Decision> decisions,
                        String minutes) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan(LEADERSHIP_GROUP, MeetingKind.COMMUNITY, "一站式学生社区建设第一次专题会议", "行政楼第一会议室",
                    List.of("听取学生社区综合管理改革方案汇报", "审议年度建设任务清单", "研究社区“一站式”服务大厅建设"),
                    List.of(new Decision("制定社区服务大厅建设方案并完成选址", "SQ", 30, "方案已经领导小组审定，选址在 3 号楼一层。"),
                            new Decision("完成社区公共区域照明与门禁改造", "HQ", 60, "12 栋楼照明与门禁改造完成并通过验收。"),
                            new Decision("建立辅导员、班主任入驻社区值班制度", "JWC", 45, "值班制度印发，排班表已上线。"),
                            new Decision("社区安全隐患专项排查", "BW", 40, "排查隐患 37 处，已整改 37 处。")),
                    "会议听取了学生社区综合管理改革方案汇报，审议通过年度建设任务清单，明确各部门责任与时限。"),
            new Plan("学生社区工作委员会", MeetingKind.SEMINAR, "“三全育人”进社区研讨会", "学生社区服务中心报告厅",
                    List.of("交流各学院进社区育人做法", "讨论社区育人工作室运行机制"),
                    List.of(new Decision("出台社区育人工作室运行管理办法", "SQ", 50, "管理办法已印发执行。"),
                            new Decision("开展就业指导进社区“每周一讲”", "JY", 40, "已举办 12 场，参与学生 860 人次。"),
                            new Decision("资助育人活动纳入社区活动月历", "ZZ", 35, "已纳入并按月开展。")),
                    "与会人员交流了进社区育人的做法，认为工作室运行机制需进一步规范，会议形成三项决定。"),
            new Plan(LEADERSHIP_GROUP, MeetingKind.COMMUNITY, "一站式学生社区建设第二次专题会议", "行政楼第一会议室",
                    List.of("通报上半年建设进展", "研究学生诉求办理情况", "部署暑期社区维修工程"),
                    List.of(new Decision("暑期完成 4 栋宿舍热水系统改造", "HQ", 70, "热水系统改造完成，开学前通水。"),
                            new Decision("诉求办理超时问题专项整改", "SQ", 45, null),
                            new Decision("社区消防通道与电动车充电桩规范管理", "BW", 60, "新增充电桩 120 个，通道全部清理。"),
                            new Decision("社区自习空间扩容", "JWC", 90, "新增自习座位 300 个。")),
                    "会议通报了上半年建设进展，分析了诉求办理中的超时问题，部署了暑期维修工程。"),
            new Plan("学生社区工作委员会", MeetingKind.SEMINAR, "社区学生自治与安全研讨会", "学生社区服务中心会议室",
                    List.of("学生自律委员会工作经验交流", "讨论社区安全共建机制"),
                    List.of(new Decision("与属地派出所签订社区警务共建协议", "BW", 45, "协议已签订，警务室每周驻点。"),
                            new Decision("完善学生自律委员会检查结果公示", "SQ", 30, "检查结果已在社区公示栏和系统公示。"),
                            new Decision("困难学生宿舍走访全覆盖", "ZZ", 80, null)),
                    "会议交流了学生自律委员会的工作经验，研究了社区安全共建机制。"),
            new Plan(LEADERSHIP_GROUP, MeetingKind.COMMUNITY, "一站式学生社区建设第三次专题会议", "行政楼第一会议室",
                    List.of("听取秋季开学社区运行情况汇报", "研究新生入住服务问题", "审议社区建设考核办法"),
                    List.of(new Decision("新生入住问题清单限时办结", "HQ", 40, "清单 56 项全部办结。"),
                            new Decision("就业服务站入驻社区", "JY", 60, null),
                            new Decision("出台社区建设部门考核办法", "SQ", 75, null)),
                    "会议听取了开学以来社区运行情况汇报，对新生入住中反映的问题逐项明确责任部门和时限。"),
            new Plan(LEADERSHIP_GROUP, MeetingKind.COMMUNITY, "一站式学生社区建设第四次专题会议", "行政楼第一会议室",
                    List.of("年度建设任务完成情况评估", "研究明年建设重点", "部署冬季安全工作"),
                    List.of(new Decision("冬季宿舍用电安全专项检查", "BW", 30, null),
                            new Decision("编制明年社区建设任务清单", "SQ", 45, null),
                            new Decision("宿舍供暖设施检修", "HQ", 20, null),
                            new Decision("社区资助服务窗口常态化", "ZZ", 60, null),
                            new Decision("学业帮扶进社区计划", "JWC", 50, null)),
                    "会议评估了年度建设任务完成情况，研究了明年建设重点，部署冬季安全工作。"));

    private final GoverningBodies bodies;
    private final Meetings meetings;
    private final ActionItems actions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoGovernance(GoverningBodies bodies, Meetings meetings, ActionItems actions, JdbcTemplate jdbc, Clock clock) {
        this.bodies = bodies;
        this.meetings = meetings;
        this.actions = actions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        Viewer admin = context.viewer("admin");
        Set<String> existing = bodies.list(admin).stream().map(GovernanceViews.Body::name).collect(Collectors.toSet());
        if (existing.contains(LEADERSHIP_GROUP)) {
            return;
        }
        Map<String, Long> ids = new java.util.HashMap<>();
        ids.put(LEADERSHIP_GROUP, bodies.create(admin, new GoverningBodyDraft(LEADERSHIP_GROUP, GoverningBodyKind.LEADERSHIP_GROUP,
                "由校党委书记、校长任组长，统筹学生社区综合管理改革，每年召开专题会议不少于四次。",
                List.of("party", "leader"), List.of("affairs", "depthead", "handler-jwc", "handler-sq", "handler-bw"))));
        bodies.create(admin, new GoverningBodyDraft("校党委会", GoverningBodyKind.PARTY_COMMITTEE,
                "研究学生社区党建和思想政治工作的重大事项。", List.of("party"), List.of("leader", "affairs")));
        bodies.create(admin, new GoverningBodyDraft("校长办公会", GoverningBodyKind.PRESIDENT_OFFICE,
                "研究学生社区建设的经费、设施和服务保障。", List.of("leader"), List.of("affairs", "depthead", "handler-jwc")));
        ids.put("学生社区工作委员会", bodies.create(admin, new GoverningBodyDraft("学生社区工作委员会", GoverningBodyKind.WORKING_COMMITTEE,
                "学生工作部牵头，相关部门参加，落实领导小组部署，每年组织研讨会两次。", List.of("affairs"),
                List.of("depthead", "dispatch", "psych", "manager", "party", "handler-sq", "handler-jy", "handler-zz"))));

        Map<String, Long> departments = new java.util.HashMap<>();
        for (String code : OWNERS.keySet()) {
            departments.put(code, jdbc.queryForObject("SELECT id FROM department WHERE code = ?", Long.class, code));
        }
        LocalDate today = CampusTime.today(clock);
        LocalDate yearStart = today.withDayOfYear(1);
        long span = Math.max(1, today.toEpochDay() - yearStart.toEpochDay());
        Viewer recorder = context.viewer("affairs");
        int leftOverdue = 0;
        for (int i = 0; i < PLANS.size(); i++) {
            Plan plan = PLANS.get(i);
            LocalDate day = yearStart.plusDays(span * (2L * i + 1) / (2L * PLANS.size()));
            LocalDateTime at = day.atTime(plan.kind() == MeetingKind.SEMINAR ? 14 : 9, plan.kind() == MeetingKind.SEMINAR ? 30 : 0);
            List<String> attendees = plan.body().equals(LEADERSHIP_GROUP)
                    ? List.of("party", "leader", "affairs", "depthead", "handler-jwc", "handler-sq", "handler-bw")
                    : List.of("affairs", "depthead", "dispatch", "psych", "party", "handler-sq", "handler-jy", "handler-zz");
            long meeting = meetings.schedule(recorder, new MeetingDraft(ids.get(plan.body()), plan.kind(), plan.title(), at, plan.place(),
                    plan.agenda(), attendees));
            List<Long> present = new ArrayList<>();
            GovernanceViews.Meeting m = meetings.meeting(recorder, meeting);
            for (int a = 0; a < m.attendees().size(); a++) {
                if (a != m.attendees().size() - 1 - (i % 2)) {
                    present.add(m.attendees().get(a).accountId());
                }
            }
            if (at.isBefore(LocalDateTime.now(clock.withZone(CampusTime.ZONE)))) {
                meetings.recordMinutes(recorder, meeting, plan.minutes(), present, true, null);
            }
            for (Decision d : plan.decisions()) {
                LocalDate deadline = day.plusDays(d.days());
                long item = meetings.decide(recorder, meeting, new ActionItemDraft(d.text(), departments.get(d.department()), deadline));
                Viewer owner = context.viewer(OWNERS.get(d.department()));
                if (deadline.isBefore(today)) {
                    actions.progress(owner, item, ActionItemStatus.IN_PROGRESS, "已制定工作方案，明确责任人，正在推进。", null);
                    if (d.note() == null && leftOverdue < 2) {
                        leftOverdue++;
                        actions.supervise(item);
                    } else {
                        actions.close(owner, item, d.note() != null ? d.note() : "已按会议要求完成，相关材料已归档。", null);
                    }
                } else if (d.days() % 20 == 0) {
                    actions.progress(owner, item, ActionItemStatus.IN_PROGRESS, "已召开部门专题会部署，按计划推进中。", null);
                }
            }
        }
    }
}
