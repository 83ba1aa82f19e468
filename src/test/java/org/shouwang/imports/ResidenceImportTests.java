package org.shouwang.imports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.shouwang.imports.ImportDriver.id;
import static org.shouwang.imports.StudentImportTests.row;

/** Rooms and bed assignments: upserts, beds 1..capacity, moves that keep the history, one student per bed. */
@IntegrationTest
class ResidenceImportTests {

    private static final List<Object> ROOMS = List.of("community_code", "community_name", "building_code", "building_name",
            "building_gender", "floor", "room_number", "room_kind", "room_gender", "capacity", "manager_staff_number");
    private static final List<Object> BEDS = List.of("学号", "楼栋代码", "房间号", "床号");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    ImportDriver driver;
    String building;
    String a;
    String b;
    String c;
    String girl;

    @BeforeEach
    void setUp() throws Exception {
        driver = new ImportDriver(mvc, users);
        building = ImportDriver.unique("IMPN");
        String community = ImportDriver.unique("IMPQ");
        Map<String, Object> rooms = driver.importFile("ROOMS", "rooms.xlsx", ImportDriver.xlsx(List.of(ROOMS,
                row(community, "导入测试社区", building, "导入楼", "男", 1, "101", "标准间", "男", 4, ""),
                row(community, "导入测试社区", building, "导入楼", "M", 1, "102", "SUITE", "M", 2, ""),
                row(community, "", building, "", "", 2, "201", "", "M", 1, ""))));
        assertThat(rooms).containsEntry("status", "DONE").containsEntry("created", 3);
        String classCode = jdbc.sql("SELECT code FROM class_group ORDER BY id LIMIT 1").query(String.class).single();
        String prefix = ImportDriver.unique("IMPS");
        a = prefix + "A";
        b = prefix + "B";
        c = prefix + "C";
        girl = prefix + "G";
        driver.importFile("STUDENTS", "residents.csv", ImportDriver.csv(List.of(
                List.of("student_number", "name", "gender", "class_code"),
                row(a, "甲", "男", classCode), row(b, "乙", "男", classCode), row(c, "丙", "男", classCode),
                row(girl, "丁", "女", classCode)), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void roomsGetBedsAndReimportingChangesNothing() throws Exception {
        assertThat(bedsOf("101")).containsExactly("1", "2", "3", "4");
        assertThat(bedsOf("201")).containsExactly("1");
        Map<String, Object> missing = driver.uploadAndValidate("ROOMS", "rooms.csv", ImportDriver.csv(List.of(ROOMS,
                row("", "", building, "", "", 1, "101", "", "男", 4, "")), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(driver.problems(id(missing), "en")).extracting(p -> p.get("column"), p -> p.get("code"))
                .containsExactly(tuple("community_code", "import.problem.required"));

        String community = jdbc.sql("SELECT co.code FROM community co JOIN building bu ON bu.community_id = co.id WHERE bu.code = ?")
                .param(building).query(String.class).single();
        Map<String, Object> same = driver.importFile("ROOMS", "rooms.xlsx", ImportDriver.xlsx(List.of(ROOMS,
                row(community, "导入测试社区", building, "导入楼", "男", 1, "101", "标准间", "男", 4, ""),
                row(community, "", building, "", "", 2, "201", "", "M", 1, ""))));
        assertThat(same).containsEntry("status", "DONE").containsEntry("created", 0).containsEntry("updated", 0)
                .containsEntry("unchanged", 2);

        Map<String, Object> bigger = driver.importFile("ROOMS", "rooms.xlsx", ImportDriver.xlsx(List.of(ROOMS,
                row(community, "", building, "", "", 2, "201", "", "M", 3, ""))));
        assertThat(bigger).containsEntry("updated", 1);
        assertThat(bedsOf("201")).containsExactly("1", "2", "3");
    }

    @Test
    void bedAssignmentChecksInMovesAndKeepsTheHistory() throws Exception {
        Map<String, Object> checkIn = driver.importFile("BED_ASSIGNMENTS", "beds.xlsx", ImportDriver.xlsx(List.of(BEDS,
                row(a, building, "101", "1"), row(b, building, "101", 2))));
        assertThat(checkIn).containsEntry("status", "DONE").containsEntry("created", 2);
        assertThat(bedOf(a)).isEqualTo("101-1");

        byte[] moves = ImportDriver.xlsx(List.of(BEDS, row(a, building, "102", "1"), row(b, building, "101", "2")));
        Map<String, Object> move = driver.importFile("BED_ASSIGNMENTS", "move.xlsx", moves);
        assertThat(move).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("unchanged", 1);
        assertThat(bedOf(a)).isEqualTo("102-1");
        assertThat(jdbc.sql("""
                        SELECT r.number || '-' || b.label || ':' || COALESCE(a.end_reason, 'OPEN') FROM bed_assignment a
                        JOIN bed b ON b.id = a.bed_id JOIN room r ON r.id = b.room_id JOIN student s ON s.id = a.student_id
                        WHERE s.student_number = ? ORDER BY a.id""")
                .param(a).query(String.class).list()).containsExactly("101-1:MOVED", "102-1:OPEN");
        assertThat(jdbc.sql("SELECT count(*) FROM bed_assignment a JOIN student s ON s.id = a.student_id WHERE s.student_number = ? AND a.ended_by = 'admin'")
                .param(a).query(Long.class).single()).isEqualTo(1);

        Map<String, Object> again = driver.importFile("BED_ASSIGNMENTS", "move.xlsx", moves);
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2);
    }

    @Test
    void studentsMaySwapBedsInOneFile() throws Exception {
        driver.importFile("BED_ASSIGNMENTS", "beds.xlsx", ImportDriver.xlsx(List.of(BEDS,
                row(a, building, "101", "1"), row(b, building, "101", "2"))));

        Map<String, Object> swap = driver.importFile("BED_ASSIGNMENTS", "swap.xlsx", ImportDriver.xlsx(List.of(BEDS,
                row(a, building, "101", "2"), row(b, building, "101", "1"))));

        assertThat(swap).containsEntry("status", "DONE").containsEntry("updated", 2);
        assertThat(bedOf(a)).isEqualTo("101-2");
        assertThat(bedOf(b)).isEqualTo("101-1");
    }

    @Test
    void badAssignmentsAreReported() throws Exception {
        driver.importFile("BED_ASSIGNMENTS", "beds.xlsx", ImportDriver.xlsx(List.of(BEDS, row(a, building, "101", "1"))));

        Map<String, Object> job = driver.uploadAndValidate("BED_ASSIGNMENTS", "bad.xlsx", ImportDriver.xlsx(List.of(BEDS,
                row(girl, building, "101", "3"),
                row(b, building, "101", "1"),
                row(c, building, "102", "1"),
                row("NOSUCHSTUDENT", building, "102", "2"),
                row(c, building, "201", "1"),
                row(b, "NOSUCHBUILDING", "101", "1"),
                row(b, building, "999", "1"),
                row(b, building, "101", "9"))));

        assertThat(driver.problems(id(job), "zh-CN"))
                .extracting(p -> p.get("line"), p -> p.get("column"), p -> p.get("code")).containsExactlyInAnyOrder(
                        tuple(2, "bed_label", "import.problem.genderMismatch"),
                        tuple(3, "bed_label", "import.problem.bedTaken"),
                        tuple(5, "student_number", "import.problem.unknownStudent"),
                        tuple(6, "student_number", "import.problem.duplicate"),
                        tuple(7, "student_number", "import.problem.duplicate"),
                        tuple(7, "building_code", "import.problem.unknownBuilding"),
                        tuple(8, "student_number", "import.problem.duplicate"),
                        tuple(8, "room_number", "import.problem.unknownRoom"),
                        tuple(9, "student_number", "import.problem.duplicate"),
                        tuple(9, "bed_label", "import.problem.unknownBed"));
        assertThat(ImportDriver.count(job, "validRows")).isEqualTo(1);
    }

    @Test
    void aRoomCannotShrinkBelowItsOccupiedBeds() throws Exception {
        driver.importFile("BED_ASSIGNMENTS", "beds.xlsx", ImportDriver.xlsx(List.of(BEDS, row(a, building, "101", "3"))));
        String community = jdbc.sql("SELECT co.code FROM community co JOIN building bu ON bu.community_id = co.id WHERE bu.code = ?")
                .param(building).query(String.class).single();

        Map<String, Object> job = driver.uploadAndValidate("ROOMS", "shrink.xlsx", ImportDriver.xlsx(List.of(ROOMS,
                row(community, "", building, "", "", 1, "101", "", "M", 2, ""),
                row(community, "", building, "", "", 1, "102", "", "F", 2, ""),
                row(community, "", building, "", "", "一", "103", "", "M", 13, "NOSTAFF"))));

        assertThat(driver.problems(id(job), "en"))
                .extracting(p -> p.get("line"), p -> p.get("column"), p -> p.get("code")).containsExactlyInAnyOrder(
                        tuple(2, "capacity", "import.problem.capacityBelowUsed"),
                        tuple(3, "room_gender", "import.problem.roomGenderBuilding"),
                        tuple(4, "floor", "import.problem.notNumber"),
                        tuple(4, "capacity", "import.problem.range"),
                        tuple(4, "manager_staff_number", "import.problem.unknownStaff"));
        Map<String, Object> shrink = driver.importFile("ROOMS", "shrink.xlsx", ImportDriver.xlsx(List.of(ROOMS,
                row(community, "", building, "", "", 1, "101", "", "M", 3, ""))));
        assertThat(shrink).containsEntry("updated", 1);
        assertThat(bedsOf("101")).containsExactly("1", "2", "3");
    }

    private List<String> bedsOf(String room) {
        return jdbc.sql("""
                        SELECT b.label FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                        JOIN building bu ON bu.id = f.building_id WHERE bu.code = ? AND r.number = ? ORDER BY b.label""")
                .params(building, room).query(String.class).list();
    }

    private String bedOf(String studentNumber) {
        return jdbc.sql("""
                        SELECT r.number || '-' || b.label FROM bed b JOIN room r ON r.id = b.room_id
                        JOIN student s ON s.id = b.occupant_id WHERE s.student_number = ?""")
                .param(studentNumber).query(String.class).single();
    }
}
