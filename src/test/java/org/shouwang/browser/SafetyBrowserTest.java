package org.shouwang.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The police officer's safety log as clicked through: the month's log at a desk, a new incident
 * (first with a mistake, shown on its field), an action added on a phone; a counsellor who is not
 * named finds nothing.
 */
class SafetyBrowserTest extends BrowserTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void thePoliceRecordAnIncidentAndAddAnActionOnAPhoneAndAnUnnamedCounsellorFindsNothing() throws Exception {
        try {
            journey();
        } finally {
            resize(1280, 900);
        }
    }

    private void journey() throws Exception {
        resize(1280, 900);
        String studentNumber = jdbc.sql("SELECT min(student_number) FROM student").query(String.class).single();
        logIn("police");
        open("/safety");
        waitFor(By.id("safety-incidents"));
        assertThat(browser.findElements(By.cssSelector("#safety-incidents [data-incident]"))).isNotEmpty();
        // The demo month before today (what other tests recorded happened today), narrowed with the date filter.
        LocalDate today = CampusTime.today(clock);
        fill(Map.of("filter-from", today.minusDays(31).toString(), "filter-to", today.minusDays(1).toString()));
        click(By.id("filter-apply"));
        waitFor(By.id("safety-total"));
        assertThat(browser.getCurrentUrl()).contains("from=");
        screenshot("safety-log");

        // A new incident, first without its description: the mistake is shown on its field.
        click(By.id("safety-new"));
        new Select(waitFor(By.id("category"))).selectByValue("FIRE_HAZARD");
        new Select(browser.findElement(By.id("buildingId"))).selectByIndex(1);
        fill(Map.of("occurredAt", LOCAL.format(CampusTime.now(clock).toLocalDateTime().minusHours(1)),
                "place", "一楼楼道", "named", "headteacher", "studentNumber-0", studentNumber));
        new Select(browser.findElement(By.id("studentRole-0"))).selectByValue("PARTY");
        click(By.id("incident-save"));
        waitFor(By.id("description-error"));
        assertThat(browser.findElement(By.id("description-error")).getText()).isNotBlank();
        wholePage("safety-new-error");
        type(By.id("description"), "巡查发现学生将电动车电池带入楼道插座充电，已现场制止。");
        click(By.id("incident-save"));
        waitForText(By.id("flash-success"), "已登记");
        String number = browser.findElement(By.id("incident-number")).getText();
        assertThat(number).matches("AQ-\\d{4}-\\d{4}");
        String path = browser.getCurrentUrl().replaceAll("^https?://[^/]+", "");

        // On a phone: an action appended to the incident.
        resize(390, 844);
        open(path);
        type(By.id("text"), "电池已移至室外集中充电点，对学生进行安全教育。");
        click(By.id("action-add"));
        waitForText(By.id("flash-success"), "处置已添加");
        waitForText(By.id("incident-actions"), "集中充电点");
        assertNoSidewaysScroll();
        wholePage("safety-incident-phone");

        // The counsellor is not named on it: nothing there, and nothing in the list.
        resize(1280, 900);
        logIn("counsellor");
        open(path);
        assertThat(browser.getPageSource()).doesNotContain(number);
        open("/safety");
        waitFor(By.id("safety-total"));
        assertThat(browser.getPageSource()).doesNotContain(number);
    }

    private void fill(Map<String, String> fields) {
        ((JavascriptExecutor) browser).executeScript(
                "for (const [id, value] of Object.entries(arguments[0])) { const f = document.getElementById(id);"
                        + " f.value = value; f.dispatchEvent(new Event('change', {bubbles: true})); }", fields);
    }
}
