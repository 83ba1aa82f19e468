package org.shouwang.browser;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.community.OrganisationViews;
import org.shouwang.community.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Student organisations as people click through them: a student on a phone finds their own club on
 * top of the directory; the self-discipline committee's advisor opens its page, sees the inspector
 * among the members and starts an activity for the committee with the organiser filled in; then, on
 * a phone, appoints a new member after a mistyped student number.
 */
class OrganisationsBrowserTest extends BrowserTest {

    @Autowired Organisations organisations;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aStudentFindsTheirClubAndTheAdvisorStartsAnActivityForTheCommittee() throws IOException {
        logIn("student");
        resize(390, 844);
        open("/organisations");
        assertThat(waitFor(By.id("my-organisations")).getText()).contains("书画社", "成员");
        assertThat(browser.findElement(By.cssSelector(".org-kind[data-kind='SELF_DISCIPLINE']")).getText())
                .contains("学生社区自律委员会", "指导老师");
        assertNoSidewaysScroll();
        screenshot("organisations-list-phone");
        click(By.cssSelector("#my-organisations a"));
        assertThat(waitFor(By.id("organisation-name")).getText()).isEqualTo("书画社");
        assertThat(browser.findElements(By.id("appoint-form"))).isEmpty();
        assertNoSidewaysScroll();
        wholePage("organisation-page-phone");

        long committee = organisations.list().stream().filter(s -> s.name().equals("学生社区自律委员会"))
                .map(OrganisationViews.Summary::id).findFirst().orElseThrow();
        String inspector = organisations.organisation(committee).members().stream()
                .filter(m -> m.position().name().equals("MINISTER")).map(OrganisationViews.Member::name).findFirst().orElseThrow();
        logIn("manager");
        resize(1280, 900);
        open("/organisations/" + committee);
        assertThat(waitFor(By.id("member-list")).getText()).contains(inspector, "部长");
        assertThat(browser.findElement(By.id("appoint-form")).isDisplayed()).isTrue();
        assertNoSidewaysScroll();
        wholePage("organisation-page");

        click(By.id("organisation-new-activity"));
        waitFor(By.id("activity-form"));
        assertThat(new Select(browser.findElement(By.id("organiserKind"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("STUDENT_ORGANISATION");
        assertThat(browser.findElement(By.id("organiser")).getAttribute("value")).isEqualTo("学生社区自律委员会");

        // On a phone, the advisor appoints a new member: a wrong student number is told beside the field.
        String newcomer = jdbc.queryForObject("""
                SELECT min(s.student_number) FROM student s WHERE s.id NOT IN (SELECT student_id FROM organisation_member)""",
                String.class);
        resize(390, 844);
        open("/organisations/" + committee);
        type(By.id("studentNumber"), "0000000000");
        click(By.id("appoint-submit"));
        assertThat(waitFor(By.id("studentNumber-error")).getText()).contains("没有学号为 0000000000 的学生");
        type(By.id("studentNumber"), newcomer);
        new Select(browser.findElement(By.id("position"))).selectByValue("MEMBER");
        click(By.id("appoint-submit"));
        assertThat(waitFor(By.id("flash-success")).getText()).contains("成员已任命");
        assertNoSidewaysScroll();
        screenshot("organisation-appointed-phone");
        assertThat(waitFor(By.id("member-list")).getText()).contains(newcomer);
    }
}
