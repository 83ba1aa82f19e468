package org.shouwang.browser;

import java.io.IOException;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Party tree and a branch as its secretary works with them: the demo account party opens the
 * tree, finds its branch (学生社区第一党支部) marked as theirs, opens it and — on a desktop window —
 * adds a student as an applicant by student number after a mistyped number, and sees them listed.
 */
class PartyBrowserTest extends BrowserTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void theBranchSecretaryAddsAMemberByStudentNumberAndSeesThemListed() throws IOException {
        logIn("party");
        resize(1280, 900);
        open("/party");
        assertThat(waitFor(By.id("party-tree")).getText()).contains("中共守望大学委员会", "学生社区党工委", "学生社区第一党支部");
        assertNoSidewaysScroll();
        wholePage("party-tree");

        long branch = jdbc.queryForObject("SELECT id FROM party_organisation WHERE name = '学生社区第一党支部'", Long.class);
        click(By.cssSelector(".party-node[data-organisation='" + branch + "'] a.party-node-name"));
        assertThat(waitFor(By.id("organisation-name")).getText()).isEqualTo("学生社区第一党支部");

        String number = jdbc.queryForObject("""
                SELECT min(student_number) FROM student
                WHERE id NOT IN (SELECT student_id FROM party_member WHERE student_id IS NOT NULL)""", String.class);
        String name = jdbc.queryForObject("SELECT name FROM student WHERE student_number = ?", String.class, number);
        type(By.id("number"), "0000000000");
        new Select(browser.findElement(By.id("status"))).selectByValue("APPLICANT");
        // As the browser's date picker would fill it.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("appliedOn")),
                CampusTime.today(clock).minusDays(10).toString());
        click(By.id("member-submit"));
        assertThat(waitFor(By.id("number-error")).getText()).contains("0000000000");

        type(By.id("number"), number);
        click(By.id("member-submit"));
        waitFor(By.id("flash-success"));
        assertThat(waitFor(By.id("member-list")).getText()).contains(name, number, "入党申请人");
        assertNoSidewaysScroll();
        wholePage("party-branch");

        // The member's own page, with the secretary's moves; and the tree on a phone.
        click(By.xpath("//a[contains(@class, 'party-member-name') and text()='" + name + "']"));
        assertThat(waitFor(By.id("member-status")).getText()).isEqualTo("入党申请人");
        assertThat(browser.findElement(By.id("history-list")).getText()).contains("学生社区第一党支部");
        wholePage("party-member");
        resize(390, 844);
        open("/party");
        waitFor(By.id("party-tree"));
        assertNoSidewaysScroll();
        screenshot("party-tree-phone");
    }
}
