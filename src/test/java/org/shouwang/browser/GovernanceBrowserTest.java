package org.shouwang.browser;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.DemoUsers;
import org.shouwang.governance.ActionItems;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.governance.Meetings;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Governance as people click through it: a leader opens this year's meetings with the count of
 * dedicated meetings and seminars, opens the latest leadership-group meeting and records a decision
 * for logistics HQ (a deadline before the meeting is told beside its field first); the head of
 * logistics finds it among the department's action items, is told it cannot be closed without a
 * note, and closes it with one; the leader sees it done.
 */
class GovernanceBrowserTest extends BrowserTest {

    @Autowired Meetings meetings;
    @Autowired DemoUsers users;
    @Autowired ActionItems actions;

    private void setValue(By locator, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(locator), value);
    }

    private long latestItem(String decision) {
        return actions.list(users.viewer("leader"), false).stream().filter(a -> a.decision().equals(decision))
                .map(GovernanceViews.ActionItem::id).findFirst().orElseThrow();
    }

    @Test
    void aLeadersDecisionBecomesAnActionItemThatLogisticsClosesWithANote() throws IOException {
        GovernanceViews.MeetingRow latest = meetings.overview(users.viewer("leader"), null).meetings().stream()
                .filter(m -> m.title().startsWith("一站式学生社区建设第")).findFirst().orElseThrow();
        LocalDate day = latest.heldAt().atZone(CampusTime.ZONE).toLocalDate();
        String decision = "浏览器测试：社区篮球场夜间照明增设 " + System.nanoTime();

        logIn("leader");
        open("/governance");
        assertThat(waitFor(By.id("count-community")).getText()).contains("专题会议");
        assertThat(browser.findElement(By.id("count-seminars")).getText()).contains("研讨会");
        assertNoSidewaysScroll();
        wholePage("governance-overview");
        click(By.cssSelector(".meeting-row[data-meeting='" + latest.id() + "']"));
        assertThat(waitFor(By.id("meeting-title")).getText()).isEqualTo(latest.title());

        type(By.id("decision"), decision);
        new Select(browser.findElement(By.id("departmentId"))).selectByVisibleText("后勤保障处");
        setValue(By.id("deadline"), day.minusDays(1).toString());
        click(By.id("decision-submit"));
        assertThat(waitFor(By.id("deadline-error")).getText()).contains("不能早于会议日期");
        setValue(By.id("deadline"), CampusTime.today(java.time.Clock.systemUTC()).plusMonths(1).toString());
        click(By.id("decision-submit"));
        assertThat(waitFor(By.id("flash-success")).getText()).contains("督办事项");
        assertThat(browser.findElement(By.id("decision-list")).getText()).contains(decision, "后勤保障处");
        assertNoSidewaysScroll();
        wholePage("governance-meeting");

        logIn("depthead");
        open("/governance/actions?mine");
        click(By.xpath("//a[contains(@class,'action-row')][.//span[contains(., '" + decision + "')]]"));
        waitForText(By.id("action-decision"), decision);
        click(By.id("close-submit"));
        assertThat(waitFor(By.id("close-error")).getText()).contains("没有办结说明不能办结");
        type(By.id("close-note"), "已增设 8 盏 LED 投光灯，夜间照明达标。");
        click(By.id("close-submit"));
        assertThat(waitFor(By.id("flash-success")).getText()).contains("事项已办结");
        assertThat(browser.findElement(By.id("action-completion")).getText()).contains("LED 投光灯");

        logIn("leader");
        open("/governance/actions");
        waitFor(By.id("action-list"));
        assertThat(browser.findElement(By.xpath("//a[contains(@class,'action-row')][.//span[contains(., '" + decision + "')]]"))
                .getText()).contains("已办结");
        assertThat(browser.findElements(By.cssSelector(".action-row")).get(0).getAttribute("data-overdue")).isEqualTo("true");
        assertNoSidewaysScroll();
        screenshot("governance-actions");
        resize(390, 844);
        open("/governance/actions/" + latestItem(decision));
        waitFor(By.id("action-completion"));
        assertNoSidewaysScroll();
        wholePage("governance-action-phone");
        open("/governance");
        waitFor(By.id("count-community"));
        assertNoSidewaysScroll();
        screenshot("governance-overview-phone");
        resize(1280, 900);
    }
}
