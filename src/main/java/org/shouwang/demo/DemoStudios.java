package org.shouwang.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.shouwang.identity.Accounts;
import org.shouwang.residence.Residence;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.StudioDraft;
import org.shouwang.studios.StudioType;
import org.shouwang.studios.Studios;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The studios stationed in the demo community, at the seed's scale: eight counsellor studios, the
 * head-teacher studio, the psychology studio and eight studios of partners and others (police,
 * legal aid, first aid, career, financial aid…), set up by the administrator through the real
 * service. Leaders without a demo account get one (password of the demo accounts), made from real
 * staff rows: counsellors lead the counsellor studios.
 */
@Component
@Order(10)
class DemoStudios implements DemoSection {

    /** Counsellor studios after the first (守望, led by the demo counsellor). */
    private static final List<String> COUNSELLOR_STUDIOS = List.of("启航辅导员工作室", "知行辅导员工作室", "筑梦辅导员工作室",
            "同心辅导员工作室", "青衿辅导员工作室", "匠心辅导员工作室", "朋辈辅导员工作室");

    private final Studios studios;
    private final Accounts accounts;
    private final Residence residence;
    private final JdbcTemplate jdbc;

    DemoStudios(Studios studios, Accounts accounts, Residence residence, JdbcTemplate jdbc) {
        this.studios = studios;
        this.accounts = accounts;
        this.residence = residence;
        this.jdbc = jdbc;
    }

    @Override
    public void load(Context context) {
        if (studios.idByName("守望辅导员工作室").isPresent()) {
            return;
        }
        Viewer admin = context.viewer("admin");
        String hash = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'admin'", String.class);
        List<Long> buildings = new ArrayList<>(residence.buildingNames().keySet());
        Long first = buildings.get(0);

        long shouwang = studios.create(admin, new StudioDraft("守望辅导员工作室", StudioType.COUNSELLOR, first, "社区服务中心 102 室",
                "counsellor", null, "谈心谈话；学业与生活指导；班级事务咨询；诉求首问受理",
                "周一至周五 8:30–11:30，14:00–17:30；周三晚 19:00–21:00", """
                        守望·常工业品牌的旗舰辅导员工作室。辅导员轮流驻楼，学生在宿舍楼下就能找到老师，
                        反映的问题当场登记，按部门责任清单转办、限期反馈。"""));
        studios.addMember(admin, shouwang, "studio");

        String[] services = {"学业规划与学风建设", "新生适应与朋辈互助", "寝室关系调解", "党团骨干培养", "劳动教育与社会实践",
                "工匠精神与技能竞赛辅导", "朋辈辅导员培训"};
        List<String> leaders = counsellorLeaders(hash, COUNSELLOR_STUDIOS.size());
        for (int i = 0; i < COUNSELLOR_STUDIOS.size(); i++) {
            Long building = buildings.get((i + 1) % buildings.size());
            studios.create(admin, new StudioDraft(COUNSELLOR_STUDIOS.get(i), StudioType.COUNSELLOR, building,
                    "一楼辅导员工作室", leaders.get(i), null, "谈心谈话；" + services[i], "周一至周五 14:00–17:30",
                    "驻楼辅导员工作室，主题：" + services[i] + "。"));
        }

        studios.create(admin, new StudioDraft("班主任工作室", StudioType.HEAD_TEACHER, first, "社区研讨室 201",
                "headteacher", null, "班主任进社区；学业辅导；家校沟通", "周二、周四 18:30–20:30",
                "班主任每周两晚进社区，与学生面对面交流学习与生活。"));
        studios.create(admin, new StudioDraft("心晴心理工作室", StudioType.PSYCHOLOGY, first, "社区心理辅导室 105（独立入口）",
                "psych", null, "个体心理咨询（预约制）；团体辅导；心理危机求助", "周一至周五 9:00–17:00；危机求助随时",
                "心理健康教育中心驻社区工作室。咨询内容严格保密，仅学生本人与心理中心可见。"));

        String legal = staffAccount("legal", "XB", 1, hash);
        String firstAid = staffAccount("firstaid", "TW", 1, hash);
        Long second = buildings.get(Math.min(1, buildings.size() - 1));
        record Stationed(String name, StudioType type, Long building, String venue, String leader, String partner,
                         String services, String hours, String description) {
        }
        List<Stationed> stationed = List.of(
                new Stationed("生涯发展工作室", StudioType.CAREER, second, "社区生涯咨询室 103", "handler-jy", null,
                        "职业测评；简历修改；模拟面试；岗位推荐", "周一至周五 14:00–17:00", "就业指导中心驻社区工作室。"),
                new Stationed("资助工作室", StudioType.FINANCIAL_AID, second, "社区服务中心 104 室", "handler-zz", null,
                        "资助政策咨询；助学贷款办理；勤工助学岗位", "周一至周五 9:00–11:30", "学生资助管理中心驻社区工作室。"),
                new Stationed("普法天平法律援助工作室", StudioType.LEGAL_AID, first, "社区服务中心 106 室", legal, "律师事务所",
                        "法律咨询；租房与实习合同审查；消费维权", "每周三 14:00–17:00", "与律师事务所共建，律师每周驻点。"),
                new Stationed("金盾护航警务工作室", StudioType.PARTNER, first, "社区警务室", "police", "公安分局",
                        "报警求助；防诈骗咨询；失物招领；安全宣传", "每天 8:00–22:00", "社区警务室与公安分局共建，民警驻社区值守。"),
                new Stationed("救在身边急救工作室", StudioType.PARTNER, second, "社区活动中心 108", firstAid, "市红十字会",
                        "应急救护培训；AED 使用教学；急救志愿者招募", "周五 15:00–17:00", "与市红十字会共建的急救培训点。"),
                new Stationed("青春护航反诈工作室", StudioType.PARTNER, first, "社区服务中心 107 室", "handler-bw", "市反诈中心",
                        "反诈宣传；可疑来电咨询；账户安全检查", "周一、周四 14:00–17:00", "保卫处与市反诈中心共建。"),
                new Stationed("学生社区治理研究室", StudioType.RESEARCH, null, "学生工作部 305 室", "affairs", null,
                        "一站式学生社区调研；数据分析；案例研究", "周一至周五 9:00–17:00", "研究一站式学生社区综合管理模式。"),
                new Stationed("邻里共建工作站", StudioType.PARTNER, second, "社区服务中心大厅", "handler-sq", "湖塘镇社区",
                        "志愿服务对接；社区实践岗位；邻里活动", "周六 9:00–12:00", "与属地社区共建的志愿服务站。"));
        for (Stationed s : stationed) {
            if (accounts.byUsername(s.leader()).isPresent()) {
                studios.create(admin, new StudioDraft(s.name(), s.type(), s.building(), s.venue(), s.leader(), s.partner(),
                        s.services(), s.hours(), s.description()));
            }
        }
    }

