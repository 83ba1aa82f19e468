package org.shouwang.studios.web;

import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.Role;
import org.shouwang.studios.DutyFixtures;
import org.shouwang.studios.DutyRosters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.shouwang.studios.DutyFixtures.MONDAY_9;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DutyApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired DutyFixtures fx;
    @Autowired DutyRosters rosters;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void monday() {
        fx.at(MONDAY_9);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String body(String username, Object building, String venue, Object studio, String start, String end) {
        return """
                {"username": %s, "buildingId": %s, "venue": %s, "studioId": %s, "start": %s, "end": %s}"""
                .formatted(q(username), building, q(venue), studio, q(start), q(end));
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void aKeeperPlansAShiftOverTheApiAndAnOverlapIsAConflict() throws Exception {
        String police = fx.staff("api-police", Role.POLICE_OFFICER);
        mvc.perform(post("/api/v1/duty/shifts").with(users.as("affairs")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(police, fx.firstBuilding(), "社区警务室", null, "2031-03-04T18:00", "2031-03-04T21:00")))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isNumber());
        mvc.perform(post("/api/v1/duty/shifts").with(users.as("affairs")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(police, fx.secondBuilding(), "值班室", null, "2031-03-04T20:00", "2031-03-04T22:00")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:duty.overlap"));
        mvc.perform(get("/api/v1/duty/shifts").param("week", "2031-W10").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.week").value("2031-W10"))
                .andExpect(jsonPath("$.days.length()").value(7))
                .andExpect(jsonPath("$.days[1].shifts[*].person", hasItem("值班·" + police)));
    }

    @Test
    void badShiftsAreFieldErrorsAndNothingIsWritten() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM duty_shift", Integer.class);
        mvc.perform(post("/api/v1/duty/shifts").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body("no-such-user", 999999, "", null, "2031-03-02T18:00", "2031-03-02T17:00")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("username", "buildingId", "venue", "start", "end")));
        mvc.perform(post("/api/v1/duty/shifts").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"police\", \"buildingId\": \"abc\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/duty/shifts").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/duty/shifts").param("week", "2031-W99").with(users.as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("week"));
        mvc.perform(get("/api/v1/duty/coverage").param("from", "2031-03-09").param("to", "2031-03-01").with(users.as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/duty/coverage").param("from", "March").param("to", "2031-03-01").with(users.as("admin")))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM duty_shift", Integer.class)).isEqualTo(before);
    }

    @Test
    void everyRosterPathAnswersNotFoundToThoseWhoDoNotKeepIt() throws Exception {
        String police = fx.staff("api-police", Role.POLICE_OFFICER);
        long shift = rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, MONDAY_9.plusDays(1), MONDAY_9.plusDays(1).plusHours(2)));
        String counsellor = fx.staff("api-counsellor", Role.COUNSELLOR);
        String otherPolice = fx.staff("api-police", Role.POLICE_OFFICER);
        // Demo accounts in no studio, and fresh staff of the roles that stand duty.
        for (String who : new String[] {"student", "leader", "manager", "handler", "buildingleader", counsellor, otherPolice}) {
            mvc.perform(get("/api/v1/duty/shifts").param("week", "2031-W10").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/duty/shifts").with(users.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content(body(police, fx.firstBuilding(), "x", null, "2031-03-05T18:00", "2031-03-05T19:00")))
                    .andExpect(status().isNotFound());
            mvc.perform(delete("/api/v1/duty/shifts/{id}", shift).with(users.as(who)).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/duty/weeks/2031-W11/copy").with(users.as(who)).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/duty/shifts/{id}/arrival", shift).with(users.as(who)).with(csrf())).andExpect(status().isNotFound());
        }
        for (String who : new String[] {"student", "manager", "party", counsellor, otherPolice}) {
            mvc.perform(get("/api/v1/duty/coverage").param("from", "2031-03-03").param("to", "2031-03-09").with(users.as(who)))
                    .andExpect(status().isNotFound());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM duty_shift WHERE id = ?", Integer.class, shift)).isEqualTo(1);
    }

    @Test
    void thePersonOnDutyArrivesRemovesNothingAndTheCoverageCountsIt() throws Exception {
        String police = fx.staff("api-police", Role.POLICE_OFFICER);
        LocalDateTime start = MONDAY_9.plusWeeks(20);
        long shift = rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, start, start.plusHours(3)));
        long gone = rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, start.plusHours(4), start.plusHours(5)));
        mvc.perform(delete("/api/v1/duty/shifts/{id}", gone).with(users.as("admin")).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/duty/shifts/{id}/arrival", shift).with(users.as(police)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:duty.arrivalNotYet"));
        fx.at(start.plusMinutes(12));
        mvc.perform(post("/api/v1/duty/shifts/{id}/arrival", shift).with(users.as(police)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.late").value(true))
                .andExpect(jsonPath("$.status").value("ON_DUTY"));
        mvc.perform(delete("/api/v1/duty/shifts/{id}", shift).with(users.as("admin")).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/duty/shifts/mine").with(users.as(police)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(shift));
        mvc.perform(get("/api/v1/duty/coverage").param("from", start.toLocalDate().toString())
                        .param("to", start.toLocalDate().toString()).with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byPerson[?(@.name == '值班·" + police + "')].attended").value(1))
                .andExpect(jsonPath("$.byPerson[?(@.name == '值班·" + police + "')].late").value(1));
    }

    @Test
    void aStudentAsksWhoIsOnDutyInTheirBuildingAndCopyingAWeekCountsWhatItSkipped() throws Exception {
        long home = fx.buildingOf("student");
        String police = fx.staff("api-police", Role.POLICE_OFFICER);
        LocalDateTime start = MONDAY_9.plusWeeks(30);
        rosters.plan(fx.admin(), fx.shift(police, home, null, start, start.plusHours(3)));
        mvc.perform(post("/api/v1/duty/weeks/{week}/copy", org.shouwang.studios.DutyWeek.of(start.toLocalDate()).next().text())
                        .with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.copied").isNumber());
        fx.at(start.plusHours(1));
        mvc.perform(get("/api/v1/duty/now").with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buildingId").value(home))
                .andExpect(jsonPath("$.buildings.length()").value(1))
                .andExpect(jsonPath("$.buildings[0].now[*].person", hasItem("值班·" + police)));
        mvc.perform(get("/api/v1/duty/now").param("buildingId", "999999").with(users.as("counsellor")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/duty/weeks/2031-W77/copy").with(users.as("admin")).with(csrf()))
                .andExpect(status().isBadRequest());
    }
}
