package org.shouwang.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shouwang.community.Organisations;
import org.shouwang.governance.DocumentDraft;
import org.shouwang.governance.DocumentFile;
import org.shouwang.governance.DocumentFormat;
import org.shouwang.governance.DocumentKind;
import org.shouwang.governance.DocumentVersionDraft;
import org.shouwang.governance.Documents;
import org.shouwang.governance.HonourDraft;
import org.shouwang.governance.HonourHolderKind;
import org.shouwang.governance.HonourLevel;
import org.shouwang.governance.Honours;
import org.shouwang.identity.Accounts;
import org.shouwang.people.People;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.Projects;
import org.shouwang.studios.Studios;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The community's documents and honours: the implementation plan of the one-stop community in two
 * published versions and a draft of the third, the department responsibility list for the
 * community, the apartment rules and last year's work report; and a dozen honours across the four
 * levels and the six kinds of holder (skipped quietly when a demo studio, project or organisation is absent).
 */
@Component
@Order(96)
class DemoPublications implements DemoSection {

    static final String PLAN = "守望学生社区“一站式”综合管理模式建设实施方案";

    private final Documents documents;
    private final Honours honours;
    private final People people;
    private final Studios studios;
    private final Projects projects;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Clock clock;

    DemoPublications(Documents documents, Honours honours, People people, Studios studios, Projects projects,
                     Organisations organisations, Accounts accounts, Clock clock) {
        this.documents = documents;
        this.honours = honours;
        this.people = people;
        this.studios = studios;
        this.projects = projects;
        this.organisations = organisations;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        Viewer affairs = context.viewer("affairs");
        Viewer leader = context.viewer("leader");
        LocalDate today = CampusTime.today(clock);
        Map<String, Long> departments = departments();
        documents(affairs, leader, today, departments);
        honours(affairs, today, departments);
    }

    private Map<String, Long> departments() {
        Map<String, Long> byName = new java.util.HashMap<>();
        people.departments().forEach(d -> byName.put(d.name(), d.id()));
        return byName;
    }

    private static DocumentVersionDraft text(String text, String note) {
        return new DocumentVersionDraft(text, DocumentFormat.MARKDOWN, note, null);
    }

