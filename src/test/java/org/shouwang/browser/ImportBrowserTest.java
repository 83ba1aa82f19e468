package org.shouwang.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shouwang.shared.IdCards;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator imports a roster through the page, reads every bad row, and confirms the good ones. */
class ImportBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void anAdminSeesEveryBadRowAndImportsOnlyTheValidOnes() throws Exception {
        String classCode = jdbc.sql("SELECT min(code) FROM class_group").query(String.class).single();
        String goodIdCard = "32040220060315123" + IdCards.checkDigit("32040220060315123");
        Path roster = Files.createTempFile(Path.of("target"), "students-", ".csv");
        Files.writeString(roster, String.join("\n",
                "学号,姓名,性别,班级代码,身份证号,手机号,政治面貌",
                "BRW0001,陈思远,男," + classCode + "," + goodIdCard + ",13812345678,共青团员",
                "BRW0002,林晓雨,女," + classCode + ",320402200603151230,13812345679,群众",
                "BRW0003,赵一鸣,男,NO-SUCH-CLASS,,13812345670,共青团员",
                "BRW0001,重复学号,男," + classCode + ",,13812345671,群众",
                ""), StandardCharsets.UTF_8);

        logIn("admin");
        open("/admin/imports?kind=STUDENTS");
        browser.findElement(By.id("import-file")).sendKeys(roster.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        awaitStatus("VALIDATED");

        String problems = waitFor(By.id("import-problems")).getText();
        assertThat(problems).contains("3").contains("4").contains("5");
        assertThat(problems).contains("身份证号").contains("班级");
        screenshot("import-problems");

        browser.findElement(By.id("import-confirm")).click();
        awaitStatus("DONE");
        assertThat(jdbc.sql("SELECT count(*) FROM student WHERE student_number LIKE 'BRW%'").query(Long.class).single())
                .isEqualTo(1);
    }

    /** The status element is swapped in by each poll, so a read may land on the one just replaced. */
    private void awaitStatus(String status) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.attributeToBe(
                By.id("import-status"), "data-status", status));
    }
}
