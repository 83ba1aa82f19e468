package org.shouwang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.shouwang.community.DefectKind;
import org.shouwang.community.InspectionAppeals;
import org.shouwang.community.InspectionArea;
import org.shouwang.community.InspectionViews;
import org.shouwang.community.Inspections;
import org.shouwang.community.OrganisationDraft;
import org.shouwang.community.OrganisationKind;
import org.shouwang.community.Organisations;
import org.shouwang.community.Position;
import org.shouwang.community.Rectifications;
import org.shouwang.community.Rubric;
import org.shouwang.community.RoundMode;
import org.shouwang.identity.Accounts;
import org.shouwang.people.People;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A month of dorm inspections through the real moves: the self-discipline committee (made here when
 * helper sections have not made it), the rubric, weekly spot checks of every building by the demo
 * {@code inspector} and the building manager's floor rounds, defects with rectifications (older
 * ones re-inspected), two repair requests registered from "needs repair" defects, and an appeal.
 */
@Component
@Order(50)
class DemoInspections implements DemoSection {

    static final String COMMITTEE = "学生社区自律委员会";

    private record ItemSeed(InspectionArea area, String text, int max, DefectKind kind, String repair) {
    }

    private static final List<ItemSeed> RUBRIC = List.of(
            new ItemSeed(InspectionArea.HYGIENE, "地面卫生", 10, DefectKind.ORDINARY, null),
            new ItemSeed(InspectionArea.HYGIENE, "床铺整理", 5, DefectKind.ORDINARY, null),
            new ItemSeed(InspectionArea.HYGIENE, "桌面与物品摆放", 5, DefectKind.ORDINARY, null),
            new ItemSeed(InspectionArea.HYGIENE, "阳台与卫生间清洁", 10, DefectKind.ORDINARY, null),
            new ItemSeed(InspectionArea.HYGIENE, "垃圾未及时清理", 5, DefectKind.ORDINARY, null),
            new ItemSeed(InspectionArea.SAFETY, "违规电器", 20, DefectKind.SAFETY_HAZARD, null),
            new ItemSeed(InspectionArea.SAFETY, "私拉电线", 20, DefectKind.SAFETY_HAZARD, null),
            new ItemSeed(InspectionArea.SAFETY, "使用明火或吸烟", 20, DefectKind.SAFETY_HAZARD, null),
            new ItemSeed(InspectionArea.SAFETY, "门锁损坏", 5, DefectKind.NEEDS_REPAIR, "DOOR_LOCK"),
            new ItemSeed(InspectionArea.SAFETY, "水龙头漏水", 5, DefectKind.NEEDS_REPAIR, "WATER"),
            new ItemSeed(InspectionArea.SAFETY, "灯具或插座损坏", 5, DefectKind.NEEDS_REPAIR, "ELECTRICITY"),
            new ItemSeed(InspectionArea.SAFETY, "堵塞消防通道", 10, DefectKind.ORDINARY, null));

    private final Organisations organisations;
    private final Rubric rubric;
    private final Inspections inspections;
    private final Rectifications rectifications;
    private final InspectionAppeals appeals;
    private final Residence residence;
    private final People people;
    private final Accounts accounts;
    private final Clock clock;

    DemoInspections(Organisations organisations, Rubric rubric, Inspections inspections, Rectifications rectifications,
                    InspectionAppeals appeals, Residence residence, People people, Accounts accounts, Clock clock) {
        this.organisations = organisations;
        this.rubric = rubric;
        this.inspections = inspections;
        this.rectifications = rectifications;
        this.appeals = appeals;
        this.residence = residence;
        this.people = people;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        Viewer admin = context.viewer("admin");
        Viewer manager = context.viewer("manager");
        committee(admin, manager, context.viewer("inspector"));
        Viewer inspector = context.viewer("inspector");
        List<InspectionViews.Item> items = rubric.items(admin, true);
        if (items.isEmpty()) {
            for (ItemSeed s : RUBRIC) {
                rubric.add(admin, new InspectionViews.ItemDraft(s.area().name(), s.text(), String.valueOf(s.max()), s.kind().name(),
                        s.repair()));
            }
            items = rubric.items(admin, true);
        }
        Random random = new Random(context.seed() + 50);
        LocalDate today = CampusTime.today(clock);
        Map<Long, String> buildings = inspections.buildingsForRounds(inspector);
        List<Long> buildingIds = new ArrayList<>(buildings.keySet());
        if (buildingIds.isEmpty()) {
            return;
        }
        long first = inspections.buildingsForRounds(manager).keySet().stream().findFirst().orElse(buildingIds.get(0));
        int weeks = context.small() ? 1 : 4;
        int spot = context.small() ? 4 : 12;
        List<Long> buildingsToVisit = context.small() ? List.of(first) : buildingIds;
        int[] repairs = {0};
        List<Long> older = new ArrayList<>();
        // Weekly spot checks by the inspector, oldest first.
        for (int week = weeks; week >= 1; week--) {
            LocalDate day = today.minusDays(7L * week - 2);
            for (long building : buildingsToVisit) {
                long round = inspections.startRound(inspector, new InspectionViews.RoundDraft(String.valueOf(building), null,
                        day.toString(), RoundMode.SPOT_CHECK.name(), String.valueOf(spot)));
                older.addAll(score(inspector, round, items, random, repairs, week == 1));
                inspections.finishRound(inspector, round);
            }
        }
        // The building manager's round of one floor yesterday: the appeal comes from here.
        long floorRound = inspections.startRound(manager, new InspectionViews.RoundDraft(String.valueOf(first), "3",
                today.minusDays(1).toString(), RoundMode.ALL_ROOMS.name(), null));
        List<Long> recent = score(manager, floorRound, items, random, repairs, false);
        inspections.finishRound(manager, floorRound);
        // Older rectifications re-inspected: most pass, one is still failing.
        for (int i = 0; i < older.size(); i++) {
            InspectionViews.Result r = inspections.result(inspector, older.get(i));
            if (r.rectification() != null && "OPEN".equals(r.rectification().state()) && i % 4 != 3) {
                rectifications.reinspect(inspector, r.rectification().id(), i % 5 != 4, i % 5 != 4 ? "已整改" : "仍有违规电器");
            }
        }
        appeal(admin, recent);
    }

