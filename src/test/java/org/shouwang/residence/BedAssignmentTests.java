package org.shouwang.residence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Check-in, move and check-out through the real stack: rules, history, concurrency and who may do it. */
@IntegrationTest
class BedAssignmentTests {

    @Autowired Residence residence;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestClock clock;

    @Test
    void checkInMoveAndCheckOutKeepTheWholeHistory() {
        Viewer admin = users.viewer("admin");
        long student = unhousedStudent("F");
        long first = freeBed("F");
        residence.checkIn(admin, student, first);
        assertThat(residence.placeOf(student)).get().extracting(p -> p.bedId()).isEqualTo(first);

        long second = freeBed("F");
        residence.move(admin, student, second);
        assertThat(occupant(first)).isNull();
        assertThat(occupant(second)).isEqualTo(student);

        residence.checkOut(admin, student);
        assertThat(residence.placeOf(student)).isEmpty();
        var stays = residence.staysOf(admin, student);
        assertThat(stays).hasSizeGreaterThanOrEqualTo(2).allSatisfy(s -> assertThat(s.endedAt()).isNotNull());
        assertThat(stays.get(0).endReason()).isEqualTo("CHECKED_OUT");
        assertThat(stays.get(0).place()).endsWith("-" + label(second));
        assertThat(stays.get(1).endReason()).isEqualTo("MOVED");
        assertThat(stays.get(1).place()).endsWith("-" + label(first));
    }

    @Test
    void aMoveEndsTheOldStayAndStartsTheNewOneAtTheSameInstant() {
        Viewer admin = users.viewer("admin");
        long student = unhousedStudent("M");
        Instant checkIn = Instant.parse("2026-09-01T02:00:00Z");
        Instant move = Instant.parse("2026-10-08T06:30:00Z");
        try {
            clock.fix(checkIn);
            residence.checkIn(admin, student, freeBed("M"));
            clock.fix(move);
            residence.move(admin, student, freeBed("M"));
        } finally {
            clock.reset();
        }
        var stays = residence.staysOf(admin, student);
        assertThat(stays.get(0).startedAt()).isEqualTo(move);
        assertThat(stays.get(0).endedAt()).isNull();
        assertThat(stays.get(1).startedAt()).isEqualTo(checkIn);
        assertThat(stays.get(1).endedAt()).isEqualTo(move);
        residence.checkOut(admin, student);
    }

    @Test
    void aRoomOfTheOtherGenderIsRefusedWithTheReason() {
        long student = unhousedStudent("M");
        long bed = freeBed("F");
        assertThatThrownBy(() -> residence.checkIn(users.viewer("admin"), student, bed))
                .isInstanceOf(RuleViolation.class).hasMessage("bed.genderMismatch");
        assertThat(occupant(bed)).isNull();
    }

    @Test
    void aStudentWithABedMustMoveRatherThanCheckInTwice() {
        Viewer admin = users.viewer("admin");
        long student = unhousedStudent("M");
        residence.checkIn(admin, student, freeBed("M"));
        long other = freeBed("M");
        assertThatThrownBy(() -> residence.checkIn(admin, student, other))
                .isInstanceOf(RuleViolation.class).hasMessage("student.alreadyHoused");
        residence.checkOut(admin, student);
    }

