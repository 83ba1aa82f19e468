package org.shouwang.residence;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A room shows who sleeps there only to those whose scope includes them; the beds' colours to all who may see the building. */
@IntegrationTest
class RoomVisibilityTests {

    @Autowired Residence residence;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aFloorLeaderSeesNamesOnTheirFloorOnly() {
        Viewer leader = users.viewer("floorleader");
        long ownRoom = occupiedRoom("f.leader_student_id = ?", leader.studentId());
        long otherFloorRoom = occupiedRoom("""
                f.building_id = (SELECT building_id FROM floor WHERE leader_student_id = ?)
                AND coalesce(f.leader_student_id, -1) <> ?""", leader.studentId(), leader.studentId());

        assertThat(residence.room(leader, ownRoom).beds())
                .filteredOn(b -> b.status() == BedStatus.OCCUPIED).allSatisfy(b -> assertThat(b.occupant()).isNotNull());
        ResidenceViews.RoomDetail elsewhere = residence.room(leader, otherFloorRoom);
        assertThat(elsewhere.beds()).filteredOn(b -> b.status() == BedStatus.OCCUPIED).isNotEmpty()
                .allSatisfy(b -> assertThat(b.occupant()).isNull());
        assertThat(elsewhere.history()).isEmpty();
    }

    @Test
    void aStudentCannotOpenRoomsOrBuildingsTheyDoNotLead() throws Exception {
        long room = jdbc.sql("SELECT min(id) FROM room").query(Long.class).single();
        long building = jdbc.sql("SELECT min(id) FROM building").query(Long.class).single();
        mvc.perform(get("/rooms/" + room).with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/rooms/" + room).with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/buildings/" + building + "/vacancy-map").with(users.as("student"))).andExpect(status().isNotFound());
    }

    private long occupiedRoom(String condition, Object... args) {
        return jdbc.sql("""
                        SELECT min(r.id) FROM room r JOIN floor f ON f.id = r.floor_id JOIN bed b ON b.room_id = r.id
                        WHERE b.occupant_id IS NOT NULL AND %s""".formatted(condition))
                .params(args).query(Long.class).single();
    }
}
