package org.shouwang.people;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** DESIGN §6: each viewer sees only the students in their scope; anyone else gets 404. */
@IntegrationTest
class StudentScopeTests {

    @Autowired People people;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void counsellorSeesOnlyTheirClassesStudents() {
        Viewer counsellor = users.viewer("counsellor");
        var found = people.searchStudents(counsellor, "", null, 0, 1000);
        long expected = jdbc.sql("""
                SELECT count(*) FROM student s JOIN class_group c ON c.id = s.class_id WHERE c.counsellor_id = ?""")
                .param(counsellor.staffId()).query(Long.class).single();
        assertThat(found.total()).isEqualTo(expected).isPositive();
        long outsider = studentOutsideClassesOf(counsellor.staffId());
        assertThatThrownBy(() -> people.profile(counsellor, outsider)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void headTeacherSeesOnlyTheClassTheyHead() throws Exception {
        Viewer headTeacher = users.viewer("headteacher");
        long classId = jdbc.sql("SELECT id FROM class_group WHERE head_teacher_id = ?").param(headTeacher.staffId())
                .query(Long.class).single();
        var found = people.searchStudents(headTeacher, "", null, 0, 1000);
        assertThat(found.items()).isNotEmpty().allSatisfy(s -> assertThat(s.classId()).isEqualTo(classId));
        long outsider = studentOutsideClassesOf(headTeacher.staffId());
        mvc.perform(get("/api/v1/students/" + outsider).with(users.as("headteacher"))).andExpect(status().isNotFound());
        mvc.perform(get("/students/" + outsider).with(users.as("headteacher"))).andExpect(status().isNotFound());
    }

    @Test
    void buildingLeaderSeesTheResidentsOfTheirBuilding() {
        Viewer leader = users.viewer("buildingleader");
        long residents = jdbc.sql("""
                SELECT count(*) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                JOIN building bu ON bu.id = f.building_id WHERE bu.leader_student_id = ? AND b.occupant_id IS NOT NULL""")
                .param(leader.studentId()).query(Long.class).single();
        assertThat(people.searchStudents(leader, "", null, 0, 10).total()).isEqualTo(residents).isGreaterThan(1);
        long elsewhere = jdbc.sql("""
                SELECT min(b.occupant_id) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                JOIN building bu ON bu.id = f.building_id WHERE coalesce(bu.leader_student_id, -1) <> ?""")
                .param(leader.studentId()).query(Long.class).single();
        assertThatThrownBy(() -> people.profile(leader, elsewhere)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void studentSeesOnlyThemself() throws Exception {
        Viewer student = users.viewer("student");
        assertThat(people.searchStudents(student, "", null, 0, 50).items())
                .extracting(StudentSummary::id).containsExactly(student.studentId());
        long other = jdbc.sql("SELECT min(id) FROM student WHERE id <> ?").param(student.studentId()).query(Long.class).single();
        mvc.perform(get("/api/v1/students/" + other).with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/students/" + other).with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/" + student.studentId()).with(users.as("student")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.idCard").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("*"))));
    }

    @Test
    void buildingManagerSeesResidentsOfTheirBuildingOnly() {
        Viewer manager = users.viewer("manager");
        long residents = jdbc.sql("""
                SELECT count(*) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                JOIN building bu ON bu.id = f.building_id WHERE bu.manager_staff_id = ? AND b.occupant_id IS NOT NULL""")
                .param(manager.staffId()).query(Long.class).single();
        assertThat(people.searchStudents(manager, "", null, 0, 10).total()).isEqualTo(residents).isPositive();
        long elsewhere = jdbc.sql("""
                SELECT min(b.occupant_id) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                JOIN building bu ON bu.id = f.building_id WHERE bu.manager_staff_id <> ?""")
                .param(manager.staffId()).query(Long.class).single();
        assertThatThrownBy(() -> people.profile(manager, elsewhere)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void floorLeaderSeesTheirFloorOnly() {
        Viewer leader = users.viewer("floorleader");
        var found = people.searchStudents(leader, "", null, 0, 500);
        long floorResidents = jdbc.sql("""
                SELECT count(*) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                WHERE f.leader_student_id = ? AND b.occupant_id IS NOT NULL""")
                .param(leader.studentId()).query(Long.class).single();
        assertThat(found.total()).isEqualTo(floorResidents).isGreaterThan(1);
    }

    @Test
    void leaderAndHandlerSeeNoIndividualStudents() throws Exception {
        for (String username : new String[]{"leader", "handler", "dispatch"}) {
            assertThat(people.searchStudents(users.viewer(username), "", null, 0, 10).total()).isZero();
            mvc.perform(get("/api/v1/students/1").with(users.as(username))).andExpect(status().isNotFound());
        }
    }

    @Test
    void identifiersAreMaskedForThoseWhoDoNotNeedThem() {
        Viewer leader = users.viewer("floorleader");
        long neighbour = people.searchStudents(leader, "", null, 0, 50).items().stream()
                .filter(s -> s.id() != leader.studentId()).findFirst().orElseThrow().id();
        StudentProfile seenByLeader = people.profile(leader, neighbour);
        assertThat(seenByLeader.phone()).contains("****");
        assertThat(seenByLeader.idCard()).contains("********");
        StudentProfile seenByAdmin = people.profile(users.viewer("admin"), neighbour);
        assertThat(seenByAdmin.idCard()).doesNotContain("*").hasSize(18);
    }

    @Test
    void searchFindsChineseNamesAndStudentNumberPrefixes() {
        Viewer admin = users.viewer("admin");
        String name = jdbc.sql("SELECT name FROM student ORDER BY id LIMIT 1").query(String.class).single();
        assertThat(people.searchStudents(admin, name, null, 0, 50).items())
                .allSatisfy(s -> assertThat(s.name()).contains(name)).isNotEmpty();
        assertThat(people.searchStudents(admin, name.substring(0, 1), null, 0, 50).total()).isPositive();
        assertThat(people.searchStudents(admin, "2023", null, 0, 50).items())
                .allSatisfy(s -> assertThat(s.studentNumber()).startsWith("2023"));
        assertThat(people.searchStudents(admin, "%", null, 0, 50).total()).isZero();
    }

    private long studentOutsideClassesOf(long staffId) {
        return jdbc.sql("""
                SELECT min(s.id) FROM student s JOIN class_group c ON c.id = s.class_id
                WHERE coalesce(c.counsellor_id, -1) <> ? AND coalesce(c.head_teacher_id, -1) <> ?""")
                .params(staffId, staffId).query(Long.class).single();
    }
}
