package org.shouwang.browser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.shouwang.DemoUsers;
import org.shouwang.TestClock;
import org.shouwang.governance.ActionItemDraft;
import org.shouwang.insights.HotSpots;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A leader on a desktop looks at a month's hot spots: one already turned into an action item, others offered. */
class HotSpotsBrowserTest extends BrowserTest {

    @Autowired Tickets tickets;
    @Autowired HotSpots hotSpots;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLeaderSeesTheMonthsHotSpotsWithTheRequestsBehindThem() throws Exception {
        List<long[]> floors = new ArrayList<>();
        List<List<String>> residents = new ArrayList<>();
        jdbc.query("""
                SELECT f.building_id, f.number, s.student_number FROM bed b JOIN room r ON r.id = b.room_id
                JOIN floor f ON f.id = r.floor_id JOIN student s ON s.id = b.occupant_id ORDER BY f.id, b.id""", rs -> {
            long[] key = {rs.getLong(1), rs.getInt(2)};
            if (floors.isEmpty() || floors.get(floors.size() - 1)[0] != key[0] || floors.get(floors.size() - 1)[1] != key[1]) {
                floors.add(key);
                residents.add(new ArrayList<>());
            }
            residents.get(residents.size() - 1).add(rs.getString(3));
        });
        clock.fix(Instant.parse("2031-09-15T02:00:00Z"));
        raise(residents.get(0), 4, Category.REPAIRS, Category.Subcategory.WATER);
        raise(residents.get(0), 3, Category.REPAIRS, Category.Subcategory.DOOR_LOCK);
        raise(residents.get(1), 3, Category.REPAIRS, Category.Subcategory.ELECTRICITY);
        long department = jdbc.queryForObject("SELECT min(id) FROM department", Long.class);
        String doorLock = hotSpots.of(users.viewer("leader"), YearMonth.of(2031, 9)).stream()
                .filter(s -> "DOOR_LOCK".equals(s.subcategory())).findFirst().orElseThrow().key();
        hotSpots.turnIntoActionItem(users.viewer("leader"), YearMonth.of(2031, 9), doorLock,
                new ActionItemDraft("门锁反复损坏：统一更换本层门锁", department, LocalDate.of(2031, 10, 15)));
        clock.reset();

        logIn("leader");
        open("/insights/hot-spots?month=2031-09");
        waitFor(By.cssSelector("#hot-spots .hot-spot"));
        assertThat(browser.findElements(By.cssSelector("#hot-spots .hot-spot"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector(".hot-spot-item"))).hasSizeGreaterThanOrEqualTo(1);
        assertNoSidewaysScroll();
        screenshot("insights-hot-spots");
    }

    private void raise(List<String> numbers, int count, Category category, Category.Subcategory subcategory) {
        for (int i = 0; i < count; i++) {
            tickets.register(users.viewer("dispatch"), new Tickets.Registration(numbers.get(i % numbers.size()), Channel.PHONE,
                    new Tickets.Submission(category, subcategory, false, "热点示例 " + i, null, null), false, null), List.of());
        }
    }
}
