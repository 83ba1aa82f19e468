package org.shouwang.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shouwang.demo.DemoYearTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the academic-year demo, the leader generates the report of the past twelve months (the form's
 * default) in the browser; it shows the seed article's figures, and its Word document downloads.
 */
@DemoYearTest
class DemoYearReportBrowserTest extends Browser {

    @Test
    void theReportOfTheDemoYearShowsTheSeedFiguresAndDownloads() throws Exception {
        logIn("leader");
        open("/insights/report");
        waitFor(By.id("report-form"));
        click(By.id("report-generate"));
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> !d.findElements(By.id("report")).isEmpty());
        String report = browser.findElement(By.id("report")).getText();
        assertThat(report).containsPattern("受理学生诉求(19\\d\\d|[2-9]\\d{3})件").contains("响应率100%")
                .contains("现有社区功能型党支部12个").contains("召开社区建设专题会议4次、党建引领社区建设研讨会2次")
                .containsPattern("开设“求是讲堂”1[5-9]\\d场、大师讲堂20场、校友讲堂8场")
                .contains("组织精品社团活动81场、志愿服务活动88次、主题社会实践活动59次");
        screenshot("insights-report-year");
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();

        String href = browser.findElement(By.id("report-docx")).getAttribute("href");
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) { return r.blob().then(function (b) { done([r.status, b.size]); }); })
                  .catch(function (e) { done(['error', String(e)]); });""", href);
        assertThat(((java.util.List<?>) status).get(0)).isEqualTo(200L);
        assertThat(((Number) ((java.util.List<?>) status).get(1)).longValue()).isGreaterThan(10_000);
    }
}