    private void documents(Viewer affairs, Viewer leader, LocalDate today, Map<String, Long> departments) {
        long plan = documents.create(affairs, new DocumentDraft(PLAN, DocumentKind.IMPLEMENTATION_PLAN, departments.get("学生工作部")),
                text("""
                        # 一、总体目标
                        以学生社区为阵地，推动党建引领、育人力量下沉、管理服务进驻，建成“一站式”学生社区综合管理模式。

                        # 二、主要任务
                        1. 成立学生社区建设工作领导小组，党委书记、校长任组长。
                        2. 辅导员、班主任入驻社区，实行**驻楼值班**制度。
                        3. 建立学生诉求“首问负责、限时办结”机制。

                        # 三、保障措施
                        - 每年专题研究社区建设不少于 4 次；
                        - 社区建设经费纳入年度预算。
                        """, "首次发布"));
        documents.publishOn(leader, plan, today.minusDays(400));
        documents.draft(affairs, plan, text("""
                # 一、总体目标
                以学生社区为阵地，推动党建引领、育人力量下沉、管理服务进驻、学生自我管理，建成“一站式”学生社区综合管理模式，力争成为全国试点单位。

                # 二、主要任务
                1. 成立学生社区建设工作领导小组，党委书记、校长任组长。
                2. 辅导员、班主任入驻社区，实行**驻楼值班**制度，每周不少于 2 晚。
                3. 建立学生诉求“首问负责、限时办结”机制，发布部门责任清单。
                4. 设立 12 个功能型党支部，建设党员示范宿舍。
                5. 引入 21 家共建单位和校外育人力量。

                # 三、保障措施
                - 每年召开专题会议 4 次、研讨会 2 次；
                - 社区建设经费纳入年度预算；
                - 建设情况纳入部门年度考核。
                """, "增加功能型党支部、共建单位和考核要求"));
        documents.publishOn(leader, plan, today.minusDays(60));
        documents.draft(affairs, plan, text("""
                # 一、总体目标
                巩固全国试点成果，形成可推广的“一站式”学生社区综合管理模式。

                # 二、主要任务
                1. 完善领导小组议事规则，决定事项逐项督办。
                2. 辅导员、班主任驻楼值班每周不少于 3 晚。
                3. 部门责任清单每学期修订一次。
                """, "拟：按试点验收意见修订"));

        long list = documents.create(affairs, new DocumentDraft("学生社区部门责任清单", DocumentKind.RESPONSIBILITY_LIST,
                departments.get("学生社区服务中心")), text("""
                # 学生社区部门责任清单
                - **学生工作部**：统筹社区育人，辅导员驻楼，学生诉求督办。
                - **后勤保障处**：宿舍维修、水电、保洁，报修 24 小时内响应。
                - **保卫处**：社区警务室、消防与治安巡查。
                - **心理健康教育中心**：心理工作室值班、危机干预。
                - **教务处**：学业辅导进社区、学业预警。
                - **就业指导中心**：生涯工作室、招聘信息进社区。
                - **学生资助管理中心**：资助工作室、困难认定复核。
                - **团委**：学生组织与志愿服务。
                """, "首次发布"));
        documents.publishOn(leader, list, today.minusDays(300));

        long rules = documents.create(affairs, new DocumentDraft("学生社区公寓管理规定", DocumentKind.RULES,
                departments.get("后勤保障处")), new DocumentVersionDraft("""
                第一条 为维护学生社区安全、文明的生活秩序，制定本规定。

                第二条 学生应按学校分配的床位住宿，不得私自调换、转租床位。

                第三条 禁止在宿舍内使用大功率电器、私拉电线和存放易燃易爆物品。

                第四条 晚 23:00 后保持安静；访客须登记并于 22:00 前离开。""", DocumentFormat.PLAIN, "首次发布", null));
        documents.publishOn(affairs, rules, today.minusDays(500));

        long report = documents.create(affairs, new DocumentDraft("2025—2026 学年学生社区工作报告", DocumentKind.WORK_REPORT,
                departments.get("学生社区服务中心")), new DocumentVersionDraft("""
                # 工作概况
                本学年社区受理学生诉求逾千件，按时办结率 96%，学生满意率 95%。

                # 亮点
                - 12 个功能型党支部全部进驻社区；
                - 137 名校外育人力量参与社区活动；
                - 获评全国高校“一站式”学生社区综合管理模式建设试点单位。
                """, DocumentFormat.MARKDOWN, "学年总结", DocumentFile.of("工作报告摘要.pdf", minimalPdf())));
        documents.publishOn(leader, report, today.minusDays(30));
    }

    private record Award(String title, String body, HonourLevel level, int daysAgo, HonourHolderKind kind, Optional<Long> holder,
                         String studentNumber, String text, String link) {
    }

