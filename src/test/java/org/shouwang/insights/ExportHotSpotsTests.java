package org.shouwang.insights;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportHotSpotsTests {

    private static final YearMonth MONTH = YearMonth.of(2047, 5);

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired HotSpots hotSpots;
    @Autowired Tickets tickets;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<Row> rows(String path, String username) throws Exception {
        return Workbooks.rows(mvc, users.as(username), path);
    }

    @Test
    void theMonthsHotSpotsWithRequestNumbersOnlyAndRefusedToOthers() throws Exception {
        Map<String, List<String>> byFloor = new LinkedHashMap<>();
        jdbc.query("""
                SELECT f.building_id, f.number, s.student_number FROM bed b JOIN room r ON r.id = b.room_id
                JOIN floor f ON f.id = r.floor_id JOIN student s ON s.id = b.occupant_id ORDER BY f.id, b.id""",
                rs -> {
                    byFloor.computeIfAbsent(rs.getLong(1) + ":" + rs.getInt(2), k -> new ArrayList<>()).add(rs.getString(3));
                });
        List<String> residents = byFloor.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        clock.fix(Instant.parse("2047-05-12T02:00:00Z"));
        for (int i = 0; i < 4; i++) {
            tickets.register(users.viewer("dispatch"), new Tickets.Registration(residents.get(i % residents.size()), Channel.PHONE,
                    new Tickets.Submission(Category.REPAIRS, Category.Subcategory.WATER, false, "导出热点测试 漏水13812345678 " + i,
                            null, null), false, null), List.of());
        }
        clock.reset();
        List<HotSpots.HotSpot> spots = hotSpots.of(users.viewer("leader"), MONTH);
        assertThat(spots).isNotEmpty();
        List<Row> rows = rows("/exports/hot-spots.xlsx?month=2047-05", "leader");
        // title, header, a row per hot spot
        assertThat(rows).hasSize(spots.size() + 2);
        for (int i = 0; i < spots.size(); i++) {
            Row row = rows.get(i + 2);
            assertThat(text(row, 0)).isEqualTo(spots.get(i).buildingName());
            assertThat(row.getCellAsNumber(4).orElseThrow().intValue()).isEqualTo(spots.get(i).count());
            assertThat(text(row, 5).split(" ")).containsExactlyElementsOf(
                    spots.get(i).requests().stream().map(HotSpots.Request::number).toList());
        }
        assertThat(rows).allSatisfy(r -> {
            for (int c = 0; c < r.getCellCount(); c++) {
                assertThat(text(r, c)).doesNotContain("导出热点测试", "13812345678");
            }
        });
        mvc.perform(get("/api/v1/exports/hot-spots.xlsx?month=2047-5x").with(users.as("leader"))).andExpect(status().isBadRequest());
        for (String username : List.of("student", "counsellor", "handler")) {
            mvc.perform(get("/exports/hot-spots.xlsx").with(users.as(username))).andExpect(status().isNotFound());
        }
    }
}