    /**
     * Usernames of leaders for the other counsellor studios: counsellors other than the demo one,
     * then head teachers when the campus has too few counsellors; each gets an account.
     */
    private List<String> counsellorLeaders(String hash, int count) {
        Long own = jdbc.queryForObject("SELECT staff_id FROM account WHERE username = 'counsellor'", Long.class);
        Long headTeacher = jdbc.queryForObject("SELECT staff_id FROM account WHERE username = 'headteacher'", Long.class);
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("""
                SELECT s.id, s.name FROM staff s WHERE s.title = '辅导员' AND s.id <> ?
                  AND s.id NOT IN (SELECT staff_id FROM account WHERE staff_id IS NOT NULL) ORDER BY s.staff_number""", own));
        int counsellors = rows.size();
        rows.addAll(jdbc.queryForList("""
                SELECT s.id, s.name FROM staff s WHERE s.title = '班主任' AND s.id <> ?
                  AND s.id NOT IN (SELECT staff_id FROM account WHERE staff_id IS NOT NULL) ORDER BY s.staff_number""",
                headTeacher));
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = rows.get(i);
            String username = "counsellor" + (i + 2);
            accounts.createQuietly(username, hash, (String) row.get("name"), null, ((Number) row.get("id")).longValue(), null,
                    i < counsellors ? EnumSet.of(Role.COUNSELLOR, Role.STUDIO_STAFF) : EnumSet.of(Role.HEAD_TEACHER, Role.STUDIO_STAFF));
            usernames.add(username);
        }
        return usernames;
    }

    /** An account for a studio leader from a staff row of a department (the index-th by staff number). */
    private String staffAccount(String username, String department, int index, String hash) {
        Map<String, Object> row = jdbc.queryForList("""
                SELECT s.id, s.name, s.department_id FROM staff s JOIN department d ON d.id = s.department_id
                WHERE d.code = ? ORDER BY s.staff_number""", department).get(index);
        accounts.createQuietly(username, hash, (String) row.get("name"), null, ((Number) row.get("id")).longValue(),
                ((Number) row.get("department_id")).longValue(), EnumSet.of(Role.STUDIO_STAFF));
        return username;
    }
}
