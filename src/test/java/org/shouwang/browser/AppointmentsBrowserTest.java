package org.shouwang.browser;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.shouwang.DemoUsers;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.AppointmentFixtures;
import org.shouwang.studios.AppointmentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student books a psychology appointment on a phone; the counsellor, signed in on another
 * browser and a member of the psychology studio, cannot see it: 404 on its page and absent from
 * every list. The psychology centre can, and its view is audited.
 */
class AppointmentsBrowserTest extends BrowserTest {

    @Autowired AppointmentFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    @Test
    void aStudentBooksAPsychologyAppointmentOnAPhoneAndTheCounsellorCannotSeeIt() throws Exception {
        long studio = fixtures.psychologyStudio();
        LocalDate day = CampusTime.today(clock).plusDays(3);
        Instant start = fixtures.at(day, 20, 10);
        long slot = fixtures.slotAt(studio, "psych", AppointmentService.PSYCHOLOGY_COUNSELLING, start);
        Viewer student = fixtures.students(450, 1).get(0);
        String topic = "最近总是失眠，想聊聊";
        WebDriver phone = browser;
        WebDriver desk = newBrowser(1280, 900);
        try {
            // On a phone, the student finds the psychology studio and books the slot.
            resize(390, 844);
            logIn(student.username());
            open("/appointments");
            click(By.cssSelector("#open-studios [data-studio='" + studio + "']"));
            waitFor(By.id("book-" + slot));
            assertNoSidewaysScroll();
            screenshot("appointments-slots-phone");
            click(By.id("book-" + slot));
            waitFor(By.id("topic")).sendKeys(topic);
            assertThat(browser.findElement(By.id("confidential-hint")).isDisplayed()).isTrue();
            assertNoSidewaysScroll();
            screenshot("appointments-book-phone");
            click(By.id("book-submit"));
            waitFor(By.id("flash-success"));
            long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/appointments/(\\d+).*", "$1"));
            assertThat(browser.findElement(By.id("appointment-topic")).getText()).isEqualTo(topic);
            assertThat(browser.findElement(By.id("cancel-appointment")).isDisplayed()).isTrue();
            assertThat(browser.findElements(By.id("note"))).isEmpty();
            assertNoSidewaysScroll();
            screenshot("appointments-booked-phone");
            open("/appointments");
            assertThat(waitFor(By.cssSelector("#my-appointments [data-appointment='" + id + "']")).getText()).contains("20:10");
            assertNoSidewaysScroll();
            screenshot("appointments-mine-phone");

            // The counsellor, at a desk in another browser, does not find it anywhere.
            browser = desk;
            logIn("counsellor");
            open("/appointments/" + id);
            assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("未找到");
            assertThat(browser.getPageSource()).doesNotContain(topic);
            open("/appointments");
            waitFor(By.id("withheld"));
            assertThat(browser.findElements(By.cssSelector("[data-appointment='" + id + "']"))).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain(topic).doesNotContain(student.displayName());
            screenshot("appointments-staff");
            open("/appointments/studios/" + studio + "?from=" + day);
            waitFor(By.id("studio-name"));
            assertThat(browser.findElements(By.cssSelector("[data-slot='" + slot + "']"))).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain(topic);

            // The psychology centre sees it, and that view is recorded.
            logIn("psych");
            open("/appointments/" + id);
            assertThat(waitFor(By.id("appointment-topic")).getText()).isEqualTo(topic);
            waitFor(By.id("note"));
            screenshot("appointments-psychology-centre");
            open("/appointments/studios/" + studio + "?from=" + day);
            waitFor(By.id("slot-form"));
            assertThat(browser.findElement(By.cssSelector("[data-slot='" + slot + "']")).getAttribute("data-state")).isEqualTo("BOOKED");
            screenshot("appointments-publish");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'appointment.view' AND actor = 'psych' AND target_id = ?")
                    .param(String.valueOf(id)).query(Long.class).single()).isPositive();
        } finally {
            browser = phone;
            desk.quit();
            resize(1280, 900);
        }
    }
}
