package org.shouwang.browser;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shouwang.DemoUsers;
import org.shouwang.TestClock;
import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.activities.Attendances;
import org.shouwang.activities.CheckIns;
import org.shouwang.shared.Photo;
import org.shouwang.activities.checkin.CheckInScenes;
import org.shouwang.activities.checkin.QrCodes;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-in with the rotating QR code as it happens in a lecture hall: the organiser's screen shows
 * the code, a student's phone (a second browser, phone-sized, not signed in) opens the address the
 * code says, signs in, lands back on the check-in page and checks in; the organiser's screen counts
 * one more without a reload.
 */
class CheckInBrowserTest extends BrowserTest {

    @Autowired CheckInScenes scenes;
    @Autowired CheckIns checkIns;
    @Autowired Attendances attendances;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    WebDriver phone;

    @BeforeAll
    void startPhone() throws IOException {
        phone = newBrowser(390, 844);
    }

    @AfterAll
    void stopPhone() {
        if (phone != null) {
            phone.quit();
        }
    }

    @Test
    void aStudentScansTheOrganisersCodeWithTheirPhoneAndTheScreenCountsThem() throws Exception {
        long id = scenes.startingSoon("求是讲堂：扫码签到演示");
        List<Viewer> registered = scenes.registered(id, 2);
        Viewer student = registered.get(0);

        // The organiser puts the code on the screen.
        resize(1280, 900);
        logIn(CheckInScenes.ORGANISER);
        open("/activities/" + id + "/check-in/display");
        WebElement qr = waitFor(By.id("check-in-qr"));
        String url = qr.getAttribute("data-check-in-url");
        assertThat(url).startsWith("http://localhost:" + port + "/activities/" + id + "/check-in?t=i" + id + ".");
        assertThat(browser.findElement(By.id("check-in-link")).getAttribute("href")).isEqualTo(url);
        assertThat(QrCodes.decode(qr.getAttribute("innerHTML"))).isEqualTo(url);
        assertThat(browser.findElement(By.id("checked-in-count")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("registered-count")).getText()).isEqualTo("2");
        screenshot("checkin-display");

        // The student's phone opens the address in the code, signs in, and comes back to it.
        phone.get(url);
        new WebDriverWait(phone, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        phone.findElement(By.id("username")).sendKeys(student.username());
        phone.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
        phone.findElement(By.id("login-submit")).click();
        WebElement button = new WebDriverWait(phone, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("check-in-submit")));
        assertThat(phone.getCurrentUrl()).contains("/activities/" + id + "/check-in?t=");
        assertThat(phone.findElement(By.id("scanned-title")).getText()).isEqualTo("求是讲堂：扫码签到演示");
        assertNoSidewaysScroll(phone);
        screenshot(phone, "phone-checkin-button");
        ((JavascriptExecutor) phone).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", button);
        button.click();
        WebElement done = new WebDriverWait(phone, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-success")));
        assertThat(done.getText()).startsWith("签到成功");
        assertThat(phone.findElement(By.id("my-attendance-state")).getAttribute("data-state")).isEqualTo("PRESENT");
        assertNoSidewaysScroll(phone);
        screenshot(phone, "phone-checked-in");

        // The organiser's screen counts them without a reload, and shows a fresh code.
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.id("checked-in-count"), "1"));
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ? AND state = 'PRESENT' AND method = 'QR'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
        screenshot("checkin-display-counted");

        // Scanning the code again says they are in already, and counts them once.
        phone.get(browser.findElement(By.id("check-in-qr")).getAttribute("data-check-in-url"));
        WebElement again = new WebDriverWait(phone, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("check-in-already")));
        assertThat(again.getText()).startsWith("你已于");
        assertThat(phone.findElements(By.id("check-in-submit"))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void thePagesAfterTheActivityFitAPhoneAndADesk() throws Exception {
        long id = scenes.startingSoon("志愿服务培训会");
        List<Viewer> students = scenes.registered(id, 3);
        Viewer organiser = users.viewer(CheckInScenes.ORGANISER);
        String code = checkIns.code(organiser, id, CodePurpose.CHECK_IN).token();
        checkIns.checkIn(students.get(0), id, code);
        checkIns.scan(organiser, id, CodePurpose.CHECK_IN, scenes.number(students.get(1)));
        try {
            clock.fix(Instant.now().plus(Duration.ofHours(3)));
            attendances.rate(students.get(0), id, 4, "内容实用，希望多举办");
            attendances.appeal(students.get(2), id, "我在后排，扫码时手机没有信号");
            attendances.summarise(organiser, id, "本次培训共 2 人到场，讲解了社区志愿服务的流程与安全须知。");
            attendances.addPhotos(organiser, id, List.of(Photo.of(CheckInScenes.png())));
            attendances.enterLate(organiser, id, scenes.number(scenes.student(40)), "现场纸质签到表登记");
            for (int width : new int[]{390, 1280}) {
                String size = width == 390 ? "phone" : "desktop";
                resize(width, width == 390 ? 844 : 900);
                logIn(CheckInScenes.ORGANISER);
                open("/activities/" + id + "/attendance");
                waitFor(By.id("present-list"));
                assertThat(browser.findElements(By.cssSelector("#present-list tbody tr"))).hasSize(2);
                assertNoSidewaysScroll(browser);
                wholePage(size + "-attendance");
                open("/activities/" + id + "/check-in/scan");
                waitFor(By.id("scan-code"));
                assertNoSidewaysScroll(browser);
                screenshot(size + "-checkin-scan");

                logIn("affairs");
                open("/activities/late-entries");
                waitFor(By.id("late-entry-queue"));
                assertNoSidewaysScroll(browser);
                screenshot(size + "-late-entries");

                logIn(students.get(2).username());
                open("/activities/" + id + "/recap");
                waitFor(By.id("my-appeal"));
                assertNoSidewaysScroll(browser);
                wholePage(size + "-recap-appealed");
                logIn(students.get(0).username());
                open("/activities/" + id + "/recap");
                waitFor(By.id("rating-form"));
                assertThat(browser.findElement(By.id("rating-4")).isSelected()).isTrue();
                assertNoSidewaysScroll(browser);
                wholePage(size + "-recap-participant");
                open("/me/code");
                waitFor(By.id("my-code-qr"));
                assertNoSidewaysScroll(browser);
                screenshot(size + "-my-code");
            }
        } finally {
            clock.reset();
            resize(1280, 900);
        }
    }

}
