package org.shouwang.spaces.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceFixtures;
import org.shouwang.spaces.Spaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SpacesApiTests {

    /** A Tuesday; the clock stands at 10:00 on campus. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 15);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired SpaceFixtures fixtures;
    @Autowired Spaces spaces;
    @Autowired SpaceBookings bookings;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void tenOClock() {
        clock.fix(fixtures.at(TODAY, 10, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ResultActions send(String method, String path, String user, Object body) throws Exception {
        var request = switch (method) {
            case "POST" -> post(path);
            case "PUT" -> put(path);
            case "DELETE" -> delete(path);
            default -> get(path);
        };
        request.with(users.as(user)).with(csrf()).header("Accept-Language", "zh-CN");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private Map<String, Object> slot(LocalDate day, int hour, int hours, String purpose) {
        return Map.of("startsAt", fixtures.at(day, hour, 0).toString(), "endsAt", fixtures.at(day, hour + hours, 0).toString(),
                "purpose", purpose, "attendees", 2);
    }

    private long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private int bookingsOf(long space) {
        return jdbc.queryForObject("SELECT count(*) FROM space_booking WHERE space_id = ?", Integer.class, space);
    }

    @Test
    void spacesAreListedAndReadAndTheirTakenTimesCarryNoNames() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约接口自习室", false));
        Viewer booker = fixtures.students(1).get(0);
        bookings.book(booker, new SpaceBookings.Request(space, fixtures.at(TOMORROW, 14, 0), fixtures.at(TOMORROW, 16, 0), "接口讨论", 2, null));

        send("GET", "/api/v1/spaces?kind=STUDY_ROOM&buildingId=" + fixtures.building(), "student", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("预约接口自习室")));
        send("GET", "/api/v1/spaces/" + space, "student", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.openDays.length()").value(7)).andExpect(jsonPath("$.longestMinutes").value(120));
        String taken = send("GET", "/api/v1/spaces/" + space + "/taken?from=" + fixtures.at(TOMORROW, 0, 0) + "&to="
                + fixtures.at(TOMORROW.plusDays(1), 0, 0), "student", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.taken.length()").value(1)).andExpect(jsonPath("$.taken[0].activity").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(taken).doesNotContain("接口讨论").doesNotContain(booker.displayName()).doesNotContain("booker");
        send("GET", "/api/v1/spaces/" + space + "/taken?from=" + fixtures.at(TOMORROW, 0, 0) + "&to=" + fixtures.at(TODAY, 0, 0), "student", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        send("GET", "/api/v1/spaces/" + space + "/taken?from=yesterday&to=x", "student", null).andExpect(status().isBadRequest());
        send("GET", "/api/v1/spaces/999999999", "student", null).andExpect(status().isNotFound());
    }

    @Test
    void bookingValidatesEveryFieldWith400AndWritesNothing() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约接口校验自习室", false));
        String student = fixtures.students(1).get(0).username();

        send("POST", "/api/v1/spaces/" + space + "/bookings", student, Map.of("attendees", 0, "purpose", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("purpose", "attendees", "startsAt", "endsAt")));
        send("POST", "/api/v1/spaces/" + space + "/bookings", student, Map.of("startsAt", fixtures.at(TOMORROW, 20, 0).toString(),
                "endsAt", fixtures.at(TOMORROW, 23, 0).toString(), "purpose", "晚自习", "attendees", 1))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("startsAt", "endsAt")));
        send("POST", "/api/v1/spaces/" + space + "/bookings", student, "{\"startsAt\":\"tomorrow\",\"attendees\":1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startsAt"));
        send("POST", "/api/v1/spaces/" + space + "/bookings", student, "{\"attendees\":\"many\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("attendees"));

        assertThat(bookingsOf(space)).isZero();
    }

    @Test
    void aTakenSlotAndThePersonalLimitAreRefusedWith409() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约接口冲突自习室", false));
        List<Viewer> two = fixtures.students(2);
        send("POST", "/api/v1/spaces/" + space + "/bookings", two.get(0).username(), slot(TOMORROW, 14, 2, "先到"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("CONFIRMED"));

        send("POST", "/api/v1/spaces/" + space + "/bookings", two.get(1).username(), slot(TOMORROW, 15, 1, "后到"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:shouwang:space.taken"))
                .andExpect(jsonPath("$.detail").value("该时段已被预约，请另选时间。"));
        for (int hour = 8; hour < 12; hour += 2) {
            send("POST", "/api/v1/spaces/" + space + "/bookings", two.get(0).username(), slot(TOMORROW, hour, 1, "再订"))
                    .andExpect(status().isCreated());
        }
        send("POST", "/api/v1/spaces/" + space + "/bookings", two.get(0).username(), slot(TOMORROW, 17, 1, "超限"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:shouwang:space.limitReached"));
        assertThat(bookingsOf(space)).isEqualTo(3);
    }

    @Test
    void aStudentSeesOwnBookingsAManagerThoseOfTheirSpacesAndOthersGet404() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约接口范围研讨室", true));
        List<Viewer> two = fixtures.students(2);
        long id = id(send("POST", "/api/v1/spaces/" + space + "/bookings", two.get(0).username(), slot(TOMORROW, 9, 1, "待批"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("PENDING")));

        send("GET", "/api/v1/space-bookings", two.get(0).username(), null).andExpect(jsonPath("$[*].id", hasItem((int) id)));
        send("GET", "/api/v1/space-bookings", two.get(1).username(), null).andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        send("GET", "/api/v1/space-bookings?managed=true", two.get(1).username(), null).andExpect(jsonPath("$.length()").value(0));
        send("GET", "/api/v1/space-bookings?managed=true&state=PENDING", "manager", null).andExpect(jsonPath("$[*].id", hasItem((int) id)));
        send("GET", "/api/v1/space-bookings?managed=true", "counsellor", null).andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        send("GET", "/api/v1/space-bookings/" + id, two.get(0).username(), null).andExpect(status().isOk());
        send("GET", "/api/v1/space-bookings/" + id, "manager", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.bookerName").value(two.get(0).displayName()));
        send("GET", "/api/v1/space-bookings/" + id, two.get(1).username(), null).andExpect(status().isNotFound());
        send("GET", "/api/v1/space-bookings/" + id, "counsellor", null).andExpect(status().isNotFound());

        send("POST", "/api/v1/space-bookings/" + id + "/approve", two.get(0).username(), null).andExpect(status().isNotFound());
        send("POST", "/api/v1/space-bookings/" + id + "/approve", two.get(1).username(), null).andExpect(status().isNotFound());
        send("POST", "/api/v1/space-bookings/" + id + "/approve", "counsellor", null).andExpect(status().isNotFound());
        send("POST", "/api/v1/space-bookings/" + id + "/decline", "counsellor", Map.of("reason", "不行")).andExpect(status().isNotFound());
        send("POST", "/api/v1/space-bookings/" + id + "/decline", two.get(1).username(), Map.of("reason", "")).andExpect(status().isNotFound());
        send("POST", "/api/v1/space-bookings/" + id + "/cancel", two.get(1).username(), null).andExpect(status().isNotFound());
        send("POST", "/api/v1/space-bookings/" + id + "/decline", "manager", Map.of("reason", " ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send("POST", "/api/v1/space-bookings/" + id + "/approve", "manager", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CONFIRMED"));
        send("POST", "/api/v1/space-bookings/" + id + "/approve", "manager", null).andExpect(status().isConflict());
        send("POST", "/api/v1/space-bookings/" + id + "/cancel", two.get(0).username(), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"));
    }

    @Test
    void bookersCheckInByTappingOrAtTheDoorWithinTheWindow() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约接口签到自习室", false));
        List<Viewer> two = fixtures.students(2);
        long tap = id(send("POST", "/api/v1/spaces/" + space + "/bookings", two.get(0).username(), slot(TODAY, 11, 1, "点签到")));
        long door = id(send("POST", "/api/v1/spaces/" + space + "/bookings", two.get(1).username(), slot(TODAY, 12, 1, "扫码签到")));
        String key = spaces.doorKey(users.viewer("manager"), space);

        send("POST", "/api/v1/space-bookings/" + tap + "/check-in", two.get(0).username(), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:space.checkInClosed"));
        clock.fix(fixtures.at(TODAY, 11, 5));
        send("POST", "/api/v1/space-bookings/" + tap + "/check-in", two.get(1).username(), null).andExpect(status().isNotFound());
        send("POST", "/api/v1/space-bookings/" + tap + "/check-in", two.get(0).username(), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CHECKED_IN"));

        clock.fix(fixtures.at(TODAY, 11, 55));
        send("POST", "/api/v1/spaces/" + space + "/door-check-in", two.get(1).username(), Map.of("key", "guess"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:shouwang:space.wrongDoorCode"));
        send("POST", "/api/v1/spaces/" + space + "/door-check-in", two.get(0).username(), Map.of("key", key))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:shouwang:space.noBookingNow"));
        send("POST", "/api/v1/spaces/" + space + "/door-check-in", two.get(1).username(), Map.of("key", key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value((int) door))
                .andExpect(jsonPath("$.state").value("CHECKED_IN"));
    }

    @Test
    void adminsAndBuildingManagersDefineSpacesAndClosuresOthersGet404() throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "预约接口新建活动室", "kind", "ACTIVITY_ROOM",
                "buildingId", fixtures.building(), "floor", 1, "capacity", 30, "opensAt", "09:00", "closesAt", "21:30",
                "openDays", List.of("MONDAY", "SATURDAY"), "longestMinutes", 180, "daysAhead", 14));
        body.put("organisationsMayBook", true);
        body.put("needsApproval", true);

        send("POST", "/api/v1/spaces", "student", body).andExpect(status().isNotFound());
        send("POST", "/api/v1/spaces", "counsellor", body).andExpect(status().isNotFound());
        send("POST", "/api/v1/spaces", "student", Map.of("name", "")).andExpect(status().isNotFound());
        send("POST", "/api/v1/spaces", "manager", Map.of("name", "", "capacity", 0, "openDays", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("capacity"))).andExpect(jsonPath("$.errors[*].field", hasItem("openDays")));
        send("POST", "/api/v1/spaces", "manager", "{\"kind\":\"BALLROOM\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        long id = id(send("POST", "/api/v1/spaces", "manager", body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.openDays", containsInAnyOrder("MONDAY", "SATURDAY"))).andExpect(jsonPath("$.version").value(0)));

        body.put("capacity", 40);
        body.put("version", 5);
        send("PUT", "/api/v1/spaces/" + id, "manager", body).andExpect(status().isConflict());
        send("PUT", "/api/v1/spaces/" + id, "student", body).andExpect(status().isNotFound());
        body.put("version", 0);
        send("PUT", "/api/v1/spaces/" + id, "admin", body).andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(40))
                .andExpect(jsonPath("$.version").value(1));

        Map<String, Object> closure = Map.of("startsAt", fixtures.at(TOMORROW, 0, 0).toString(),
                "endsAt", fixtures.at(TOMORROW.plusDays(3), 0, 0).toString(), "reason", "寒假闭馆");
        send("POST", "/api/v1/spaces/" + id + "/closures", "student", closure).andExpect(status().isNotFound());
        send("POST", "/api/v1/spaces/" + id + "/closures", "manager", Map.of("reason", "")).andExpect(status().isBadRequest());
        long closureId = id(send("POST", "/api/v1/spaces/" + id + "/closures", "manager", closure).andExpect(status().isCreated()));
        send("GET", "/api/v1/spaces/" + id + "/closures", "student", null).andExpect(jsonPath("$[0].reason").value("寒假闭馆"));
        send("DELETE", "/api/v1/spaces/" + id + "/closures/" + closureId, "student", null).andExpect(status().isNotFound());
        send("DELETE", "/api/v1/spaces/" + id + "/closures/" + closureId, "manager", null).andExpect(status().isNoContent());
        send("DELETE", "/api/v1/spaces/" + id + "/closures/" + closureId, "manager", null).andExpect(status().isNotFound());

        send("POST", "/api/v1/spaces/" + id + "/active?active=false", "student", null).andExpect(status().isNotFound());
        send("POST", "/api/v1/spaces/" + id + "/active?active=false", "manager", null).andExpect(status().isNoContent());
        send("GET", "/api/v1/spaces/" + id, "student", null).andExpect(status().isNotFound());
        send("GET", "/api/v1/spaces/" + id, "manager", null).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
    }

    @Test
    void theApiIsDocumented() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(users.as("admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(docs).contains("/api/v1/spaces/{id}/taken", "/api/v1/space-bookings/{id}/approve", "/api/v1/spaces/{id}/door-check-in");
    }
}
