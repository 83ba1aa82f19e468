package org.shouwang.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.governance.ActionItemStatus;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class HotSpotsTests {

    private static final YearMonth MONTH = YearMonth.of(2031, 3);

    @Autowired HotSpots hotSpots;
    @Autowired Tickets tickets;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    private long building;
    private int floor;
    private List<String> residents;

    @BeforeEach
    void pickAFloor() {
        Map<String, List<String>> byFloor = new LinkedHashMap<>();
        jdbc.query("""
                SELECT f.building_id, f.number, s.student_number FROM bed b JOIN room r ON r.id = b.room_id
                JOIN floor f ON f.id = r.floor_id JOIN student s ON s.id = b.occupant_id ORDER BY f.id, b.id""",
                rs -> {
                    byFloor.computeIfAbsent(rs.getLong(1) + ":" + rs.getInt(2), k -> new ArrayList<>()).add(rs.getString(3));
                });
        Map.Entry<String, List<String>> most = byFloor.entrySet().stream()
                .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size())).orElseThrow();
        building = Long.parseLong(most.getKey().split(":")[0]);
        floor = Integer.parseInt(most.getKey().split(":")[1]);
        residents = most.getValue();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMonthsHotSpotsAreTheFloorsRecurringProblemsAndEqualADirectCount() {
        clock.fix(Instant.parse("2031-03-10T02:00:00Z"));
        raise(3, Category.REPAIRS, Category.Subcategory.WATER);
        raise(2, Category.REPAIRS, Category.Subcategory.ELECTRICITY);
        clock.fix(Instant.parse("2031-04-02T02:00:00Z"));
        raise(3, Category.REPAIRS, Category.Subcategory.FURNITURE);

        List<HotSpots.HotSpot> spots = hotSpots.of(users.viewer("leader"), MONTH);

        String water = HotSpots.key(building, floor, Category.REPAIRS, "WATER");
        assertThat(spots).extracting(HotSpots.HotSpot::key).contains(water)
                .doesNotContain(HotSpots.key(building, floor, Category.REPAIRS, "ELECTRICITY"))
                .doesNotContain(HotSpots.key(building, floor, Category.REPAIRS, "FURNITURE"));
        for (HotSpots.HotSpot s : spots) {
            Integer direct = jdbc.queryForObject("""
                    SELECT count(*) FROM ticket WHERE building_id = ? AND floor_number = ? AND category = ?
                    AND COALESCE(subcategory, 'NONE') = ? AND merged_into_id IS NULL
                    AND submitted_at >= TIMESTAMP WITH TIME ZONE '2031-03-01 00:00:00+08:00'
                    AND submitted_at < TIMESTAMP WITH TIME ZONE '2031-04-01 00:00:00+08:00'""", Integer.class,
                    s.buildingId(), s.floor(), s.category().name(), s.subcategory() == null ? "NONE" : s.subcategory());
            assertThat(s.count()).isEqualTo(direct).isGreaterThanOrEqualTo(hotSpots.threshold());
            assertThat(s.requests()).allSatisfy(r -> assertThat(r.number()).startsWith("203103"));
        }
        assertThat(hotSpots.of(users.viewer("leader"), YearMonth.of(2031, 4))).extracting(HotSpots.HotSpot::key)
                .contains(HotSpots.key(building, floor, Category.REPAIRS, "FURNITURE"));
    }

    @Test
    void sensitiveRequestsFormAHotSpotOnlyFromFiveOn() {
        clock.fix(Instant.parse("2031-05-12T02:00:00Z"));
        raise(4, Category.LEGAL, null);
        String legal = HotSpots.key(building, floor, Category.LEGAL, null);
        assertThat(hotSpots.of(users.viewer("affairs"), YearMonth.of(2031, 5))).extracting(HotSpots.HotSpot::key)
                .doesNotContain(legal);
        raise(1, Category.LEGAL, null);
        assertThat(hotSpots.of(users.viewer("affairs"), YearMonth.of(2031, 5))).extracting(HotSpots.HotSpot::key)
                .contains(legal);
    }

    @Test
    void onlyLeadersAdminsAndStudentAffairsSeeHotSpots() throws Exception {
        for (String who : List.of("leader", "admin", "affairs")) {
            mvc.perform(get("/insights/hot-spots").param("month", "2031-03").with(users.as(who))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/insights/hot-spots").param("month", "2031-03").with(users.as(who))).andExpect(status().isOk());
        }
        for (String who : List.of("student", "counsellor", "manager", "depthead", "psych", "party")) {
            mvc.perform(get("/insights/hot-spots").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/hot-spots").with(users.as(who))).andExpect(status().isNotFound());
            assertThatThrownBy(() -> hotSpots.of(users.viewer(who), MONTH)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aMalformedMonthIsAFieldError() throws Exception {
        assertThatThrownBy(() -> hotSpots.month("2031-13")).isInstanceOf(InvalidInput.class);
        mvc.perform(get("/api/v1/insights/hot-spots").param("month", "March").with(users.as("leader")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        mvc.perform(get("/insights/hot-spots").param("month", "March").with(users.as("leader")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")));
    }

    @Test
    void aLeaderTurnsAHotSpotIntoAnActionItemOnceAndItShowsItsItem() throws Exception {
        clock.fix(Instant.parse("2031-06-08T02:00:00Z"));
        raise(3, Category.REPAIRS, Category.Subcategory.DOOR_LOCK);
        String key = HotSpots.key(building, floor, Category.REPAIRS, "DOOR_LOCK");
        long department = jdbc.queryForObject("SELECT min(id) FROM department", Long.class);
        String body = "{\"title\":\"门锁反复损坏专项整治\",\"departmentId\":" + department + ",\"deadline\":\"2031-07-01\"}";
        for (String who : List.of("affairs", "admin", "counsellor", "student")) {
            mvc.perform(post("/api/v1/insights/hot-spots/" + key + "/action-item").param("month", "2031-06").with(users.as(who))
                    .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/v1/insights/hot-spots/" + key + "/action-item").param("month", "2031-06").with(users.as("leader"))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        HotSpots.HotSpot spot = hotSpots.of(users.viewer("leader"), YearMonth.of(2031, 6)).stream()
                .filter(s -> s.key().equals(key)).findFirst().orElseThrow();
        assertThat(spot.item()).isNotNull();
        assertThat(spot.item().title()).isEqualTo("门锁反复损坏专项整治");
        assertThat(spot.item().status()).isEqualTo(ActionItemStatus.OPEN);
        mvc.perform(post("/api/v1/insights/hot-spots/" + key + "/action-item").param("month", "2031-06").with(users.as("leader"))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM action_item WHERE source = ?", Integer.class, "hot-spot 2031-06 " + key))
                .isEqualTo(1);
        mvc.perform(get("/insights/hot-spots").param("month", "2031-06").with(users.as("leader")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("门锁反复损坏专项整治")));
        mvc.perform(post("/api/v1/insights/hot-spots/no-such-key/action-item").param("month", "2031-06").with(users.as("leader"))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
    }

    @Test
    void aPastDeadlineOrUnknownDepartmentAreFieldErrorsAndNothingIsWritten() throws Exception {
        clock.fix(Instant.parse("2031-08-08T02:00:00Z"));
        raise(3, Category.REPAIRS, Category.Subcategory.NETWORK);
        String key = HotSpots.key(building, floor, Category.REPAIRS, "NETWORK");
        mvc.perform(post("/api/v1/insights/hot-spots/" + key + "/action-item").param("month", "2031-08").with(users.as("leader"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"网络\",\"departmentId\":987654321,\"deadline\":\"2031-08-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("departmentId", "deadline")));
        mvc.perform(post("/insights/hot-spots/" + key + "/action-item").param("month", "2031-08").with(users.as("leader")).with(csrf())
                        .param("title", "").param("departmentId", "x").param("deadline", "2031-08-01"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM hot_spot_item WHERE spot_key = ?", Integer.class, key)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM action_item WHERE source LIKE ?", Integer.class, "%" + key)).isZero();
    }

    private void raise(int count, Category category, Category.Subcategory subcategory) {
        for (int i = 0; i < count; i++) {
            String number = residents.get(i % residents.size());
            tickets.register(users.viewer("dispatch"), new Tickets.Registration(number, Channel.PHONE,
                    new Tickets.Submission(category, subcategory, false, "热点测试 " + category + " " + i, null, null),
                    false, null), List.of());
        }
    }
}
