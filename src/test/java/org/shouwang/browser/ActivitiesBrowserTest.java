package org.shouwang.browser;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shouwang.DemoUsers;
import org.shouwang.activities.ActivityQueries;
import org.shouwang.activities.ActivityState;
import org.shouwang.activities.RegistrationState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An activity as people click through it: a counsellor plans it at a desk and submits it, student
 * affairs approves it, students register on their phones; the second lands on the waitlist and
 * moves up when the first cancels.
 */
class ActivitiesBrowserTest extends BrowserTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");

    @Autowired DemoUsers users;
    @Autowired ActivityQueries queries;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    @Test
    void aCounsellorsLectureIsApprovedAndItsOneSeatPassesToTheWaitlistWhenTheFirstStudentCancels() throws Exception {
        try {
            journey();
        } finally {
            resize(1280, 900);
        }
    }

    private void journey() throws Exception {
        // The counsellor plans a lecture with one seat and one waitlist place, and submits it.
        resize(1280, 900);
        logIn("counsellor");
        open("/activities");
        click(By.id("new-activity"));
        waitFor(By.id("title")).sendKeys("求是讲堂：人工智能与职业规划");
        new Select(browser.findElement(By.id("type"))).selectByValue("LECTURE");
        click(By.cssSelector("label[for=education-INTELLECTUAL]"));
        click(By.cssSelector("label[for=education-MORAL]"));
        new Select(browser.findElement(By.id("organiserKind"))).selectByValue("COLLEGE");
        new Select(browser.findElement(By.id("buildingId"))).selectByIndex(1);
        new Select(browser.findElement(By.id("audience"))).selectByValue("GRADE");
        assertThat(waitFor(By.id("audienceGrade")).isDisplayed()).isTrue();
        new Select(browser.findElement(By.id("audience"))).selectByValue("EVERYONE");
        assertThat(browser.findElement(By.id("audienceGrade")).isDisplayed()).isFalse();
        LocalDateTime day = clock.instant().atZone(CAMPUS).toLocalDate().plusDays(5).atStartOfDay();
        fill(Map.of("series", "求是讲堂", "brand", "守望", "description", "邀请校友分享人工智能时代的职业选择，现场答疑。",
                "organiser", "信息工程学院", "venue", "一楼共享书院", "capacity", "1", "waitlistLimit", "1", "hours", "2",
                "startsAt", LOCAL.format(day.withHour(19)), "endsAt", LOCAL.format(day.withHour(21))));
        fill(Map.of("registrationOpensAt", LOCAL.format(clock.instant().atZone(CAMPUS).toLocalDateTime().minusHours(1)),
                "registrationClosesAt", LOCAL.format(day.withHour(12))));
        screenshot("activity-form");
        click(By.id("activity-save"));
        waitForText(By.id("flash-success"), "草稿已保存");
        assertThat(browser.findElement(By.id("activity-state")).getText()).isEqualTo("草稿");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/activities/(\\d+).*", "$1"));
        click(By.id("submit-activity"));
        waitForText(By.id("flash-success"), "已提交审核");
        assertThat(browser.findElement(By.id("activity-state")).getText()).isEqualTo("待审核");

        // Student affairs finds it among those to approve and publishes it.
        logIn("affairs");
        open("/activities?scope=PENDING");
        waitFor(By.id("approve-" + id));
        screenshot("activities-to-approve");
        click(By.cssSelector("[data-activity='" + id + "'] .act-title"));
        click(By.id("approve-activity"));
        waitForText(By.id("flash-success"), "已通过");
        assertThat(queries.detail(users.viewer("affairs"), id).state()).isEqualTo(ActivityState.PUBLISHED);

        // On a phone, a student finds it in the list and takes the seat.
        List<String> students = jdbc.sql("""
                        SELECT a.username FROM account a JOIN student s ON s.id = a.student_id
                        WHERE a.username = s.student_number ORDER BY a.id LIMIT 2 OFFSET 300""").query(String.class).list();
        resize(390, 844);
        logIn(students.get(0));
        open("/activities");
        waitFor(By.id("activity-q")).sendKeys("人工智能与职业规划" + Keys.ENTER);
        // The list is swapped in place, and the address bar follows the search.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("q="));
        assertThat(waitFor(By.cssSelector("#activity-rows [data-activity='" + id + "']")).getText()).contains("名额 0/1");
        assertNoSidewaysScroll();
        screenshot("phone-activities");
        click(By.cssSelector("[data-activity='" + id + "'] .act-title"));
        assertThat(waitFor(By.id("register-submit")).getText()).isEqualTo("报名");
        click(By.id("register-submit"));
        waitForText(By.id("flash-success"), "报名成功");
        assertThat(browser.findElement(By.id("my-state")).getText()).isEqualTo("已报名");
        assertNoSidewaysScroll();
        screenshot("phone-activity-registered");

        // A second student finds it full and joins the waitlist.
        logIn(students.get(1));
        open("/activities/" + id);
        assertThat(waitFor(By.id("register-submit")).getText()).isEqualTo("报名候补");
        click(By.id("register-submit"));
        waitForText(By.id("flash-success"), "你已进入候补，第 1 位");
        assertThat(browser.findElement(By.id("my-state")).getText()).isEqualTo("候补第 1 位");
        screenshot("phone-activity-waitlisted");

        // The first cancels; the second moves up.
        logIn(students.get(0));
        open("/activities/" + id);
        click(By.id("cancel-registration-submit"));
        waitForText(By.id("flash-success"), "已取消报名");
        logIn(students.get(1));
        open("/activities/" + id);
        assertThat(waitFor(By.id("my-state")).getText()).isEqualTo("已报名");
        assertThat(queries.detail(users.viewer(students.get(1)), id).mine().state()).isEqualTo(RegistrationState.REGISTERED);
        assertNoSidewaysScroll();
        screenshot("phone-activity-promoted");

        // The organiser's page lists who holds the seat.
        resize(1280, 900);
        logIn("counsellor");
        open("/activities/" + id);
        assertThat(waitFor(By.cssSelector("#registrations [data-student='" + students.get(1) + "']")).getAttribute("data-state"))
                .isEqualTo("REGISTERED");
        screenshot("activity-organiser");
    }

    /**
     * Fields filled at once, as the browser's own pickers and autofill would (a date-time picker
     * cannot be typed into the same way in every language); the title was typed key by key.
     */
    private void fill(Map<String, String> fields) {
        ((JavascriptExecutor) browser).executeScript(
                "for (const [id, value] of Object.entries(arguments[0])) { const f = document.getElementById(id);"
                        + " f.value = value; f.dispatchEvent(new Event('change', {bubbles: true})); }", fields);
    }

}
