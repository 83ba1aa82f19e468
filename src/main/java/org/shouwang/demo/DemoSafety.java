package org.shouwang.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.shouwang.community.IncidentCategory;
import org.shouwang.community.IncidentDraft;
import org.shouwang.community.IncidentRole;
import org.shouwang.community.IncidentViews;
import org.shouwang.community.SafetyLog;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A month of the community police office's safety log: about twenty incidents across the demo
 * buildings (high-power appliances, e-bikes charged indoors, attempted phone fraud, thefts,
 * quarrels mediated…), recorded by the demo account {@code police} through {@link SafetyLog}, with
 * actions taken and most of them closed. Some name the demo {@code counsellor}, whose students they
 * concern, so the counsellor sees those and nothing else. Six incidents on the small test campus.
 */
@Component
@Order(60)
class DemoSafety implements DemoSection {

    private record Scenario(IncidentCategory category, String place, String description, List<IncidentRole> roles,
                            List<String> actions, String closing) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario(IncidentCategory.PROHIBITED_APPLIANCE, "{room} 室",
                    "夜间巡查发现宿舍内违规使用大功率电器（电热锅一只），插线板已发热。",
                    List.of(IncidentRole.PARTY), List.of("到场切断电源，暂扣电热锅。", "对当事学生进行消防安全教育，签署安全承诺书。"),
                    "电器已由宿管代为保管至放假，学生已接受教育。"),
            new Scenario(IncidentCategory.FIRE_HAZARD, "一楼楼道",
                    "发现学生将电动车电池带入宿舍楼，在楼道插座充电。",
                    List.of(IncidentRole.PARTY), List.of("现场制止，电池移至室外集中充电点。", "在楼栋群内再次通报电动车室内充电的危害。"),
                    "当事学生已改在集中充电点充电，楼栋已复查。"),
            new Scenario(IncidentCategory.FRAUD, "{room} 室",
                    "学生接到自称“电商客服”的电话，称需注销“学生贷”并转账，学生转账前向辅导员求助，电信诈骗未遂。",
                    List.of(IncidentRole.VICTIM), List.of("核实情况，确认未发生转账。", "协助学生拨打 96110 反诈专线登记涉诈号码。"),
                    "诈骗未遂，无财产损失；已在年级开展反诈提醒。"),
            new Scenario(IncidentCategory.THEFT, "{room} 室",
                    "学生报称放在书桌上的笔记本电脑在午休期间失窃，宿舍门当时未锁。",
                    List.of(IncidentRole.VICTIM, IncidentRole.WITNESS), List.of("到场勘查，询问同宿舍学生。", "调取楼栋入口监控，报派出所备案。"),
                    null),
            new Scenario(IncidentCategory.CONFLICT, "{room} 室",
                    "两名室友因作息时间和空调温度发生争吵，险些发生肢体冲突。",
                    List.of(IncidentRole.PARTY, IncidentRole.PARTY), List.of("到场劝开双方，分别谈话了解情况。", "会同辅导员进行同学矛盾调解，双方达成宿舍公约。"),
                    "双方已和解，辅导员一周后回访无异常。"),
            new Scenario(IncidentCategory.LOST_PROPERTY, "楼栋大厅",
                    "学生在楼栋大厅遗失校园卡和宿舍钥匙。",
                    List.of(IncidentRole.VICTIM), List.of("在失物登记簿登记，通知宿管留意。"),
                    "物品已由保洁人员拾到并归还本人。"),
            new Scenario(IncidentCategory.INTRUSION, "楼栋入口",
                    "一名校外人员尾随学生刷卡进入宿舍楼，被宿管发现。",
                    List.of(IncidentRole.WITNESS), List.of("将该人员带离宿舍楼并登记身份信息。", "提醒值班宿管加强入口核验。"),
                    "已移交校门岗，门禁尾随问题纳入整改。"),
            new Scenario(IncidentCategory.INJURY, "楼梯间",
                    "学生在楼梯间因地面湿滑摔倒，扭伤脚踝。",
                    List.of(IncidentRole.VICTIM), List.of("陪同学生到校医院就诊。", "通知后勤在楼梯口放置防滑提示。"),
                    "学生已康复，防滑垫已铺设。"),
            new Scenario(IncidentCategory.OTHER, "{room} 室",
                    "深夜宿舍内多人聚集喧哗，影响同楼层学生休息，被投诉。",
                    List.of(IncidentRole.PARTY, IncidentRole.WITNESS), List.of("到场劝散，提醒遵守作息制度。"),
                    null),
            new Scenario(IncidentCategory.PROHIBITED_APPLIANCE, "{room} 室",
                    "安全检查中发现宿舍私拉电线并使用电吹风以外的大功率卷发棒、电热毯。",
                    List.of(IncidentRole.PARTY), List.of("拆除私拉电线，暂扣违规电器。"),
                    "复查合格。"));

    private final SafetyLog safety;
    private final Residence residence;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoSafety(SafetyLog safety, Residence residence, JdbcTemplate jdbc, Clock clock) {
        this.safety = safety;
        this.residence = residence;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        Viewer police = context.viewer("police");
        Random random = new Random(context.seed() ^ 0x5AFE);
        List<Long> buildings = new ArrayList<>(residence.buildingNames().keySet());
        if (buildings.isEmpty()) {
            return;
        }
        int count = context.small() ? 6 : 20;
        LocalDateTime now = CampusTime.now(clock).toLocalDateTime();
        List<String[]> counsellorsStudents = jdbc.query("""
                        SELECT s.student_number, r.number FROM student s JOIN class_group c ON c.id = s.class_id
                        JOIN account a ON a.staff_id = c.counsellor_id AND a.username = 'counsellor'
                        JOIN bed b ON b.occupant_id = s.id JOIN room r ON r.id = b.room_id ORDER BY s.id""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        for (int i = 0; i < count; i++) {
            Scenario scenario = SCENARIOS.get(i % SCENARIOS.size());
            long building = buildings.get(i % buildings.size());
            boolean namesCounsellor = i % 3 == 0 && !counsellorsStudents.isEmpty();
            List<String[]> residents = namesCounsellor ? rotate(counsellorsStudents, i) : residents(building, i);
            if (residents.isEmpty()) {
                continue;
            }
            if (namesCounsellor) {
                building = jdbc.queryForObject("""
                        SELECT f.building_id FROM student s JOIN bed b ON b.occupant_id = s.id JOIN room r ON r.id = b.room_id
                        JOIN floor f ON f.id = r.floor_id WHERE s.student_number = ?""", Long.class, residents.get(0)[0]);
            }
            List<IncidentDraft.Involved> involved = new ArrayList<>();
            for (int k = 0; k < scenario.roles().size() && k < residents.size(); k++) {
                involved.add(new IncidentDraft.Involved(residents.get(k)[0], scenario.roles().get(k)));
            }
            // Spread over the past month, oldest first (so numbers follow time), the newest a few hours ago.
            int daysAgo = (int) Math.round((double) (count - 1 - i) * 29 / Math.max(1, count - 1));
            LocalDateTime occurred = now.minusDays(daysAgo).withHour(8 + random.nextInt(15)).withMinute(random.nextInt(60))
                    .withSecond(0).withNano(0);
            if (!occurred.isBefore(now)) {
                occurred = now.minusHours(3).withSecond(0).withNano(0);
            }
            IncidentViews.Incident incident = safety.record(police, new IncidentDraft(scenario.category(), occurred, building,
                    scenario.place().replace("{room}", residents.get(0)[1]), scenario.description(), involved,
                    namesCounsellor ? List.of("counsellor") : List.of()));
            LocalDateTime at = occurred;
            for (String action : scenario.actions()) {
                at = at.plus(Duration.ofMinutes(20 + random.nextInt(600)));
                if (at.isAfter(now)) {
                    at = now;
                }
                safety.addAction(police, incident.id(), new IncidentDraft.Action(at, action));
            }
            if (scenario.closing() != null && daysAgo > 2) {
                safety.close(police, incident.id(), scenario.closing());
            }
        }
    }

    /** Residents of a building (number, room), a different few for each incident. */
    private List<String[]> residents(long building, int offset) {
        List<String[]> all = jdbc.query("""
                        SELECT s.student_number, r.number FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                        JOIN student s ON s.id = b.occupant_id WHERE f.building_id = ? ORDER BY r.id, b.id""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, building);
        return rotate(all, offset * 7);
    }

    /** Up to three entries starting at offset: roommates or neighbours when the list is by room. */
    private static List<String[]> rotate(List<String[]> list, int offset) {
        if (list.isEmpty()) {
            return list;
        }
        List<String[]> out = new ArrayList<>();
        for (int k = 0; k < Math.min(3, list.size()); k++) {
            out.add(list.get((offset + k) % list.size()));
        }
        return out;
    }
}
