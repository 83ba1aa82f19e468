package org.shouwang.browser;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.shouwang.DemoUsers;
import org.shouwang.TestClock;
import org.shouwang.identity.Accounts;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking a community space as it happens: a student on a phone finds a study room, taps a free
 * half hour and books it; a second student on another phone cannot take the same time and is told
 * why; the first taps "I'm here" when they arrive. A seminar room that needs approval: the request
 * waits, the building manager approves it on a desktop, and the student checks in by scanning the
 * door's code, signing in on the way.
 */
class SpacesBrowserTest extends BrowserTest {

    /** A Tuesday; the clock stands at 09:55 on campus. */
    static final LocalDate DAY = LocalDate.of(2026, 12, 29);

    @Autowired SpaceFixtures fixtures;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired Accounts accounts;

    WebDriver secondPhone;
    WebDriver desk;

    @BeforeAll
    void startMoreBrowsers() throws IOException {
        secondPhone = newBrowser(390, 844);
        desk = newBrowser(1280, 900);
    }

    @AfterAll
    void stopMoreBrowsers() {
        for (WebDriver d : new WebDriver[] {secondPhone, desk}) {
            if (d != null) {
                d.quit();
            }
        }
    }

    @BeforeEach
    void fiveToTen() {
        clock.fix(fixtures.at(DAY, 9, 55));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The helpers of BrowserTest drive this browser from now on; answers the one they drove before. */
    private WebDriver use(WebDriver driver) {
        WebDriver before = browser;
        browser = driver;
        return before;
    }

    /**
     * Students no other test uses, able to sign in with the demo password whatever earlier tests did to
     * the newest accounts (imports, password changes, locks).
     */
    private List<Viewer> students(int count) {
        List<Viewer> students = fixtures.students(count);
        String hash = accounts.hash(DemoUsers.PASSWORD);
        for (Viewer s : students) {
            jdbc.update("""
                    UPDATE account SET password_hash = ?, enabled = TRUE, must_change_password = FALSE, failed_logins = 0,
                           locked_until = NULL WHERE id = ?""", hash, s.accountId());
        }
        return students;
    }

    private int bookingsOf(long space) {
        return jdbc.queryForObject("SELECT count(*) FROM space_booking WHERE space_id = ?", Integer.class, space);
    }

    @Test
    void aStudentOnAPhoneBooksAStudyRoomASecondCannotTakeTheSameTimeAndTheFirstChecksIn() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("浏览器自习室", false));
        List<Viewer> students = students(2);
        WebDriver main = browser;
        try {
            // The first student finds the room on their phone and taps the free 10:00.
            resize(390, 844);
            logIn(students.get(0).username());
            open("/spaces");
            assertThat(waitFor(By.id("find-free")).getAttribute("href")).endsWith("/spaces/free");
            assertNoSidewaysScroll();
            screenshot("spaces-list-phone");
            click(By.cssSelector("[data-space='" + space + "']"));
            waitFor(By.id("grid-day"));
            assertThat(browser.findElement(By.id("grid-week")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("#grid-day [data-time='09:00']")).getAttribute("data-state")).isEqualTo("PAST");
            assertNoSidewaysScroll();
            wholePage("spaces-grid-phone");
            click(By.cssSelector("#grid-day a[data-time='10:00']"));
            waitFor(By.id("booking-form"));
            assertThat(browser.findElement(By.id("start")).getAttribute("value")).isEqualTo("10:00");
            assertThat(browser.findElement(By.id("end")).getAttribute("value")).isEqualTo("11:00");
            type(By.id("attendees"), "2");
            type(By.id("purpose"), "期末复习");
            click(By.id("book-submit"));
            assertThat(waitFor(By.id("flash-success")).getText()).contains("浏览器自习室");
            assertThat(browser.getCurrentUrl()).contains("/spaces/bookings/");
            String id = browser.getCurrentUrl().replaceAll(".*/spaces/bookings/(\\d+).*", "$1");
            assertThat(browser.findElement(By.id("state-" + id)).getText()).isEqualTo("已确认");
            assertNoSidewaysScroll();
            wholePage("spaces-booked-phone");

            // A second student sees the time taken, without a name, and cannot book across it.
            use(secondPhone);
            logIn(students.get(1).username());
            open("/spaces/" + space + "?day=" + DAY + "&start=10:30");
            assertThat(waitFor(By.cssSelector("#grid-day [data-time='10:00']")).getAttribute("data-state")).isEqualTo("TAKEN");
            assertThat(browser.findElements(By.cssSelector("#grid-day a[data-time='10:00']"))).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain(students.get(0).displayName()).doesNotContain("期末复习");
            type(By.id("purpose"), "小组讨论");
            click(By.id("book-submit"));
            assertThat(waitFor(By.id("booking-refused")).getText()).contains("该时段已被预约");
            assertThat(browser.findElement(By.id("purpose")).getAttribute("value")).isEqualTo("小组讨论");
            assertNoSidewaysScroll();
            screenshot("spaces-refused-phone");
            assertThat(bookingsOf(space)).isEqualTo(1);

            // The first student arrives and taps "I'm here".
            use(main);
            open("/spaces/bookings");
            click(By.id("check-in-" + id));
            assertThat(waitFor(By.id("flash-success")).getText()).startsWith("签到成功");
            assertThat(browser.findElement(By.id("state-" + id)).getText()).isEqualTo("已签到");
            assertThat(browser.findElements(By.id("check-in-" + id))).isEmpty();
            assertNoSidewaysScroll();
            screenshot("spaces-checked-in-phone");

            // On a desktop the same room shows its week.
            resize(1280, 900);
            open("/spaces/" + space);
            waitFor(By.id("grid-week"));
            assertThat(browser.findElement(By.id("grid-day")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("#grid-week td[data-day='" + DAY + "'][data-time='10:30']")).getAttribute("data-state"))
                    .isEqualTo("TAKEN");
            assertNoSidewaysScroll();
            wholePage("spaces-grid-desktop");
        } finally {
            browser = main;
        }
    }

    @Test
    void anApprovalNeededRoomGoesThroughApprovalAndTheDoorCodeChecksTheStudentIn() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("浏览器审批研讨室", true));
        Viewer student = students(1).get(0);
        WebDriver main = browser;
        try {
            // The student asks for 14:00 on their phone.
            resize(390, 844);
            logIn(student.username());
            open("/spaces/" + space + "?day=" + DAY + "&start=14:00");
            assertThat(waitFor(By.id("book-submit")).getText()).isEqualTo("申请这个时段");
            type(By.id("purpose"), "班委例会");
            type(By.id("attendees"), "5");
            click(By.id("book-submit"));
            assertThat(waitFor(By.id("flash-success")).getText()).contains("管理人审批");
            String id = browser.getCurrentUrl().replaceAll(".*/spaces/bookings/(\\d+).*", "$1");
            assertThat(browser.findElement(By.id("state-" + id)).getText()).isEqualTo("待审批");

            // The building manager approves it on a desktop.
            use(desk);
            logIn("manager");
            open("/spaces/manage");
            waitFor(By.id("approve-" + id));
            assertThat(browser.findElement(By.id("booking-" + id)).getText()).contains("班委例会", student.displayName());
            assertNoSidewaysScroll();
            wholePage("spaces-manage");
            click(By.id("approve-" + id));
            assertThat(waitFor(By.id("flash-success")).getText()).contains("已批准");
            assertThat(browser.findElements(By.id("approve-" + id))).isEmpty();
            open("/spaces/" + space + "/door-code");
            String door = waitFor(By.id("door-url")).getText();
            assertThat(door).contains("/spaces/" + space + "/door?key=");
            assertThat(browser.findElement(By.id("door-qr")).getAttribute("innerHTML")).contains("<svg");
            screenshot("spaces-door-code");
            open("/spaces/" + space + "/edit");
            assertThat(waitFor(By.id("day-2")).isSelected()).isTrue();
            assertNoSidewaysScroll();
            wholePage("spaces-form-desktop");

            // The student sees it confirmed, and at 13:55 scans the door's code signed out: signing in leads back to it.
            use(main);
            open("/spaces/bookings/" + id);
            assertThat(waitFor(By.id("state-" + id)).getText()).isEqualTo("已确认");
            clock.fix(fixtures.at(DAY, 13, 55));
            browser.manage().deleteAllCookies();
            browser.get(door);
            waitFor(By.id("username")).sendKeys(student.username());
            browser.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
            browser.findElement(By.id("login-submit")).click();
            assertThat(waitFor(By.id("door-done")).getText()).contains("签到成功");
            assertNoSidewaysScroll();
            screenshot("spaces-door-phone");
            assertThat(jdbc.queryForObject("SELECT state FROM space_booking WHERE id = ?", String.class, Long.parseLong(id)))
                    .isEqualTo("CHECKED_IN");
        } finally {
            browser = main;
        }
    }
}
