package org.shouwang.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.shouwang.DemoUsers;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader opens the dashboard on a phone and at a desk: every chart is drawn, nothing scrolls
 * sideways, and a figure's link opens the list behind it.
 */
class InsightsBrowserTest extends BrowserTest {

    @Autowired Tickets tickets;
    @Autowired DemoUsers users;

    static final List<String> CHARTS = List.of("chart-trend", "chart-category", "chart-college", "chart-building",
            "chart-activity-type", "chart-activity-education");

    @Test
    void theLeaderSeesEveryChartAndADrillDownOpensTheListBehindAFigure() throws IOException {
        logIn("leader");
        resize(390, 844);
        open("/insights");
        waitFor(By.id("insights-kpis"));
        for (String chart : CHARTS) {
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector("#" + chart + " canvas, #" + chart + " svg")).isEmpty());
        }
        assertNoSidewaysScroll();
        wholePage("insights-leader-phone");

        resize(1280, 900);
        open("/insights");
        waitFor(By.id("insights-kpis"));
        for (String chart : CHARTS) {
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector("#" + chart + " canvas, #" + chart + " svg")).isEmpty());
        }
        screenshot("insights-leader");
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();

        // The first category's link opens the request list filtered to that category.
        String key = browser.findElement(By.cssSelector("#category-cells li")).getAttribute("data-key");
        click(By.cssSelector("#category-cells li a"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/requests?category=" + key));
        assertThat(browser.getTitle()).isNotBlank();
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
    }

    /**
     * The cockpit on a 1920×1080 screen: every chart drawn, nothing scrolls, and a request submitted
     * while it is open shows in the request count at the next refresh, without reloading the page.
     */
    @Test
    void theCockpitFillsABigScreenAndRefreshesLive() throws IOException {
        logIn("leader");
        resize(1920, 1080);
        open("/insights/cockpit?refresh=5");
        for (String chart : List.of("cockpit-trend", "cockpit-category", "cockpit-college", "cockpit-education", "cockpit-type",
                "cockpit-front-line")) {
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector("#" + chart + " canvas, #" + chart + " svg")).isEmpty());
        }
        assertNoSidewaysScroll();
        screenshot("insights-cockpit");
        By requests = By.cssSelector("[data-figure=requests]");
        long before = Long.parseLong(browser.findElement(requests).getText());

        Viewer student = users.viewer("student");
        tickets.submit(student, new Tickets.Submission(Category.DORM_LIFE, null, false, "走廊灯坏了 COCKPIT-TEST", null, null), List.of());

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElement(requests).getText().equals(String.valueOf(before + 1)));
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();
    }

}
