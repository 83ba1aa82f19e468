package org.shouwang.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.governance.Documents;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student reads the honours on their phone, filtered by level; and at a desk reads the
 * community implementation plan with its version history, then an earlier version.
 */
class PublicationsBrowserTest extends BrowserTest {

    @Autowired Documents documents;

    @Test
    void aStudentReadsTheHonoursOnAPhone() throws Exception {
        try {
            resize(390, 844);
            logIn("student");
            open("/honours");
            waitFor(By.id("honours"));
            assertThat(browser.findElement(By.id("honours")).getText()).contains("全国高校“一站式”学生社区综合管理模式建设试点单位");
            assertThat(browser.findElements(By.id("new-honour"))).isEmpty();
            assertNoSidewaysScroll();
            screenshot("honours-phone");

            new Select(browser.findElement(By.id("honour-level"))).selectByValue("PROVINCIAL");
            click(By.id("honour-filter"));
            waitFor(By.cssSelector("#honours [data-honour]"));
            assertThat(browser.findElements(By.cssSelector("#honours [data-level]")))
                    .allSatisfy(e -> assertThat(e.getAttribute("data-level")).isEqualTo("PROVINCIAL"));
            click(By.cssSelector("#honours [data-honour] .doc-title"));
            waitFor(By.id("honour-title"));
            assertNoSidewaysScroll();

            open("/documents/" + documents.idByTitle("守望学生社区“一站式”综合管理模式建设实施方案").orElseThrow());
            waitFor(By.id("version-history"));
            assertNoSidewaysScroll();
            wholePage("document-phone");
        } finally {
            resize(1280, 900);
        }
    }

    @Test
    void aStudentReadsADocumentAndItsVersionHistoryAtADesk() throws Exception {
        resize(1280, 900);
        logIn("student");
        open("/documents");
        waitFor(By.id("responsibility-link"));
        long plan = documents.idByTitle("守望学生社区“一站式”综合管理模式建设实施方案").orElseThrow();
        click(By.cssSelector("[data-document='" + plan + "'] .doc-title"));
        waitFor(By.id("version-history"));
        assertThat(browser.findElement(By.id("latest-version")).getText()).contains("2");
        assertThat(browser.findElements(By.cssSelector("#version-history [data-version]"))).hasSize(2);
        assertThat(browser.findElements(By.id("draft-box"))).isEmpty();
        assertThat(browser.findElement(By.id("document-text")).getText()).contains("功能型党支部");
        screenshot("document-versions");

        click(By.cssSelector("#version-history [data-version='1'] a"));
        waitFor(By.id("version-text"));
        assertThat(browser.findElement(By.id("superseded-badge")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("version-text")).getText()).doesNotContain("功能型党支部");
    }
}
