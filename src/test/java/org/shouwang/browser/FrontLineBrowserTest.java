package org.shouwang.browser;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.DemoUsers;
import org.shouwang.activities.frontline.FrontLineFixtures;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front line as people click through it, in a real headless Chromium: a leader on a phone
 * registers an issue a student raised at their dinner meeting and finds it on their record;
 * student affairs, at a desk, sets the leader's yearly target.
 */
class FrontLineBrowserTest extends BrowserTest {

    @Autowired FrontLineFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aLeaderOnAPhoneRegistersAnIssueAndStudentAffairsSetsTheTarget() throws IOException {
        Viewer leader = fixtures.leader();
        List<Viewer> students = fixtures.students(120, 3);
        long id = fixtures.held(leader, "校长与新生共进晚餐", 1, students, 2);
        int year = FrontLineFixtures.yearOf(fixtures.startsAt(id));

        // The leader, on a phone, opens the issues of the dinner meeting and registers what a student raised.
        logIn(leader.username(), FrontLineFixtures.PASSWORD);
        resize(390, 844);
        open("/activities/" + id + "/issues");
        waitFor(By.id("issue-form"));
        assertThat(browser.findElement(By.id("subcategory-field")).isDisplayed()).isFalse();
        type(By.id("studentNumber"), fixtures.numberOf(students.get(0)));
        new Select(browser.findElement(By.id("category"))).selectByValue("REPAIRS");
        assertThat(browser.findElement(By.id("subcategory-field")).isDisplayed()).isTrue();
        new Select(browser.findElement(By.id("subcategory"))).selectByValue("WATER");
        type(By.id("text"), "宿舍热水器出水忽冷忽热");
        click(By.id("issue-submit"));
        waitFor(By.id("flash-success"));
        WebElement row = waitFor(By.cssSelector("#issue-list [data-request]"));
        assertThat(row.getText()).contains("报修", "宿舍热水器出水忽冷忽热");
        wholePage("phone-front-line-issues");

        // A student number that did not attend: the error stands beside the field.
        type(By.id("studentNumber"), fixtures.numberOf(fixtures.students(400, 1).get(0)));
        new Select(browser.findElement(By.id("category"))).selectByValue("ACADEMICS");
        type(By.id("text"), "想了解转专业政策");
        click(By.id("issue-submit"));
        assertThat(waitFor(By.id("studentNumber-error")).getText()).contains("没有签到，也没有报名本活动");

        // Their record for the year shows the meeting with its attendance and the issue.
        open("/front-line?year=" + year);
        WebElement activity = waitFor(By.cssSelector("[data-activity='" + id + "']"));
        assertThat(activity.getText()).contains("校长与新生共进晚餐", "0/1");
        wholePage("phone-front-line-record");

        // Student affairs, at a desk, sets the leader's target and sees the progress.
        resize(1280, 900);
        logIn("affairs", DemoUsers.PASSWORD);
        open("/front-line?year=" + year);
        new Select(waitFor(By.id("leaderAccountId"))).selectByValue(String.valueOf(leader.accountId()));
        type(By.id("target"), "4");
        click(By.id("target-save"));
        assertThat(waitFor(By.id("flash-success")).getText()).contains("4");
        WebElement card = waitFor(By.cssSelector("[data-leader='" + leader.accountId() + "']"));
        assertThat(card.findElement(By.className("fl-target")).getText()).isEqualTo("4");
        assertThat(card.getText()).contains("已开展 1 场");
        assertThat(card.findElements(By.className("fl-progress"))).hasSize(1);
        scrollTo(card);
        screenshot("front-line-affairs");
    }
}
