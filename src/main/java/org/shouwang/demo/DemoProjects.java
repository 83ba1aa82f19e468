package org.shouwang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.shouwang.identity.Accounts;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.MilestoneDraft;
import org.shouwang.studios.ProjectDraft;
import org.shouwang.studios.ProjectLevel;
import org.shouwang.studios.ProjectStatus;
import org.shouwang.studios.Projects;
import org.shouwang.studios.Studios;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The education projects of the demo community, at the seed's scale: seven featured and ten
 * quality projects of the demo studios, owned by their leaders, with milestones around today:
 * those past are done, except in three projects where one is overdue. A few projects are
 * completed (with their outcome), one is planned and one suspended.
 */
@Component
@Order(15)
class DemoProjects implements DemoSection {

    private record Plan(String name, ProjectLevel level, String studio, String owner, ProjectStatus status, boolean overdue,
                        String goals, String... milestones) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("守望·一站式学生社区育人品牌建设", ProjectLevel.FEATURED, "守望辅导员工作室", "counsellor", ProjectStatus.ACTIVE, true,
                    "把辅导员驻楼、诉求首问与部门联动做成可复制的社区育人品牌，学生满意率达到 95% 以上。",
                    "制定驻楼值班方案", "完成学生诉求受理台账", "开展品牌宣传月", "形成年度案例集", "申报省级品牌"),
            new Plan("心晴护航：朋辈心理互助计划", ProjectLevel.FEATURED, "心晴心理工作室", "psych", ProjectStatus.ACTIVE, false,
                    "每个楼层培养一名心理委员，建立“楼层—楼栋—中心”三级心理预警网络。",
                    "心理委员选拔", "心理委员培训（16 学时）", "三级预警演练", "学期总结"),
            new Plan("金盾护航平安社区共建", ProjectLevel.FEATURED, "金盾护航警务工作室", "police", ProjectStatus.ACTIVE, true,
                    "警校共建，社区电信诈骗案件同比下降一半，安全知识知晓率 100%。",
                    "警务室挂牌运行", "反诈宣传进宿舍", "安全隐患联合排查", "平安社区评估"),
            new Plan("生涯领航：一人一档职业规划", ProjectLevel.FEATURED, "生涯发展工作室", "handler-jy", ProjectStatus.ACTIVE, false,
                    "为毕业年级学生每人建立生涯档案，完成一次职业测评和一次一对一咨询。",
                    "职业测评全覆盖", "一对一咨询过半", "模拟招聘会", "生涯档案归档"),
            new Plan("资助育人暖心行动", ProjectLevel.FEATURED, "资助工作室", "handler-zz", ProjectStatus.COMPLETED, false,
                    "精准认定家庭经济困难学生，资助与励志、诚信教育结合。",
                    "困难认定复核", "诚信教育主题班会", "勤工助学岗位上线", "年度资助总结"),
            new Plan("班主任进社区：学风建设工程", ProjectLevel.FEATURED, "班主任工作室", "headteacher", ProjectStatus.ACTIVE, false,
                    "班主任每周两晚进社区，挂科率下降三成。",
                    "排定进社区日程", "期中学业预警", "学习小组结对", "期末复习答疑"),
            new Plan("普法天平：学生法律援助服务", ProjectLevel.FEATURED, "普法天平法律援助工作室", "legal", ProjectStatus.ACTIVE, false,
                    "律师每周驻点，学生法律咨询有求必应，典型案例进课堂。",
                    "律师驻点排班", "租房合同审查专场", "典型案例汇编"),
            new Plan("救在身边：急救技能进宿舍", ProjectLevel.QUALITY, "救在身边急救工作室", "firstaid", ProjectStatus.ACTIVE, false,
                    "每栋公寓至少 20 名持证急救员，每层配备急救包。",
                    "AED 点位布设", "第一期急救员培训", "第二期急救员培训", "应急演练"),
            new Plan("宿舍文化节", ProjectLevel.QUALITY, "启航辅导员工作室", "counsellor2", ProjectStatus.COMPLETED, false,
                    "以宿舍为单位开展文化节，评选十佳文明宿舍。",
                    "活动方案发布", "宿舍风采展示", "文明宿舍评选", "颁奖与总结"),
            new Plan("朋辈学业帮扶计划", ProjectLevel.QUALITY, "知行辅导员工作室", "counsellor3", ProjectStatus.ACTIVE, true,
                    "学业困难学生一对一结对帮扶，补考通过率提高到 80%。",
                    "帮扶对象摸排", "结对名单确定", "期中帮扶检查", "期末成效评估"),
            new Plan("新生适应引航计划", ProjectLevel.QUALITY, "筑梦辅导员工作室", "counsellor4", ProjectStatus.ACTIVE, false,
                    "帮助新生在第一学期适应大学学习与集体生活。",
                    "新生入住引导", "适应性团体辅导", "第一学期回访"),
            new Plan("寝室长能力提升训练营", ProjectLevel.QUALITY, "同心辅导员工作室", "counsellor5", ProjectStatus.ACTIVE, false,
                    "培训寝室长沟通、调解与安全管理能力。",
                    "训练营开营", "矛盾调解工作坊", "安全管理实训", "结营考核"),
            new Plan("劳动教育实践基地建设", ProjectLevel.QUALITY, "青衿辅导员工作室", "counsellor6", ProjectStatus.ACTIVE, false,
                    "建设社区劳动教育基地，每名学生每学期劳动不少于 16 小时。",
                    "基地选址与挂牌", "劳动清单发布", "劳动周活动"),
            new Plan("工匠精神宣讲团", ProjectLevel.QUALITY, "匠心辅导员工作室", "counsellor7", ProjectStatus.ACTIVE, false,
                    "邀请大国工匠与优秀校友进社区宣讲。",
                    "宣讲团组建", "首场宣讲", "宣讲进楼栋"),
            new Plan("社区反诈宣传周", ProjectLevel.QUALITY, "青春护航反诈工作室", "handler-bw", ProjectStatus.COMPLETED, false,
                    "一周内反诈宣传覆盖全体住宿学生。",
                    "宣传物料准备", "逐楼宣讲", "反诈知识竞赛"),
            new Plan("学生社区治理调研", ProjectLevel.QUALITY, "学生社区治理研究室", "affairs", ProjectStatus.PLANNED, false,
                    "调研一站式学生社区运行成效，形成调研报告。",
                    "问卷设计", "问卷发放与回收", "调研报告"),
            new Plan("邻里守望志愿服务", ProjectLevel.QUALITY, "邻里共建工作站", "handler-sq", ProjectStatus.SUSPENDED, false,
                    "与属地社区共建志愿服务岗位，学生常态参与邻里服务。",
                    "志愿岗位对接", "首批志愿者上岗", "服务时长认定"));

    private final Projects projects;
    private final Studios studios;
    private final Accounts accounts;
    private final Clock clock;

    DemoProjects(Projects projects, Studios studios, Accounts accounts, Clock clock) {
        this.projects = projects;
        this.studios = studios;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        Viewer admin = context.viewer("admin");
        LocalDate today = CampusTime.today(clock);
        java.util.Set<String> existing = new java.util.HashSet<>();
        projects.list(admin, null).forEach(r -> existing.add(r.name()));
        for (Plan plan : PLANS) {
            if (existing.contains(plan.name()) || accounts.byUsername(plan.owner()).isEmpty()) {
                continue;
            }
            LocalDate starts;
            LocalDate ends;
            switch (plan.status()) {
                case COMPLETED -> {
                    starts = today.minusDays(400);
                    ends = today.minusDays(30);
                }
                case PLANNED -> {
                    starts = today.plusDays(20);
                    ends = today.plusDays(300);
                }
                default -> {
                    starts = today.minusDays(150);
                    ends = today.plusDays(210);
                }
            }
            String outcome = plan.status() == ProjectStatus.COMPLETED
                    ? "按期结项：" + plan.goals().replace("。", "") + "，目标全部达成，形成总结报告与案例汇编。" : null;
            long id = projects.create(admin, new ProjectDraft(plan.name(), plan.level(), studios.idByName(plan.studio()).orElse(null),
                    plan.owner(), plan.goals(), starts, ends, plan.status(), outcome));
            int n = plan.milestones().length;
            long span = ends.toEpochDay() - starts.toEpochDay();
            for (int i = 0; i < n; i++) {
                LocalDate due = starts.plusDays(span * (i + 1) / (n + 1));
                long milestone = projects.addMilestone(admin, id, new MilestoneDraft(plan.milestones()[i], due, null));
                boolean past = due.isBefore(today);
                boolean lastPast = past && (i + 1 == n || !starts.plusDays(span * (i + 2) / (n + 1)).isBefore(today));
                if (past && !(plan.overdue() && lastPast) && plan.status() != ProjectStatus.SUSPENDED) {
                    LocalDate done = due.minusDays(2).isBefore(starts) ? starts : due.minusDays(2);
                    projects.markDone(admin, id, milestone, done, null);
                }
            }
        }
    }
}
