package org.shouwang.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The building manager sees the heat map of their building drawn at a desk; the department head
 * sees the KPI trend chart of their department on a phone. No console errors, nothing scrolls sideways.
 */
class OpsDashboardsBrowserTest extends BrowserTest {

    @Test
    void theManagerSeesTheHeatMapDrawnAtADesk() throws IOException {
        logIn("manager");
        resize(1280, 900);
        open("/insights/building");
        waitFor(By.id("building-figures"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#chart-heatmap canvas, #chart-heatmap svg")).isEmpty());
        assertNoSidewaysScroll();
        wholePage("insights-building");
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();

        // On a phone the floors are a list instead of the chart.
        resize(390, 844);
        open("/insights/building");
        waitFor(By.id("floor-list"));
        assertNoSidewaysScroll();
        wholePage("insights-building-phone");
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();
        resize(1280, 900);
    }

    @Test
    void theDepartmentHeadSeesTheKpiTrendOnAPhone() throws IOException {
        logIn("depthead");
        resize(390, 844);
        open("/insights/department");
        waitFor(By.id("queue"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#chart-trend canvas, #chart-trend svg")).isEmpty());
        assertNoSidewaysScroll();
        wholePage("insights-department-phone");
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();
        resize(1280, 900);
    }

}
