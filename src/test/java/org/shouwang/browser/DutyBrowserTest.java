package org.shouwang.browser;

import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.shouwang.TestClock;
import org.shouwang.shared.Role;
import org.shouwang.studios.DutyDraft;
import org.shouwang.studios.DutyFixtures;
import org.shouwang.studios.DutyRosters;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A student on a phone sees who is on duty now in their building; student affairs look at the week's roster on a desktop. */
class DutyBrowserTest extends BrowserTest {

    /** Monday 10 March 2031, 07:00 on campus; the week 2031-W11. */
    private static final LocalDateTime MONDAY = LocalDateTime.of(2031, 3, 10, 7, 0);

    @Autowired DutyFixtures fx;
    @Autowired DutyRosters rosters;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aStudentOnAPhoneSeesWhoIsOnDutyNowAndTheKeeperSeesTheWeekGrid() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String police = fx.staff("zhang-" + tag, Role.POLICE_OFFICER, "张建国");
        String counsellor = fx.staff("li-" + tag, Role.COUNSELLOR, "李晓雯");
        String psych = fx.staff("wang-" + tag, Role.PSYCHOLOGY_CENTRE, "王静");
        String manager = fx.staff("zhao-" + tag, Role.BUILDING_MANAGER, "赵师傅");
        long policeStudio = fx.named("金盾护航警务工作室 " + tag, police);
        long counsellorStudio = fx.named("守望辅导员工作室 " + tag, counsellor);
        long psychStudio = fx.named("心晴心理工作室 " + tag, psych);
        long home = fx.buildingOf("student");
        long other = home == fx.firstBuilding() ? fx.secondBuilding() : fx.firstBuilding();

        fx.at(MONDAY);
        long tuesdayPolice = 0;
        for (int day = 0; day < 7; day++) {
            LocalDateTime d = MONDAY.plusDays(day);
            long id = plan(police, home, "社区警务室", policeStudio, d.withHour(8).withMinute(30), d.withHour(12));
            tuesdayPolice = day == 1 ? id : tuesdayPolice;
            plan(counsellor, home, "辅导员值班室", counsellorStudio, d.withHour(9), d.withHour(12));
            plan(psych, day % 2 == 1 ? home : other, "心理驿站", psychStudio, d.withHour(14), d.withHour(17).withMinute(30));
            if (day < 5) {
                plan(manager, other, "宿管值班室", null, d.withHour(8), d.withHour(17));
            }
            plan(counsellor, other, "一站式服务大厅", counsellorStudio, d.withHour(18).withMinute(30), d.withHour(21).withMinute(30));
        }
        LocalDateTime tuesday = MONDAY.plusDays(1);
        fx.at(tuesday.withHour(8).withMinute(24));
        rosters.arrive(fx.viewer(police), tuesdayPolice);
        fx.at(tuesday.withHour(10));

        WebDriver desktop = browser;
        browser = newBrowser(390, 844);
        try {
            logIn("student");
            open("/duty");
            String now = waitFor(By.id("duty-now")).getText();
            assertThat(now).contains("张建国", "社区民警", "社区警务室", "08:30–12:00", "李晓雯", "王静", "14:00–17:30");
            assertThat(browser.findElements(By.cssSelector(".duty-building"))).hasSize(1);
            assertThat(now).doesNotContain("可登记到岗");
            assertThat(browser.findElements(By.id("tab-roster"))).isEmpty();
            assertNoSidewaysScroll();
            screenshot("duty-now-phone");
        } finally {
            browser.quit();
            browser = desktop;
        }

        logIn("affairs");
        open("/duty/roster?week=2031-W11");
        String grid = waitFor(By.id("week-grid")).getText();
        assertThat(grid).contains("张建国", "赵师傅", "宿管值班室");
        assertThat(browser.findElements(By.cssSelector("#week-grid .duty-day"))).hasSize(7);
        assertNoSidewaysScroll();
        wholePage("duty-roster");

        open("/duty/coverage?week=2031-W11");
        assertThat(waitFor(By.id("coverage-person")).getText()).contains("张建国", "赵师傅");
        assertThat(browser.findElement(By.id("total-attended")).getText()).isEqualTo("1");
        wholePage("duty-coverage");

        resize(390, 844);
        open("/duty/roster?week=2031-W11");
        waitFor(By.id("week-grid"));
        assertNoSidewaysScroll();
        screenshot("duty-roster-phone");

        logIn(counsellor);
        open("/duty/mine");
        click(By.cssSelector("button.arrive"));
        assertThat(waitFor(By.id("flash-success")).getText()).contains("10:00");
        assertNoSidewaysScroll();
        screenshot("duty-mine-phone");
        resize(1280, 900);
    }

    private long plan(String who, long building, String venue, Long studio, LocalDateTime start, LocalDateTime end) {
        return rosters.plan(fx.admin(), DutyDraft.of(who, building, venue, studio, start, end));
    }
}
