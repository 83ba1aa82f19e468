package org.shouwang.community;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Photo;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class InspectionsTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired Inspections inspections;
    @Autowired Rubric rubric;
    @Autowired Rectifications rectifications;
    @Autowired InspectionAppeals appeals;
    @Autowired DormRatings ratings;
    @Autowired InspectionFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
        fixtures.retireItems();
    }

    private long floorRound(Viewer inspector, int floor) {
        return inspections.startRound(inspector, new InspectionViews.RoundDraft(String.valueOf(fixtures.managersBuilding()),
                String.valueOf(floor), null, "ALL_ROOMS", null));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    @Test
    void anInspectorScoresARoomAndANeedsRepairDefectBecomesARepairRequestOwnedByTheirAdvisor() {
        Viewer inspector = fixtures.newInspector("headteacher");
        long floorItem = fixtures.item("地面卫生", InspectionArea.HYGIENE, 10, DefectKind.ORDINARY, null);
        long lock = fixtures.item("门锁损坏", InspectionArea.SAFETY, 5, DefectKind.NEEDS_REPAIR, "DOOR_LOCK");
        long round = floorRound(inspector, fixtures.floorWithResidents());
        InspectionViews.RoundRoom room = inspections.round(inspector, round).rooms().get(0);

        InspectionViews.Recorded recorded = inspections.record(inspector, round, room.roomId(), new InspectionViews.RoomRecord(List.of(
                new InspectionViews.DefectEntry(floorItem, "4", "地面有垃圾"),
                new InspectionViews.DefectEntry(lock, "5", "门锁无法反锁")), "已提醒"), List.of(Photo.of(PNG)));

        assertThat(recorded.score()).isEqualTo(91);
        assertThat(recorded.repairRequests()).hasSize(1);
        InspectionViews.Result result = inspections.result(inspector, recorded.inspectionId());
        InspectionViews.Defect repair = result.defects().stream().filter(d -> d.kind() == DefectKind.NEEDS_REPAIR).findFirst().orElseThrow();
        assertThat(repair.ticketNumber()).isEqualTo(recorded.repairRequests().get(0));
        Map<String, Object> ticket = jdbc.queryForMap("SELECT owner_account_id, student_id, category, subcategory, room_id, text FROM ticket WHERE id = ?",
                repair.ticketId());
        assertThat(ticket.get("owner_account_id")).isEqualTo(users.viewer("headteacher").accountId());
        assertThat(ticket.get("category")).isEqualTo("REPAIRS");
        assertThat(ticket.get("subcategory")).isEqualTo("DOOR_LOCK");
        assertThat(ticket.get("room_id")).isEqualTo(room.roomId());
        assertThat((String) ticket.get("text")).contains(room.number()).contains("门锁损坏");
        assertThat(jdbc.queryForList("SELECT occupant_id FROM bed WHERE room_id = ?", Long.class, room.roomId()))
                .contains((Long) ticket.get("student_id"));
        assertThat(result.photoIds()).hasSize(1);
        assertThat(result.rectification().state()).isEqualTo("OPEN");
        assertThat(result.rectification().dueOn()).isEqualTo(result.heldOn().plusDays(7));
    }

    @Test
    void aDeductionAboveTheMaximumAPhotoThatIsNoImageAndAnUnknownRoomAreFieldErrorsAndNothingIsWritten() {
        Viewer inspector = fixtures.newInspector("headteacher");
        long item = fixtures.item("床铺整理", InspectionArea.HYGIENE, 5, DefectKind.ORDINARY, null);
        long lock = fixtures.item("门锁损坏", InspectionArea.SAFETY, 5, DefectKind.NEEDS_REPAIR, "DOOR_LOCK");
        long round = floorRound(inspector, fixtures.floorWithResidents());
        long roomId = inspections.round(inspector, round).rooms().get(0).roomId();
        int inspectionsBefore = count("room_inspection");
        int ticketsBefore = count("ticket");

        assertThatThrownBy(() -> inspections.record(inspector, round, roomId, new InspectionViews.RoomRecord(List.of(
                new InspectionViews.DefectEntry(item, "6", null), new InspectionViews.DefectEntry(lock, "5", null)), null),
                List.of(Photo.of("not an image".getBytes()))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("deduction." + item, "photos"));
        assertThatThrownBy(() -> inspections.record(inspector, round, 999_999_999L, new InspectionViews.RoomRecord(List.of(), null),
                List.of()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("inspection.unknownRoom"));

        assertThat(count("room_inspection")).isEqualTo(inspectionsBefore);
        assertThat(count("ticket")).isEqualTo(ticketsBefore);
    }

    @Test
    void aSpotCheckDrawsNRoomsAndTheSameSeedDrawsTheSameRooms() {
        Viewer inspector = fixtures.newInspector("headteacher");
        long round = inspections.startRound(inspector, new InspectionViews.RoundDraft(String.valueOf(fixtures.managersBuilding()),
                null, null, "SPOT_CHECK", "5"));
        InspectionViews.Round r = inspections.round(inspector, round);
        assertThat(r.rooms()).hasSize(5);
        assertThat(r.seed()).isNotNull();
        List<ResidenceViews.Room> rooms = List.of(new ResidenceViews.Room(1, "101", "", "", 4, List.of()),
                new ResidenceViews.Room(2, "102", "", "", 4, List.of()), new ResidenceViews.Room(3, "103", "", "", 4, List.of()),
                new ResidenceViews.Room(4, "104", "", "", 4, List.of()), new ResidenceViews.Room(5, "105", "", "", 4, List.of()));
        assertThat(Inspections.spotCheck(rooms, 3, 42L)).isEqualTo(Inspections.spotCheck(reversed(rooms), 3, 42L));
        assertThatThrownBy(() -> inspections.startRound(inspector, new InspectionViews.RoundDraft(String.valueOf(fixtures.managersBuilding()),
                "1", "2999-01-01", "SPOT_CHECK", "9999")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("heldOn", "spotCount"));
    }

    @Test
    void onlyInspectorsAndBuildingManagersStartRoundsAndOthersSeeNothingOfThem() {
        Viewer inspector = fixtures.newInspector("headteacher");
        long round = floorRound(inspector, fixtures.floorWithResidents());
        long roomId = inspections.round(inspector, round).rooms().get(0).roomId();
        InspectionViews.Recorded recorded = inspections.record(inspector, round, roomId, new InspectionViews.RoomRecord(List.of(), null), List.of());

        assertThatThrownBy(() -> inspections.startRound(users.viewer("counsellor"), new InspectionViews.RoundDraft(
                String.valueOf(fixtures.managersBuilding()), null, null, "ALL_ROOMS", null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inspections.round(users.viewer("counsellor"), round)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inspections.result(users.viewer("counsellor"), recorded.inspectionId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inspections.result(users.viewer("student"), recorded.inspectionId())).isInstanceOf(NotFoundException.class);
        assertThat(inspections.result(users.viewer("manager"), recorded.inspectionId()).score()).isEqualTo(100);
        assertThat(inspections.result(users.viewer("affairs"), recorded.inspectionId()).score()).isEqualTo(100);
        assertThat(inspections.result(users.viewer("headteacher"), recorded.inspectionId()).score()).isEqualTo(100);
        Viewer resident = users.viewer(fixtures.residentOf(roomId));
        assertThat(inspections.myRoom(resident)).extracting(InspectionViews.Result::roomId).containsOnly(roomId);
        assertThat(inspections.result(resident, recorded.inspectionId()).roomId()).isEqualTo(roomId);
        // Another inspector records nothing on someone else's round.
        Viewer other = fixtures.newInspector("headteacher");
        assertThatThrownBy(() -> inspections.record(other, round, roomId, new InspectionViews.RoomRecord(List.of(), null), List.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aResidentAppealsWithinTheWindowAndAnUpheldAppealRemovesTheDeductionButNotAfterTheWindow() {
        Viewer inspector = fixtures.newInspector("headteacher");
        long item = fixtures.item("桌面整理", InspectionArea.HYGIENE, 8, DefectKind.ORDINARY, null);
        long round = floorRound(inspector, fixtures.floorWithResidents());
        List<InspectionViews.RoundRoom> rooms = inspections.round(inspector, round).rooms();
        long first = rooms.get(0).roomId();
        long second = rooms.get(1).roomId();
        long a = inspections.record(inspector, round, first, new InspectionViews.RoomRecord(
                List.of(new InspectionViews.DefectEntry(item, "8", null)), null), List.of()).inspectionId();
        long b = inspections.record(inspector, round, second, new InspectionViews.RoomRecord(
                List.of(new InspectionViews.DefectEntry(item, "3", null)), null), List.of()).inspectionId();
        Viewer resident = users.viewer(fixtures.residentOf(first));
        long defect = inspections.result(resident, a).defects().get(0).id();

        assertThatThrownBy(() -> appeals.file(resident, b, inspections.result(inspector, b).defects().get(0).id(), "不是我们宿舍"))
                .isInstanceOf(NotFoundException.class);
        long appeal = appeals.file(resident, a, defect, "当天已打扫干净");
        assertThat(appeals.pending(users.viewer("headteacher"))).extracting(InspectionViews.AppealRow::id).contains(appeal);
        assertThatThrownBy(() -> appeals.decide(users.viewer("counsellor"), appeal, true, null)).isInstanceOf(NotFoundException.class);
        appeals.decide(users.viewer("manager"), appeal, true, "复核属实");
        InspectionViews.Result after = inspections.result(resident, a);
        assertThat(after.score()).isEqualTo(100);
        assertThat(after.defects().get(0).waived()).isTrue();
        assertThat(after.rectification().state()).isEqualTo("CANCELLED");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE account_id = ? AND message_code = 'inspection.notice.appealUpheld'",
                Integer.class, resident.accountId()) >= 1);

        // Four days after the inspection, the window (3 days) is closed.
        Viewer neighbour = users.viewer(fixtures.residentOf(second));
        long late = inspections.result(neighbour, b).defects().get(0).id();
        clock.fix(after.heldOn().plusDays(4).atTime(9, 0).atZone(CampusTime.ZONE).toInstant());
        int before = count("inspection_appeal");
        assertThatThrownBy(() -> appeals.file(neighbour, b, late, "请复核"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("inspection.appeal.windowClosed"));
        assertThat(count("inspection_appeal")).isEqualTo(before);
    }

    @Test
    void aStillFailingReInspectionSetsANewDateAndOverdueRectificationsShowToTheBuildingManager() {
        Viewer inspector = fixtures.newInspector("headteacher");
        long item = fixtures.item("违规电器", InspectionArea.SAFETY, 20, DefectKind.SAFETY_HAZARD, null);
        long round = floorRound(inspector, fixtures.floorWithResidents());
        long roomId = inspections.round(inspector, round).rooms().get(0).roomId();
        long id = inspections.record(inspector, round, roomId, new InspectionViews.RoomRecord(
                List.of(new InspectionViews.DefectEntry(item, "10", "热得快")), null), List.of()).inspectionId();
        InspectionViews.Rectification rect = inspections.result(inspector, id).rectification();

        clock.fix(rect.dueOn().plusDays(1).atTime(9, 0).atZone(CampusTime.ZONE).toInstant());
        assertThat(rectifications.open(users.viewer("manager"), true)).extracting(InspectionViews.RectificationRow::id).contains(rect.id());
        assertThatThrownBy(() -> rectifications.open(users.viewer("counsellor"), true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rectifications.reinspect(users.viewer("manager"), rect.id(), false, null))
                .isInstanceOf(InvalidInput.class);
        rectifications.reinspect(users.viewer("manager"), rect.id(), false, "仍在使用");
        InspectionViews.Rectification again = inspections.result(inspector, id).rectification();
        assertThat(again.failedChecks()).isEqualTo(1);
        assertThat(again.dueOn()).isAfter(rect.dueOn());
        YearMonth month = YearMonth.from(inspections.result(inspector, id).heldOn());
        assertThat(ratings.month(users.viewer("admin"), month).rooms()).filteredOn(r -> r.roomId() == roomId)
                .singleElement().satisfies(r -> assertThat(r.civilised()).isFalse());
        rectifications.reinspect(inspector, rect.id(), true, null);
        assertThat(inspections.result(inspector, id).rectification().state()).isEqualTo("PASSED");
        assertThat(ratings.month(users.viewer("admin"), month).rooms()).filteredOn(r -> r.roomId() == roomId)
                .singleElement().satisfies(r -> assertThat(r.unresolvedHazard()).isFalse());
    }

    @Test
    void ratingsRankBuildingsFloorsAndCollegesAndResidentsSeeOnlyTheirRoom() {
        Viewer inspector = fixtures.newInspector("headteacher");
        long round = floorRound(inspector, fixtures.floorWithResidents());
        long roomId = inspections.round(inspector, round).rooms().get(0).roomId();
        inspections.record(inspector, round, roomId, new InspectionViews.RoomRecord(List.of(), null), List.of());
        YearMonth month = YearMonth.from(CampusTime.today(clock));

        InspectionViews.Rankings all = ratings.month(users.viewer("leader"), month);
        assertThat(all.whole()).isTrue();
        assertThat(all.buildings()).isNotEmpty();
        assertThat(all.floors()).isNotEmpty();
        assertThat(all.colleges()).isNotEmpty();
        assertThat(all.rooms()).filteredOn(r -> r.roomId() == roomId).isNotEmpty();
        Viewer resident = users.viewer(fixtures.residentOf(roomId));
        InspectionViews.Rankings mine = ratings.month(resident, month);
        assertThat(mine.rooms()).extracting(InspectionViews.RoomRating::roomId).containsOnly(roomId);
        assertThat(mine.buildings()).isEmpty();
        assertThatThrownBy(() -> ratings.month(users.viewer("counsellor"), month)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theAdminKeepsTheRubricAndRecordedDefectsKeepTheItemAsItWas() {
        Viewer admin = users.viewer("admin");
        int before = count("inspection_item");
        assertThatThrownBy(() -> rubric.add(admin, new InspectionViews.ItemDraft("KITCHEN", " ", "abc", "NEEDS_REPAIR", null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("area", "text", "maxDeduction", "repairSubcategory"));
        assertThatThrownBy(() -> rubric.add(admin, new InspectionViews.ItemDraft("HYGIENE", "阳台", "101", "ORDINARY", null)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> rubric.add(users.viewer("manager"), new InspectionViews.ItemDraft("HYGIENE", "阳台", "5", "ORDINARY", null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(count("inspection_item")).isEqualTo(before);

        Viewer inspector = fixtures.newInspector("headteacher");
        long item = fixtures.item("阳台卫生", InspectionArea.HYGIENE, 6, DefectKind.ORDINARY, null);
        long round = floorRound(inspector, fixtures.floorWithResidents());
        long roomId = inspections.round(inspector, round).rooms().get(0).roomId();
        long id = inspections.record(inspector, round, roomId, new InspectionViews.RoomRecord(
                List.of(new InspectionViews.DefectEntry(item, null, null)), null), List.of()).inspectionId();
        rubric.edit(admin, item, new InspectionViews.ItemDraft("HYGIENE", "阳台与窗台卫生", "3", "ORDINARY", null));
        rubric.retire(admin, item, true);

        InspectionViews.Defect defect = inspections.result(inspector, id).defects().get(0);
        assertThat(defect.item()).startsWith("阳台卫生");
        assertThat(defect.deduction()).isEqualTo(6);
        assertThat(rubric.items(inspector, true)).extracting(InspectionViews.Item::id).doesNotContain(item);
        long round2 = floorRound(inspector, fixtures.floorWithResidents());
        long room2 = inspections.round(inspector, round2).rooms().get(0).roomId();
        assertThatThrownBy(() -> inspections.record(inspector, round2, room2, new InspectionViews.RoomRecord(
                List.of(new InspectionViews.DefectEntry(item, "1", null)), null), List.of()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("inspection.unknownItem"));
    }
}
