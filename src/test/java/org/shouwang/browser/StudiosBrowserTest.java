package org.shouwang.browser;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.DemoUsers;
import org.shouwang.shared.CampusTime;
import org.shouwang.studios.MilestoneDraft;
import org.shouwang.studios.ProjectDraft;
import org.shouwang.studios.ProjectLevel;
import org.shouwang.studios.ProjectStatus;
import org.shouwang.studios.Projects;
import org.shouwang.studios.Studios;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The studio directory on a student's phone, and a project with an overdue milestone at a desk:
 * the owner sees it marked and ticks it done.
 */
class StudiosBrowserTest extends BrowserTest {

    @Autowired DemoUsers users;
    @Autowired Studios studios;
    @Autowired Projects projects;
    @Autowired Clock clock;

    @Test
    void aStudentFindsAStudioOnTheirPhoneAndOpensIt() throws Exception {
        try {
            resize(390, 844);
            logIn("student");
            open("/studios");
            waitFor(By.id("studios"));
            assertNoSidewaysScroll();
            screenshot("studios-directory-phone");

            new Select(browser.findElement(By.id("studio-type"))).selectByValue("COUNSELLOR");
            click(By.id("studio-filter"));
            waitFor(By.cssSelector("#studios [data-studio]"));
            assertThat(browser.findElements(By.cssSelector("#studios [data-type]")))
                    .allSatisfy(b -> assertThat(b.getAttribute("data-type")).isEqualTo("COUNSELLOR"));

            long id = studios.idByName("守望辅导员工作室").orElseThrow();
            click(By.cssSelector("[data-studio='" + id + "'] .st-title"));
            waitFor(By.id("studio-name"));
            assertThat(browser.findElement(By.id("studio-name")).getText()).isEqualTo("守望辅导员工作室");
            assertThat(browser.findElement(By.id("book-appointment")).getAttribute("href")).endsWith("/appointments/studios/" + id);
            assertThat(browser.findElement(By.id("on-duty")).getAttribute("href")).endsWith("/duty?studio=" + id);
            assertThat(browser.findElement(By.id("studio-members")).getText()).contains(users.viewer("studio").displayName());
            assertThat(browser.findElements(By.id("studio-admin"))).isEmpty();
            assertNoSidewaysScroll();
            wholePage("studios-studio-phone");
        } finally {
            resize(1280, 900);
        }
    }

    @Test
    void theOwnerSeesAnOverdueMilestoneOnTheProjectAndTicksItDone() throws Exception {
        LocalDate today = CampusTime.today(clock);
        long studio = studios.idByName("守望辅导员工作室").orElseThrow();
        long id = projects.create(users.viewer("admin"), new ProjectDraft("浏览器·楼层长培训计划", ProjectLevel.FEATURED, studio,
                "counsellor", "每层一名合格的楼层长：沟通、调解、安全巡查。", today.minusDays(90), today.plusDays(120),
                ProjectStatus.ACTIVE, null));
        long first = projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("招募楼层长", today.minusDays(60), null));
        projects.markDone(users.viewer("admin"), id, first, today.minusDays(62), "共 48 人报名");
        long late = projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("第一期集中培训", today.minusDays(7), "16 学时"));
        projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("安全巡查实训", today.plusDays(20), null));
        projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("考核与总结", today.plusDays(110), null));

        resize(1280, 900);
        logIn("counsellor");
        open("/projects?overdue=true");
        waitFor(By.cssSelector("[data-project='" + id + "']"));
        assertThat(browser.findElement(By.cssSelector("[data-project='" + id + "'] .pj-overdue")).getText()).contains("1");
        click(By.cssSelector("[data-project='" + id + "'] .st-title"));
        waitFor(By.id("overdue-alert"));
        assertThat(browser.findElement(By.id("milestone-" + late)).getAttribute("class")).contains("pj-ms-overdue");
        screenshot("studios-project");

        click(By.id("tick-" + late));
        waitFor(By.id("flash-success"));
        assertThat(browser.findElements(By.id("overdue-alert"))).isEmpty();
        assertThat(browser.findElement(By.id("milestone-" + late)).getAttribute("data-done")).isEqualTo("true");

        // The same on a phone: the list and the project fit the screen.
        try {
            resize(390, 844);
            open("/projects");
            waitFor(By.id("projects"));
            assertNoSidewaysScroll();
            screenshot("studios-projects-phone");
            open("/projects/" + id);
            waitFor(By.id("milestone-list"));
            assertNoSidewaysScroll();
            wholePage("studios-project-phone");
        } finally {
            resize(1280, 900);
        }
    }

    @Test
    void anAdministratorSetsUpAStudioAfterCorrectingTheForm() throws Exception {
        resize(1280, 900);
        logIn("admin");
        open("/studios");
        click(By.id("new-studio"));
        waitFor(By.id("name")).sendKeys("浏览器·宿舍文化工作室");
        new Select(browser.findElement(By.id("type"))).selectByValue("RESEARCH");
        new Select(browser.findElement(By.id("buildingId"))).selectByIndex(1);
        type(By.id("leaderUsername"), "student");
        type(By.id("services"), "宿舍文化研究；文明宿舍评选");
        type(By.id("openingHours"), "周四 14:00–17:00");
        click(By.id("studio-save"));
        waitFor(By.id("form-errors"));
        assertThat(browser.findElement(By.id("venue-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("leaderUsername-error")).getText()).contains("student");
        screenshot("studios-form-errors");

        type(By.id("venue"), "社区研讨室 202");
        type(By.id("leaderUsername"), "studio");
        click(By.id("studio-save"));
        waitFor(By.id("flash-success"));
        assertThat(browser.findElement(By.id("studio-name")).getText()).isEqualTo("浏览器·宿舍文化工作室");
        type(By.id("member-username"), "counsellor");
        click(By.id("add-member"));
        waitFor(By.id("flash-success"));
        assertThat(browser.findElement(By.id("studio-members")).getText()).contains(users.viewer("counsellor").displayName());
    }
}
