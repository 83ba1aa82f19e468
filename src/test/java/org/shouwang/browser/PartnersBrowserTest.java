package org.shouwang.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.shouwang.party.Partners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student browses the mentor directory by expertise on a phone and opens a mentor; at a desk, a
 * student opens a partner's page with its co-built studio and a joint activity, and no phone number.
 */
class PartnersBrowserTest extends BrowserTest {

    @Autowired Partners partners;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aStudentBrowsesMentorsByExpertiseOnTheirPhone() throws Exception {
        try {
            resize(390, 844);
            logIn("student");
            open("/mentors");
            waitFor(By.id("mentors"));
            click(By.id("expertise-MEDICINE"));
            waitFor(By.cssSelector("#expertise-MEDICINE.btn-sw"));
            assertThat(browser.findElements(By.cssSelector("#mentors [data-mentor]"))).isNotEmpty()
                    .allSatisfy(card -> assertThat(card.findElements(By.cssSelector("[data-expertise='MEDICINE']"))).isNotEmpty());
            assertNoSidewaysScroll();
            screenshot("mentors-phone");

            WebElement first = browser.findElement(By.cssSelector("#mentors [data-mentor] .pt-title"));
            String name = first.getText();
            click(By.cssSelector("#mentors [data-mentor] .pt-title"));
            waitFor(By.id("mentor-name"));
            assertThat(browser.findElement(By.id("mentor-name")).getText()).isEqualTo(name);
            assertThat(browser.findElements(By.id("mentor-entries"))).isEmpty();
            if (!browser.findElements(By.id("mentor-phone")).isEmpty()) {
                assertThat(browser.findElement(By.id("mentor-phone")).getText()).contains("****");
            }
            assertNoSidewaysScroll();
        } finally {
            resize(1280, 900);
        }
    }

    @Test
    void aPartnersPageShowsItsStudiosAndJointActivitiesOnADesk() throws Exception {
        logIn("student");
        long id = partners.idByName("市红十字会").orElseThrow();
        open("/partners");
        waitFor(By.id("partners"));
        click(By.cssSelector("[data-partner='" + id + "'] .pt-title"));
        waitFor(By.id("partner-name"));
        assertThat(browser.findElement(By.id("partner-name")).getText()).isEqualTo("市红十字会");
        assertThat(browser.findElement(By.id("partner-studios")).getText()).contains("救在身边急救工作室");
        assertThat(browser.findElement(By.id("partner-activities")).getText()).contains("AED 与心肺复苏实操培训");
        String phone = jdbc.queryForObject("SELECT phone FROM partner_contact WHERE partner_id = ? AND position = 0", String.class, id);
        assertThat(browser.findElement(By.id("partner-contacts")).getText()).doesNotContain(phone).contains("****");
        assertThat(browser.findElements(By.id("partner-admin"))).isEmpty();
        assertNoSidewaysScroll();
        wholePage("partner-page");
    }

    @Test
    void studioStaffLogAMentorsTalkAndSeeTheYearsTotalGrow() throws Exception {
        logIn("studio");
        long mentor = jdbc.queryForObject("SELECT MAX(id) FROM mentor WHERE bio LIKE '来自%'", Long.class);
        open("/mentors/" + mentor);
        waitFor(By.id("participation-form"));
        type(By.id("what"), "简历门诊");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("MENTORING");
        type(By.id("hours"), "30");
        click(By.id("participation-save"));
        assertThat(waitFor(By.id("hours-error")).getText()).contains("0.5");
        type(By.id("hours"), "1.5");
        click(By.id("participation-save"));
        waitFor(By.id("flash-success"));
        assertThat(browser.findElement(By.id("mentor-entries")).getText()).contains("简历门诊");
        assertThat(browser.findElement(By.id("mentor-totals")).getText()).isNotBlank();
        assertNoSidewaysScroll();
        wholePage("mentor-log");
    }
}