    /** Scores every room of the round; answers the ids of results with defects. */
    private List<Long> score(Viewer viewer, long roundId, List<InspectionViews.Item> items, Random random, int[] repairs,
                             boolean allowRepairs) {
        List<InspectionViews.Item> ordinary = items.stream().filter(i -> i.kind() != DefectKind.NEEDS_REPAIR).toList();
        List<InspectionViews.Item> repair = items.stream().filter(i -> i.kind() == DefectKind.NEEDS_REPAIR).toList();
        List<Long> withDefects = new ArrayList<>();
        for (InspectionViews.RoundRoom room : inspections.round(viewer, roundId).rooms()) {
            List<InspectionViews.DefectEntry> defects = new ArrayList<>();
            int n = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2);
            List<InspectionViews.Item> pool = new ArrayList<>(ordinary);
            java.util.Collections.shuffle(pool, random);
            for (int k = 0; k < n && k < pool.size(); k++) {
                InspectionViews.Item item = pool.get(k);
                // Safety hazards are rarer than untidy floors.
                if (item.kind() == DefectKind.SAFETY_HAZARD && random.nextInt(3) > 0) {
                    continue;
                }
                defects.add(new InspectionViews.DefectEntry(item.id(), String.valueOf(1 + random.nextInt(item.maxDeduction())),
                        k == 0 ? "" : null));
            }
            boolean occupied = !residence.occupantsOf(room.roomId()).isEmpty();
            if (allowRepairs && repairs[0] < 2 && occupied && !repair.isEmpty()) {
                InspectionViews.Item item = repair.get(repairs[0] % repair.size());
                defects.add(new InspectionViews.DefectEntry(item.id(), String.valueOf(item.maxDeduction()),
                        repairs[0] == 0 ? "门锁无法反锁" : "卫生间水龙头持续滴水"));
                repairs[0]++;
            }
            InspectionViews.Recorded recorded = inspections.record(viewer, roundId, room.roomId(),
                    new InspectionViews.RoomRecord(defects, defects.isEmpty() ? "整洁" : ""), List.of());
            if (!defects.isEmpty()) {
                withDefects.add(recorded.inspectionId());
            }
        }
        return withDefects;
    }

    /** A resident of a room scored yesterday appeals an ordinary deduction. */
    private void appeal(Viewer admin, List<Long> recent) {
        for (long id : recent) {
            InspectionViews.Result r = inspections.result(admin, id);
            InspectionViews.Defect defect = r.defects().stream().filter(d -> d.kind() == DefectKind.ORDINARY).findFirst().orElse(null);
            List<Long> residents = residence.occupantsOf(r.roomId());
            if (defect == null || residents.isEmpty()) {
                continue;
            }
            Long account = accounts.ofStudent(residents.get(residents.size() - 1)).orElse(null);
            if (account == null) {
                continue;
            }
            var a = accounts.get(account);
            Viewer resident = new Viewer(a.id(), a.username(), a.displayName(), a.roles(), a.studentId(), a.staffId(), a.departmentId());
            appeals.file(resident, id, defect.id(), "检查当天上午已打扫，拍照时刚好有同学在搬东西，请复核。");
            return;
        }
    }

    /** The self-discipline committee, advisor {@code manager}, with {@code inspector} as a minister; skipped when it exists. */
    private void committee(Viewer admin, Viewer manager, Viewer inspector) {
        boolean exists = organisations.list().stream().anyMatch(o -> o.name().equals(COMMITTEE));
        if (!exists) {
            long id = organisations.create(admin, new OrganisationDraft(COMMITTEE, OrganisationKind.SELF_DISCIPLINE, "manager",
                    "宿舍卫生与安全检查、文明宿舍评比、楼层自我管理", LocalDate.of(2018, 9, 1)));
            String number = people.student(inspector.studentId()).orElseThrow().studentNumber();
            organisations.appoint(manager, id, number, Position.MINISTER, CampusTime.today(clock).minusMonths(3), null);
        }
    }
}
