package org.shouwang.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role dashboards in a real browser: a student on a phone sees their dashboard with its chart
 * drawn, nothing scrolling sideways and no console error; the counsellor sees their classes and
 * the participation chart, and a class's figure opens the list behind it.
 */
class RoleDashboardsBrowserTest extends BrowserTest {

    @Test
    void aStudentOnAPhoneSeesTheirDashboardWithTheChartDrawn() throws IOException {
        logIn("student");
        resize(390, 844);
        open("/insights/student");
        waitFor(By.id("student-figures"));
        chartDrawn("chart-education");
        assertNoSidewaysScroll();
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();
        wholePage("insights-student-phone");
        click(By.id("growth-link"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/growth"));
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
    }

    @Test
    void theCounsellorSeesTheirClasses() throws IOException {
        logIn("counsellor");
        resize(390, 844);
        open("/insights/classes");
        waitFor(By.id("classes-total"));
        chartDrawn("chart-participation");
        assertThat(browser.findElements(By.cssSelector("#class-table tbody tr"))).isNotEmpty();
        assertNoSidewaysScroll();
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();
        wholePage("insights-classes-phone");

        resize(1280, 900);
        open("/insights/classes");
        chartDrawn("chart-participation");
        screenshot("insights-classes");
        // A class's "no activity" figure opens the list of those students.
        String classId = browser.findElement(By.cssSelector("#class-table tbody tr")).getAttribute("data-class");
        click(By.cssSelector("#class-table tbody tr .class-idle"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("#idle-" + classId));
        assertThat(browser.findElement(By.id("idle-" + classId)).isDisplayed()).isTrue();
    }

    private void chartDrawn(String chart) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#" + chart + " canvas, #" + chart + " svg")).isEmpty());
    }

}
