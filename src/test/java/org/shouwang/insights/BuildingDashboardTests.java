package org.shouwang.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.community.DefectKind;
import org.shouwang.community.InspectionArea;
import org.shouwang.community.InspectionFixtures;
import org.shouwang.community.InspectionViews;
import org.shouwang.community.Inspections;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.DutyFixtures;
import org.shouwang.studios.DutyRosters;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The building dashboard on requests, an inspection round and a duty shift of March 2034 (a month
 * no other test uses) in the demo manager's building: every figure equals a direct count, the
 * floor leader sees only their floor, psychology, legal and safety requests never appear per room
 * and show as "&lt;5" below five, and nobody else sees the dashboard.
 */
@IntegrationTest
class BuildingDashboardTests {

    static final YearMonth MONTH = YearMonth.of(2034, 3);
    static final String SENSITIVE = "('PSYCHOLOGY', 'LEGAL', 'SAFETY')";

    @Autowired BuildingDashboard dashboard;
    @Autowired Tickets tickets;
    @Autowired Inspections inspections;
    @Autowired InspectionFixtures inspectionFixtures;
    @Autowired DutyRosters rosters;
    @Autowired DutyFixtures duty;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    private static boolean created;
    private static long building;
    private static int leadersFloor;
    private static long roomOnLeadersFloor;
    private static long roomElsewhere;
    private static String onDuty;

