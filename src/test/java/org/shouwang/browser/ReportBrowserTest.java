package org.shouwang.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shouwang.shared.Timestamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader writes the governance report of 2035 in the browser: the form starts it, the page
 * polls its progress, the report shows with every chart drawn (no console errors, nothing scrolls
 * sideways on a phone), and the DOCX link downloads a Word document with the figures.
 */
class ReportBrowserTest extends BrowserTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theLeaderGeneratesTheReportWatchesItsProgressReadsItsChartsAndDownloadsTheDocx() throws IOException {
        logIn("leader");
        open("/insights/report");
        waitFor(By.id("report-form"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("document.getElementById('period').value = 'custom';"
                + "document.getElementById('from').value = '2035-01-01';"
                + "document.getElementById('to').value = '2035-12-31';");
        click(By.id("report-generate"));

        // The job's page: its progress until done, then the report.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().matches(".*/insights/report/\\d+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/insights/report/(\\d+)$", "$1"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("report")).isEmpty());
        List<WebElement> charts = browser.findElements(By.cssSelector(".report-chart"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(3);
        for (WebElement chart : charts) {
            String chartId = chart.getAttribute("id");
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector("#" + chartId + " canvas, #" + chartId + " svg")).isEmpty());
        }
        assertThat(browser.findElement(By.id("report")).getText()).contains("受理学生诉求").contains("求是讲堂");
        screenshot("insights-report");
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();

        // The DOCX link downloads a Word document that opens and carries the report's text.
        String href = browser.findElement(By.id("report-docx")).getAttribute("href");
        Object fetched = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) {
                  var type = r.headers.get('content-type');
                  return r.arrayBuffer().then(function (b) {
                    var bytes = new Uint8Array(b), text = '';
                    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
                    done([r.status, type, btoa(text)]);
                  });
                }).catch(function (e) { done(['error', String(e), '']); });""", href);
        List<?> response = (List<?>) fetched;
        assertThat(((Number) response.get(0)).intValue()).isEqualTo(200);
        assertThat((String) response.get(1)).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        byte[] docx = Base64.getDecoder().decode((String) response.get(2));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("受理学生诉求").contains("求是讲堂");
            assertThat(doc.getCharts()).isNotEmpty();
        }

        // On a phone nothing scrolls sideways.
        resize(390, 844);
        open("/insights/report/" + id);
        waitFor(By.id("report"));
        assertNoSidewaysScroll();
        wholePage("insights-report-phone");
        resize(1280, 900);

        // A report under way: the page shows its progress bar and polls until it is done, then shows the report.
        jdbc.update("""
                        INSERT INTO governance_report (period_from, period_to, language, requested_by, requested_at, state, sections_done,
                                                       sections_total, updated_at)
                        VALUES (DATE '2035-01-01', DATE '2035-12-31', 'zh-CN', 1, ?, 'RUNNING', 3, 7, ?)""",
                Timestamps.of(java.time.Instant.now()), Timestamps.of(java.time.Instant.now()));
        long running = jdbc.queryForObject("SELECT max(id) FROM governance_report", Long.class);
        open("/insights/report/" + running);
        waitForText(By.id("report-sections"), "3 / 7");
        assertThat(browser.findElement(By.cssSelector("#report-progress .progress-bar")).getAttribute("style")).contains("42%");
        screenshot("insights-report-progress");
        jdbc.update("UPDATE governance_report SET sections_done = 5, updated_at = ? WHERE id = ?",
                Timestamps.of(java.time.Instant.now()), running);
        waitForText(By.id("report-sections"), "5 / 7");
        jdbc.update("""
                        UPDATE governance_report SET state = 'DONE', sections_done = 7, finished_at = updated_at,
                               figures = (SELECT figures FROM governance_report WHERE id = ?) WHERE id = ?""", id, running);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("report")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/insights/report/" + running);
        assertThat(severeConsoleEntries()).as("console errors").isEmpty();
    }

}
