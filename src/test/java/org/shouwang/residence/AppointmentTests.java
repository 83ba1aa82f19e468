package org.shouwang.residence;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Appointing building and floor leaders: residents only, the role follows the appointment, admins only. */
@IntegrationTest
class AppointmentTests {

    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theFloorLeaderRolePassesToTheNewlyAppointedResident() throws Exception {
        record Floor(long id, long leader) {
        }
        Floor floor = jdbc.sql("""
                        SELECT f.id, f.leader_student_id AS leader FROM floor f
                        WHERE f.leader_student_id IS NOT NULL
                          AND f.leader_student_id NOT IN (SELECT student_id FROM account
                                WHERE username IN ('floorleader', 'buildingleader', 'student'))
                          AND (SELECT count(*) FROM bed b JOIN room r ON r.id = b.room_id WHERE r.floor_id = f.id
                                AND b.occupant_id IS NOT NULL) > 1
                        ORDER BY f.id DESC LIMIT 1""")
                .query(Floor.class).single();
        String successor = jdbc.sql("""
                        SELECT min(s.student_number) FROM student s JOIN bed b ON b.occupant_id = s.id JOIN room r ON r.id = b.room_id
                        WHERE r.floor_id = ? AND s.id <> ?""")
                .params(floor.id(), floor.leader()).query(String.class).single();
        assertThat(holdsRole(floor.leader(), Role.FLOOR_LEADER)).isTrue();

        mvc.perform(put("/api/v1/admin/floors/" + floor.id() + "/leader").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"leaderNumber\":\"" + successor + "\"}"))
                .andExpect(status().isNoContent());

        long successorId = jdbc.sql("SELECT id FROM student WHERE student_number = ?").param(successor).query(Long.class).single();
        assertThat(holdsRole(successorId, Role.FLOOR_LEADER)).isTrue();
        assertThat(holdsRole(floor.leader(), Role.FLOOR_LEADER)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'residence.appointFloorLeader' AND target_id = ?")
                .param(String.valueOf(floor.id())).query(Long.class).single()).isPositive();
    }

    @Test
    void onlyAResidentOfTheFloorCanLeadIt() throws Exception {
        long floor = jdbc.sql("SELECT min(id) FROM floor WHERE number = 2").query(Long.class).single();
        String outsider = jdbc.sql("""
                        SELECT min(s.student_number) FROM student s JOIN bed b ON b.occupant_id = s.id JOIN room r ON r.id = b.room_id
                        WHERE r.floor_id <> ?""")
                .param(floor).query(String.class).single();
        mvc.perform(put("/api/v1/admin/floors/" + floor + "/leader").with(users.as("admin")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"leaderNumber\":\"" + outsider + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("does not live there")));
        mvc.perform(put("/api/v1/admin/floors/" + floor + "/leader").with(users.as("manager")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"leaderNumber\":\"" + outsider + "\"}"))
                .andExpect(status().isForbidden());
    }

    private boolean holdsRole(long studentId, Role role) {
        return jdbc.sql("""
                        SELECT count(*) FROM account_role r JOIN account a ON a.id = r.account_id
                        WHERE a.student_id = ? AND r.role = ?""")
                .params(studentId, role.name()).query(Long.class).single() > 0;
    }
}