    @BeforeEach
    void createOnce() {
        if (created) {
            return;
        }
        building = inspectionFixtures.managersBuilding();
        Map<String, Object> floor = jdbc.queryForMap("""
                SELECT f.building_id, f.number FROM floor f JOIN account a ON a.student_id = f.leader_student_id
                WHERE a.username = 'floorleader'""");
        assertThat(((Number) floor.get("building_id")).longValue()).isEqualTo(building);
        leadersFloor = ((Number) floor.get("number")).intValue();
        roomOnLeadersFloor = room("f.number = ?", leadersFloor);
        roomElsewhere = room("f.number <> ?", leadersFloor);

        clock.fix(Instant.parse("2034-03-05T02:00:00Z"));
        submit(roomOnLeadersFloor, Category.REPAIRS, Category.Subcategory.WATER, 3);
        submit(roomOnLeadersFloor, Category.PSYCHOLOGY, null, 2);
        submit(roomElsewhere, Category.DORM_LIFE, null, 1);
        submit(roomElsewhere, Category.LEGAL, null, 5);

        // An inspection round of the leader's floor: one room clean, one with a deduction.
        Viewer inspector = inspectionFixtures.newInspector("headteacher");
        long item = inspectionFixtures.item("桌面杂乱", InspectionArea.HYGIENE, 10, DefectKind.ORDINARY, null);
        long round = inspections.startRound(inspector, new InspectionViews.RoundDraft(String.valueOf(building),
                String.valueOf(leadersFloor), null, "ALL_ROOMS", null));
        List<InspectionViews.RoundRoom> rooms = inspections.round(inspector, round).rooms();
        inspections.record(inspector, round, rooms.get(0).roomId(), new InspectionViews.RoomRecord(List.of(), null), List.of());
        if (rooms.size() > 1) {
            inspections.record(inspector, round, rooms.get(1).roomId(), new InspectionViews.RoomRecord(List.of(
                    new InspectionViews.DefectEntry(item, "6", "桌面杂乱")), null), List.of());
        }
        inspections.finishRound(inspector, round);
        inspectionFixtures.retireItems();

        // A duty shift in the building from 09:00 to 12:00 on 10 March.
        duty.at(LocalDateTime.of(2034, 3, 10, 8, 0));
        onDuty = duty.staff("bdash", Role.POLICE_OFFICER);
        rosters.plan(users.viewer("affairs"), duty.shift(onDuty, building, null, LocalDateTime.of(2034, 3, 10, 9, 0),
                LocalDateTime.of(2034, 3, 10, 12, 0)));
        clock.reset();
        created = true;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long room(String condition, int floor) {
        return jdbc.queryForObject("""
                SELECT min(r.id) FROM room r JOIN floor f ON f.id = r.floor_id WHERE f.building_id = ? AND %s
                  AND EXISTS (SELECT 1 FROM bed b JOIN account a ON a.student_id = b.occupant_id WHERE b.room_id = r.id)"""
                .formatted(condition), Long.class, building, floor);
    }

    private void submit(long room, Category category, Category.Subcategory sub, int count) {
        Viewer resident = users.viewer(jdbc.queryForObject(
                "SELECT min(a.username) FROM bed b JOIN account a ON a.student_id = b.occupant_id WHERE b.room_id = ?",
                String.class, room));
        for (int i = 0; i < count; i++) {
            tickets.submit(resident, new Tickets.Submission(category, sub, false, "楼栋看板测试 " + category + " " + i, null, null),
                    List.of());
        }
    }

    /** Requests of the month in the building matching the condition, merged duplicates left out. */
    private long count(String condition, Object... args) {
        Object[] params = new Object[args.length + 3];
        params[0] = building;
        params[1] = Timestamps.of(MONTH.atDay(1).atStartOfDay(CampusTime.ZONE).toInstant());
        params[2] = Timestamps.of(MONTH.plusMonths(1).atDay(1).atStartOfDay(CampusTime.ZONE).toInstant());
        System.arraycopy(args, 0, params, 3, args.length);
        return jdbc.queryForObject("SELECT count(*) FROM ticket WHERE building_id = ? AND submitted_at >= ? AND submitted_at < ? "
                + "AND merged_into_id IS NULL" + condition, Long.class, params);
    }

    @Test
    void theManagersHeatMapCountsEveryFloorAndRoomLikeADirectCountWithoutSensitiveRequests() {
        BuildingDashboard.Dashboard d = dashboard.dashboard(users.viewer("manager"), building, MONTH);

        assertThat(d.floorsOnly()).isEmpty();
        assertThat(d.requests()).isEqualTo(count(" AND category NOT IN " + SENSITIVE)).isGreaterThanOrEqualTo(4);
        assertThat(d.noFloor()).isEqualTo(count(" AND floor_number IS NULL AND category NOT IN " + SENSITIVE));
        assertThat(d.floors()).extracting(BuildingDashboard.FloorRow::floor).containsExactlyElementsOf(jdbc.queryForList(
                "SELECT number FROM floor WHERE building_id = ? ORDER BY number DESC", Integer.class, building));
        for (BuildingDashboard.FloorRow f : d.floors()) {
            assertThat(f.requests()).as("floor %s", f.floor())
                    .isEqualTo(count(" AND floor_number = ? AND category NOT IN " + SENSITIVE, f.floor()));
            for (BuildingDashboard.RoomCell r : f.rooms()) {
                assertThat(r.requests()).as("room %s", r.room())
                        .isEqualTo(count(" AND room_id = ? AND category NOT IN " + SENSITIVE, r.roomId()));
            }
        }
        // The room with three repairs and two psychology requests shows three: never the psychology ones.
        BuildingDashboard.RoomCell withPsychology = cell(d, roomOnLeadersFloor);
        assertThat(withPsychology.requests()).isEqualTo(count(" AND room_id = ? AND category NOT IN " + SENSITIVE, roomOnLeadersFloor));
        assertThat(count(" AND room_id = ?", roomOnLeadersFloor)).isEqualTo(withPsychology.requests() + 2);

        Map<Category, BuildingDashboard.Sensitive> sensitive = new java.util.EnumMap<>(Category.class);
        d.sensitive().forEach(s -> sensitive.put(s.category(), s));
        assertThat(sensitive.keySet()).containsExactlyInAnyOrder(Category.PSYCHOLOGY, Category.LEGAL, Category.SAFETY);
        long psychology = count(" AND category = 'PSYCHOLOGY'");
        assertThat(psychology).isLessThan(5);
        assertThat(sensitive.get(Category.PSYCHOLOGY).suppressed()).isTrue();
        assertThat(sensitive.get(Category.PSYCHOLOGY).requests()).isNull();
        assertThat(sensitive.get(Category.LEGAL).requests()).isEqualTo(count(" AND category = 'LEGAL'")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theLatestRoundsScoresAndTheBuildingsRankEqualADirectCount() {
        BuildingDashboard.Dashboard d = dashboard.dashboard(users.viewer("manager"), building, MONTH);
        Long latest = jdbc.queryForObject("""
                SELECT r.id FROM inspection_round r WHERE r.building_id = ? AND r.held_on <= ?
                  AND EXISTS (SELECT 1 FROM room_inspection ri WHERE ri.round_id = r.id)
                ORDER BY r.held_on DESC, r.id DESC LIMIT 1""", Long.class, building, MONTH.atEndOfMonth());
        assertThat(d.inspection().roundId()).isEqualTo(latest);
        Double average = jdbc.queryForObject("SELECT avg(CAST(score AS DOUBLE PRECISION)) FROM room_inspection WHERE round_id = ?",
                Double.class, latest);
        assertThat(d.inspection().average()).isEqualTo(Math.round(average * 10) / 10.0).isLessThan(100.0);
        jdbc.query("SELECT room_id, score FROM room_inspection WHERE round_id = ?", rs -> {
            assertThat(cell(d, rs.getLong(1)).score()).isEqualTo(rs.getInt(2));
        }, latest);

        // Rank: buildings by the average of their rooms' monthly averages, best first.
        List<Map<String, Object>> buildings = jdbc.queryForList("""
                SELECT building_id, avg(room_average) AS average FROM (
                  SELECT building_id, room_id, avg(CAST(score AS DOUBLE PRECISION)) AS room_average FROM room_inspection
                  WHERE held_on >= ? AND held_on <= ? GROUP BY building_id, room_id) x GROUP BY building_id""",
                MONTH.atDay(1), MONTH.atEndOfMonth());
        double own = buildings.stream().filter(b -> ((Number) b.get("building_id")).longValue() == building)
                .mapToDouble(b -> ((Number) b.get("average")).doubleValue()).findFirst().orElseThrow();
        long better = buildings.stream().filter(b -> Math.round(((Number) b.get("average")).doubleValue() * 10) > Math.round(own * 10))
                .count();
        assertThat(d.inspection().standing().rank()).isEqualTo(better + 1);
        assertThat(d.inspection().standing().of()).isEqualTo(buildings.size());
    }

    @Test
    void whoIsOnDutyNowIsTheShiftUnderWayInTheBuilding() {
        duty.at(LocalDateTime.of(2034, 3, 10, 10, 0));
        BuildingDashboard.Dashboard d = dashboard.dashboard(users.viewer("manager"), building, MONTH);
        Long direct = jdbc.queryForObject("SELECT count(*) FROM duty_shift WHERE building_id = ? AND starts_at <= ? AND ends_at > ?",
                Long.class, building, Timestamps.of(clock.instant()), Timestamps.of(clock.instant()));
        assertThat((long) d.onDutyNow().size()).isEqualTo(direct);
        assertThat(d.onDutyNow()).extracting(BuildingDashboard.Duty::person).contains("值班·" + onDuty);
        duty.at(LocalDateTime.of(2034, 3, 10, 13, 0));
        assertThat(dashboard.dashboard(users.viewer("manager"), building, MONTH).onDutyNow())
                .extracting(BuildingDashboard.Duty::person).doesNotContain("值班·" + onDuty);
    }

    @Test
    void theFloorLeaderSeesOnlyTheirFloor() throws Exception {
        Viewer leader = users.viewer("floorleader");
        BuildingDashboard.Dashboard d = dashboard.dashboard(leader, null, MONTH);
        assertThat(d.buildingId()).isEqualTo(building);
        assertThat(d.floorsOnly()).containsExactly(leadersFloor);
        assertThat(d.floors()).extracting(BuildingDashboard.FloorRow::floor).containsExactly(leadersFloor);
        assertThat(d.floors().get(0).rooms()).extracting(BuildingDashboard.RoomCell::roomId)
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "SELECT r.id FROM room r JOIN floor f ON f.id = r.floor_id WHERE f.building_id = ? AND f.number = ?",
                        Long.class, building, leadersFloor))
                .doesNotContain(roomElsewhere);
        assertThat(d.requests()).isEqualTo(count(" AND floor_number = ? AND category NOT IN " + SENSITIVE, leadersFloor));
        assertThat(d.noFloor()).isZero();
        // The legal requests of another floor are not the floor leader's: their area has none.
        BuildingDashboard.Sensitive legal = d.sensitive().stream().filter(s -> s.category() == Category.LEGAL).findFirst().orElseThrow();
        assertThat(count(" AND floor_number = ? AND category = 'LEGAL'", leadersFloor)).isLessThan(5);
        assertThat(legal.suppressed()).isTrue();
        assertThat(d.inspection().standing()).isNull();

        mvc.perform(get("/api/v1/insights/building").param("month", "2034-03").with(users.as("floorleader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.floors.length()").value(1))
                .andExpect(jsonPath("$.floors[0].floor").value(leadersFloor));
        long other = jdbc.queryForObject("SELECT min(id) FROM building WHERE id <> ?", Long.class, building);
        assertThatThrownBy(() -> dashboard.dashboard(leader, other, MONTH)).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/insights/building").param("building", String.valueOf(other)).with(users.as("floorleader")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aManagerSeesOnlyTheirBuildingsAndLeadersMayPickAny() throws Exception {
        List<Long> managed = jdbc.queryForList("""
                SELECT bu.id FROM building bu JOIN account a ON a.staff_id = bu.manager_staff_id WHERE a.username = 'manager'
                ORDER BY bu.code""", Long.class);
        assertThat(dashboard.buildings(users.viewer("manager"))).extracting(BuildingDashboard.Choice::id)
                .containsExactlyElementsOf(managed);
        long other = jdbc.queryForObject("SELECT min(id) FROM building WHERE id NOT IN (SELECT bu.id FROM building bu "
                + "JOIN account a ON a.staff_id = bu.manager_staff_id WHERE a.username = 'manager')", Long.class);
        assertThatThrownBy(() -> dashboard.dashboard(users.viewer("manager"), other, MONTH)).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/insights/building").param("building", String.valueOf(other)).with(users.as("manager")))
                .andExpect(status().isNotFound());
        for (String who : List.of("leader", "admin", "affairs")) {
            assertThat(dashboard.dashboard(users.viewer(who), other, MONTH).buildingId()).isEqualTo(other);
            mvc.perform(get("/insights/building").param("building", String.valueOf(other)).with(users.as(who)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/insights/building").param("month", "2034-03").with(users.as("buildingleader")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.buildingId").value(building))
                .andExpect(jsonPath("$.floorsOnly.length()").value(0));
    }

    @Test
    void nobodyElseSeesTheDashboard() throws Exception {
        for (String who : List.of("student", "counsellor", "headteacher", "handler", "depthead", "dispatch", "psych", "party")) {
            mvc.perform(get("/insights/building").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/building").with(users.as(who))).andExpect(status().isNotFound());
            assertThatThrownBy(() -> dashboard.dashboard(users.viewer(who), building, MONTH)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void thePageShowsFewerThanFiveAndNeverASensitiveCountPerRoom() throws Exception {
        mvc.perform(get("/insights/building").param("building", String.valueOf(building)).param("month", "2034-03")
                        .with(users.as("manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*data-category=\"PSYCHOLOGY\">\\s*<span>[^<]*</span>\\s*<span class=\"fw-bold\">&lt;5</span>.*")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("chart-heatmap")));
        mvc.perform(get("/api/v1/insights/building").param("building", String.valueOf(building)).param("month", "2034-03")
                        .with(users.as("manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sensitive[?(@.category == 'PSYCHOLOGY')].requests").value(org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.nullValue())));
        mvc.perform(get("/api/v1/insights/building").param("month", "March").with(users.as("manager")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    private static BuildingDashboard.RoomCell cell(BuildingDashboard.Dashboard d, long roomId) {
        return d.floors().stream().flatMap(f -> f.rooms().stream()).filter(r -> r.roomId() == roomId).findFirst().orElseThrow();
    }
}