    private void honours(Viewer affairs, LocalDate today, Map<String, Long> departments) {
        Map<String, Long> projectIds = new java.util.HashMap<>();
        projects.list(affairs, ProjectViews.Filter.everything()).forEach(p -> projectIds.put(p.name(), p.id()));
        Map<String, Long> organisationIds = new java.util.HashMap<>();
        organisations.list().forEach(o -> organisationIds.put(o.name(), o.id()));
        String student = accounts.byUsername("student").map(a -> a.studentId()).flatMap(people::student)
                .map(s -> s.studentNumber()).orElse(null);
        String inspector = accounts.byUsername("inspector").map(a -> a.studentId()).flatMap(people::student)
                .map(s -> s.studentNumber()).orElse(null);
        Optional<Long> none = Optional.empty();
        List<Award> awards = List.of(
                new Award("全国高校“一站式”学生社区综合管理模式建设试点单位", "教育部思想政治工作司", HonourLevel.NATIONAL, 420,
                        HonourHolderKind.UNIVERSITY, none, null, "学校", "https://www.moe.gov.cn/"),
                new Award("全国高校思想政治工作精品项目", "教育部", HonourLevel.NATIONAL, 200, HonourHolderKind.PROJECT,
                        Optional.ofNullable(projectIds.get("守望·一站式学生社区育人品牌建设")), null, null, null),
                new Award("省级优秀辅导员工作室", "省教育厅", HonourLevel.PROVINCIAL, 330, HonourHolderKind.STUDIO,
                        studios.idByName("守望辅导员工作室"), null, null, null),
                new Award("省级心理健康教育示范中心", "省教育厅", HonourLevel.PROVINCIAL, 700, HonourHolderKind.STUDIO,
                        studios.idByName("心晴心理工作室"), null, null, null),
                new Award("省级平安校园建设先进集体", "省公安厅、省教育厅", HonourLevel.PROVINCIAL, 560, HonourHolderKind.DEPARTMENT,
                        Optional.ofNullable(departments.get("保卫处")), null, null, null),
                new Award("省级优秀学生社团", "共青团省委", HonourLevel.PROVINCIAL, 150, HonourHolderKind.ORGANISATION,
                        Optional.ofNullable(organisationIds.get("学生社区自律委员会")), null, null, null),
                new Award("市级文明宿舍", "市文明办", HonourLevel.MUNICIPAL, 90, HonourHolderKind.UNIVERSITY, none, null,
                        "守望学生社区 1 号楼 302 宿舍", null),
                new Award("市红十字会优秀应急救护培训点", "市红十字会", HonourLevel.MUNICIPAL, 260, HonourHolderKind.STUDIO,
                        studios.idByName("救在身边急救工作室"), null, null, null),
                new Award("市级优秀青年志愿者", "共青团市委", HonourLevel.MUNICIPAL, 120, HonourHolderKind.STUDENT, none, inspector,
                        null, null),
                new Award("校级优秀学生干部", "学校", HonourLevel.UNIVERSITY, 45, HonourHolderKind.STUDENT, none, student, null, null),
                new Award("校级先进集体", "学校", HonourLevel.UNIVERSITY, 380, HonourHolderKind.DEPARTMENT,
                        Optional.ofNullable(departments.get("学生社区服务中心")), null, null, null),
                new Award("校级十佳学生组织", "校团委", HonourLevel.UNIVERSITY, 100, HonourHolderKind.ORGANISATION,
                        Optional.ofNullable(organisationIds.get("校长助理团")), null, null, null),
                new Award("校级育人精品项目", "学校", HonourLevel.UNIVERSITY, 20, HonourHolderKind.PROJECT,
                        Optional.ofNullable(projectIds.get("心晴护航：朋辈心理互助计划")), null, null, null));
        for (Award a : awards) {
            boolean byStudent = a.kind() == HonourHolderKind.STUDENT;
            boolean named = a.kind() == HonourHolderKind.UNIVERSITY;
            if ((byStudent && a.studentNumber() == null) || (!byStudent && !named && a.holder().isEmpty())) {
                continue; // the studio, project, organisation or student is not in this demo
            }
            DocumentFile evidence = a.level() == HonourLevel.NATIONAL && a.kind() == HonourHolderKind.UNIVERSITY
                    ? DocumentFile.of("试点单位通知.pdf", minimalPdf()) : null;
            honours.record(affairs, new HonourDraft(a.title(), a.body(), a.level(), today.minusDays(a.daysAgo()), a.kind(),
                    a.holder().orElse(null), a.studentNumber(), a.text(), a.link()), evidence);
        }
    }

    /** A one-page PDF with no text: enough to show an attachment. */
    static byte[] minimalPdf() {
        String pdf = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }
}