    @Test
    void twoStaffCheckingDifferentStudentsIntoOneBedAtOnceLeaveExactlyOneThere() throws Exception {
        Viewer admin = users.viewer("admin");
        long bed = freeBed("F");
        List<Long> students = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            students.add(unhousedStudent("F", students));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(students.size());
        List<Future<Boolean>> results = new ArrayList<>();
        for (long student : students) {
            Callable<Boolean> attempt = () -> {
                start.await();
                try {
                    residence.checkIn(admin, student, bed);
                    return true;
                } catch (RuleViolation refused) {
                    return false;
                }
            };
            results.add(pool.submit(attempt));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM bed_assignment WHERE bed_id = ? AND ended_at IS NULL").param(bed)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(students).contains(occupant(bed));
        residence.checkOut(admin, occupant(bed));
    }

    @Test
    void aBuildingManagerAssignsOnlyInTheirOwnBuilding() {
        Viewer manager = users.viewer("manager");
        long ownBuilding = jdbc.sql("SELECT id FROM building WHERE manager_staff_id = ?").param(manager.staffId())
                .query(Long.class).single();
        String gender = jdbc.sql("SELECT gender FROM building WHERE id = ?").param(ownBuilding).query(String.class).single();
        long student = unhousedStudent(gender);
        long ownBed = freeBedIn(ownBuilding);
        residence.checkIn(manager, student, ownBed);
        assertThat(occupant(ownBed)).isEqualTo(student);
        residence.checkOut(manager, student);

        long elsewhere = jdbc.sql("""
                SELECT min(b.id) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                WHERE f.building_id <> ? AND b.occupant_id IS NULL AND b.reserved = FALSE""").param(ownBuilding)
                .query(Long.class).single();
        assertThatThrownBy(() -> residence.checkIn(manager, student, elsewhere)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aManagerIsNotToldWhereAResidentOfAnotherBuildingSleeps() throws Exception {
        Viewer manager = users.viewer("manager");
        long ownBuilding = jdbc.sql("SELECT id FROM building WHERE manager_staff_id = ?").param(manager.staffId())
                .query(Long.class).single();
        record Resident(long id, String building) {
        }
        Resident elsewhere = jdbc.sql("""
                        SELECT b.occupant_id AS id, bu.name AS building FROM bed b JOIN room r ON r.id = b.room_id
                        JOIN floor f ON f.id = r.floor_id JOIN building bu ON bu.id = f.building_id
                        WHERE bu.id <> ? AND b.occupant_id IS NOT NULL ORDER BY b.id LIMIT 1""")
                .param(ownBuilding).query(Resident.class).single();
        mvc.perform(post("/api/v1/check-ins").with(users.as("manager")).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentId\":" + elsewhere.id() + ",\"bedId\":" + freeBedIn(ownBuilding) + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already has a bed")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(elsewhere.building()))));
    }

    @Test
    void countsellorsStudentsAndLeadersCannotAssignBeds() throws Exception {
        long student = unhousedStudent("F");
        long bed = freeBed("F");
        for (String username : new String[]{"counsellor", "student", "floorleader", "leader"}) {
            mvc.perform(post("/api/v1/check-ins").with(users.as(username)).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"studentId\":" + student + ",\"bedId\":" + bed + "}"))
                    .andExpect(status().isNotFound());
        }
        assertThat(occupant(bed)).isNull();
    }

    @Test
    void theApiExplainsARefusalInTheCallersLanguage() throws Exception {
        long student = unhousedStudent("M");
        long bed = freeBed("F");
        String body = "{\"studentId\":" + student + ",\"bedId\":" + bed + "}";
        mvc.perform(post("/api/v1/check-ins").with(users.as("admin")).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("the room is for the other gender")));
        mvc.perform(post("/api/v1/check-ins").with(users.as("admin")).with(csrf()).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("异性宿舍")));
        mvc.perform(post("/api/v1/check-ins").with(users.as("admin")).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"studentId\":null}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'bedId')]").exists());
        mvc.perform(post("/api/v1/check-ins").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest());
    }

    private String label(long bed) {
        return jdbc.sql("SELECT label FROM bed WHERE id = ?").param(bed).query(String.class).single();
    }

    private Long occupant(long bed) {
        return jdbc.sql("SELECT occupant_id FROM bed WHERE id = ?").param(bed).query(Long.class).optional().orElse(null);
    }

    private long unhousedStudent(String gender) {
        return unhousedStudent(gender, List.of());
    }

    /** A student with no bed, taken from the unhoused pool or freed by checking an admin-side resident out. */
    private synchronized long unhousedStudent(String gender, List<Long> taken) {
        Long[] exclude = taken.toArray(Long[]::new);
        return jdbc.sql("""
                        SELECT id FROM student WHERE gender = ? AND id NOT IN (SELECT occupant_id FROM bed WHERE occupant_id IS NOT NULL)
                          AND id NOT IN (SELECT student_id FROM bed_assignment) AND NOT (id = ANY(?))
                        ORDER BY id DESC LIMIT 1""")
                .params(gender, exclude).query(Long.class).optional()
                .orElseGet(() -> freeAResident(gender, taken));
    }

    private long freeAResident(String gender, List<Long> taken) {
        long resident = jdbc.sql("""
                        SELECT max(s.id) FROM student s JOIN bed b ON b.occupant_id = s.id WHERE s.gender = ?
                          AND s.id NOT IN (SELECT leader_student_id FROM floor WHERE leader_student_id IS NOT NULL)
                          AND s.id NOT IN (SELECT leader_student_id FROM building WHERE leader_student_id IS NOT NULL)
                          AND s.id NOT IN (SELECT student_id FROM account WHERE username IN ('student'))
                          AND NOT (s.id = ANY(?))""")
                .params(gender, taken.toArray(Long[]::new)).query(Long.class).single();
        residence.checkOut(users.viewer("admin"), resident);
        return resident;
    }

    private long freeBed(String gender) {
        return jdbc.sql("""
                        SELECT b.id FROM bed b JOIN room r ON r.id = b.room_id
                        WHERE r.gender = ? AND b.occupant_id IS NULL AND b.reserved = FALSE ORDER BY b.id DESC LIMIT 1""")
                .param(gender).query(Long.class).single();
    }

    private long freeBedIn(long building) {
        return jdbc.sql("""
                        SELECT max(b.id) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                        WHERE f.building_id = ? AND b.occupant_id IS NULL AND b.reserved = FALSE""")
                .param(building).query(Long.class).single();
    }
}
