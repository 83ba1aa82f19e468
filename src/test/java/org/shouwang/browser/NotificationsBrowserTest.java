package org.shouwang.browser;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.shouwang.DemoUsers;
import org.shouwang.notifications.Inbox;
import org.shouwang.notifications.Notice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NotificationsBrowserTest extends BrowserTest {

    @Autowired DemoUsers users;
    @Autowired Inbox inbox;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    @Test
    void aStudentIsToldOnTheirPhoneAndOpensTheNotice() throws Exception {
        long student = users.viewer("student").accountId();
        long before = inbox.unread(student);
        String name = "Phone " + UUID.randomUUID().toString().substring(0, 6);
        transaction.executeWithoutResult(tx -> events.publishEvent(
                new Notice("browser." + UUID.randomUUID(), Set.of(student), "home.welcome", List.of(name), "/me")));
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unread(student) == before + 1);

        resize(375, 812);
        try {
            logIn("student");
            browser.findElement(By.cssSelector(".navbar-toggler")).click();
            WebElement bell = waitFor(By.cssSelector("[data-nav=notifications]"));
            assertThat(bell.findElement(By.id("unread-count")).getText()).isEqualTo(String.valueOf(Math.min(before + 1, 99)));
            bell.click();
            WebElement notice = waitFor(By.xpath("//a[@data-unread='true'][contains(., '" + name + "')]"));
            assertThat(notice.getText()).contains("欢迎，" + name);
            Object overflow = ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
            assertThat(overflow).isEqualTo(false);
            screenshot("phone-notifications");
            notice.click();
            waitFor(By.id("student-bed"));
            assertThat(browser.getCurrentUrl()).contains("/students/");
            assertThat(inbox.unread(student)).isEqualTo(before);
        } finally {
            resize(1280, 900);
        }
    }
}
