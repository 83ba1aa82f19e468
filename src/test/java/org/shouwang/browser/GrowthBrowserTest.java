package org.shouwang.browser;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.GrowthRecords;
import org.shouwang.activities.GrowthViews;
import org.shouwang.activities.growth.GrowthFixtures;
import org.shouwang.activities.growth.GrowthFixtures.Student;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A student who attended activities reads their growth record on a phone, prints a transcript and checks it. */
class GrowthBrowserTest extends BrowserTest {

    @Autowired GrowthFixtures fixtures;
    @Autowired GrowthRecords records;

    @Test
    void aStudentSeesTheirHoursOnAPhoneOpensTheTranscriptAndItsVerification() throws Exception {
        Student s = fixtures.freshStudents(1, null, null).get(0);
        fixtures.activity("求是讲堂：青年与时代", LocalDateTime.of(2024, 10, 16, 19, 0)).series("求是讲堂")
                .educations(FiveEducation.MORAL, FiveEducation.INTELLECTUAL).hours("2.0", "0.5").attendedBy(List.of(s));
        fixtures.activity("社区敬老志愿服务", LocalDateTime.of(2025, 3, 8, 9, 0)).type(ActivityType.VOLUNTEER_SERVICE)
                .educations(FiveEducation.LABOUR).hours("3.5", "0.5").attendedBy(List.of(s));
        GrowthViews.Record record = records.mine(s.viewer());
        assertThat(record.total().hours()).isEqualByComparingTo("5.5");
        try {
            resize(390, 844);
            logIn(s.number());
            open("/growth");
            assertThat(waitFor(By.id("total-hours")).getText()).isEqualTo("5.5");
            assertThat(browser.findElement(By.id("total-volunteer")).getText()).isEqualTo("3.5");
            assertThat(browser.findElement(By.id("growth-entries")).getText()).contains("社区敬老志愿服务", "求是讲堂：青年与时代");
            assertThat(browser.findElement(By.cssSelector("#semester-totals [data-semester='2024-1']")).getText())
                    .contains("2024–2025 第一学期", "2.0");
            assertThat(browser.findElement(By.id("edu-LABOUR")).getText()).contains("劳育", "3.5");
            assertThat(chartDrawn()).isTrue();
            assertNoSidewaysScroll();
            wholePage("phone-growth-record");

            click(By.id("issue-transcript"));
            waitFor(By.id("flash-success"));
            assertThat(browser.findElement(By.id("transcript-name")).getText()).isEqualTo(s.name());
            assertThat(browser.findElement(By.id("transcript-hours")).getText()).isEqualTo("5.5");
            assertThat(browser.findElement(By.id("transcript-entries")).getText()).contains("社区敬老志愿服务");
            assertThat(browser.findElements(By.cssSelector("#transcript-qr svg"))).hasSize(1);
            String code = browser.findElement(By.id("transcript-code")).getText();
            assertNoSidewaysScroll();
            wholePage("phone-transcript");

            // Whoever holds the paper checks it, signed in or not.
            String url = browser.findElement(By.id("verification-url")).getAttribute("href");
            browser.manage().deleteAllCookies();
            browser.get(url);
            assertThat(waitFor(By.id("verify-valid")).getText()).contains("真实出具");
            assertThat(browser.findElement(By.id("verify-code")).getText()).isEqualTo(code);
            assertThat(browser.findElement(By.id("verify-hours")).getText()).isEqualTo("5.5");
            assertThat(browser.findElement(By.id("verify-holder")).getText()).startsWith(s.name().substring(0, 1)).contains("*")
                    .isNotEqualTo(s.name());
            assertThat(browser.findElement(By.id("verify-number")).getText()).contains("****").isNotEqualTo(s.number());
            assertThat(browser.getPageSource()).doesNotContain(s.name());
            assertNoSidewaysScroll();
            wholePage("phone-transcript-verification");

            open("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
            assertThat(waitFor(By.id("verify-unknown")).getText()).contains("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        } finally {
            resize(1280, 900);
        }
    }

    @Test
    void staffReadClassRecordsAndCountsAtADesk() throws Exception {
        logIn("counsellor");
        open("/growth/classes");
        waitFor(By.id("growth-classes"));
        screenshot("growth-classes");
        click(By.cssSelector("#growth-classes li a"));
        waitFor(By.id("class-totals"));
        screenshot("growth-class");
        open("/activities/counts?from=2015-01-01&to=2025-12-31&by=EDUCATION");
        waitFor(By.id("counts-form"));
        if (!browser.findElements(By.id("counts-chart")).isEmpty()) {
            assertThat(countsChartDrawn()).isTrue();
        }
        screenshot("activity-counts");
        resize(390, 844);
        try {
            assertNoSidewaysScroll();
            wholePage("phone-activity-counts");
        } finally {
            resize(1280, 900);
        }
    }

    private boolean chartDrawn() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return !!document.querySelector('#education-chart canvas');");
    }

    private boolean countsChartDrawn() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("return !!document.querySelector('#counts-chart canvas');");
    }

}
