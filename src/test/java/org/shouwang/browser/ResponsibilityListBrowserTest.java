package org.shouwang.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.DemoUsers;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Responsibilities;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator adds a clause to a draft of the responsibility list and publishes it; anyone reads it signed out. */
class ResponsibilityListBrowserTest extends BrowserTest {

    private static final String DUTY = "明德楼宿舍校园网、无线网络故障报修";

    @Autowired Responsibilities responsibilities;
    @Autowired DemoUsers users;

    @Test
    void aClauseAddedAndPublishedShowsOnThePublicPage() throws Exception {
        int before = responsibilities.published().orElseThrow().version();
        logIn("admin");
        browser.findElement(By.cssSelector("[data-nav=admin]")).click();
        waitFor(By.cssSelector("[data-nav=responsibilities]")).click();
        waitFor(By.id("open-draft")).click();
        waitFor(By.id("draft"));

        new Select(browser.findElement(By.id("category"))).selectByValue("REPAIRS");
        new Select(browser.findElement(By.id("subcategory"))).selectByValue("NETWORK");
        browser.findElement(By.id("clause")).sendKeys("5.6");
        new Select(browser.findElement(By.id("buildingId"))).selectByIndex(1);
        new Select(browser.findElement(By.id("departmentId"))).selectByVisibleText("后勤保障处");
        browser.findElement(By.id("duty")).sendKeys(DUTY);
        WebElement resolve = browser.findElement(By.id("resolveHours"));
        resolve.clear();
        resolve.sendKeys("16");
        click(By.id("clause-submit"));

        WebElement added = waitFor(By.cssSelector("#clauses [data-clause='5.6']"));
        assertThat(added.getText()).contains("网络", DUTY, "16");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", added);
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains("5.6");
        screenshot("responsibilities-draft");

        browser.findElement(By.id("note")).sendKeys("新增明德楼网络报修条款");
        click(By.id("publish"));
        waitForText(By.id("flash-success"), "第 " + (before + 1) + " 版已发布");
        assertThat(browser.findElement(By.cssSelector("#versions [data-version='" + before + "'] [data-status]")).getText())
                .isEqualTo("已被取代");

        browser.manage().deleteAllCookies();
        open("/responsibilities");
        WebElement clause = waitFor(By.cssSelector("[data-category=REPAIRS] [data-clause='5.6']"));
        assertThat(clause.getText()).contains(DUTY, "后勤保障处", "响应 8 个工作小时内，办结 16 个工作小时内；紧急：1 / 8 自然小时");
        assertThat(browser.findElement(By.id("published-version")).getText()).contains("第 " + (before + 1) + " 版");
        assertThat(browser.findElements(By.id("main-nav"))).isEmpty();
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", clause);
        screenshot("responsibilities-public");
    }

    @Test
    void theDeadlineCalculatorAnswersOnTheCalendarPage() throws Exception {
        logIn("admin");
        open("/admin/calendar?year=2026");
        waitFor(By.cssSelector("#month-grid [data-day='2026-10-10'][data-mark=MAKEUP]"));
        WebElement start = browser.findElement(By.id("start"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-09-30T16:00'", start);
        WebElement hours = browser.findElement(By.id("hours"));
        hours.clear();
        hours.sendKeys("4");
        click(By.id("deadline-submit"));
        waitForText(By.id("deadline-result"), "2026-10-08 10:30");
        assertThat(browser.getCurrentUrl()).as("answered in place by htmx").endsWith("/admin/calendar?year=2026");
        screenshot("calendar");
    }

    /** Takes the clause out again, so that routing stays as the demo list has it for the other tests. */
    @AfterEach
    void restoreTheList() {
        Viewer admin = users.viewer("admin");
        responsibilities.discardDraft(admin);
        if (responsibilities.publishedClause("5.6").isPresent()) {
            responsibilities.removeClause(admin, "5.6");
            responsibilities.publish(admin, "撤回浏览器测试条款");
        }
    }
}
