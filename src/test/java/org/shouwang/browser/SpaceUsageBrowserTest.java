package org.shouwang.browser;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.shouwang.TestClock;
import org.shouwang.shared.CampusTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The free-seat list on a phone, the appeals page and the usage figures with their heat map on a desktop. */
class SpaceUsageBrowserTest extends BrowserTest {

    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Three in the afternoon on campus today, when the demo study rooms are open. */
    private void afternoon() {
        LocalDate today = CampusTime.today(Clock.systemUTC());
        clock.fix(today.atTime(15, 0).atZone(CampusTime.ZONE).toInstant());
    }

    @Test
    void aStudentOnAPhoneFindsAFreeStudySeatAndSeesTheirNoShows() throws IOException {
        afternoon();
        resize(390, 844);
        logIn("student");
        open("/spaces/free");
        assertThat(waitFor(By.cssSelector("#free-spaces a")).getText()).contains("自习室");
        assertNoSidewaysScroll();
        screenshot("spaces-free-phone");

        open("/spaces/appeals");
        waitFor(By.id("no-shows"));
        assertNoSidewaysScroll();
        screenshot("spaces-appeals-phone");
        click(By.cssSelector("#no-shows a.btn"));
        waitFor(By.id("appeal-form"));
        click(By.id("appeal-send"));
        assertThat(waitFor(By.id("reason-error")).getText()).isNotBlank();
        assertNoSidewaysScroll();
        screenshot("spaces-appeal-form-phone");
        resize(1280, 900);
    }

    @Test
    void studentAffairsSeeTheUsageFiguresAndTheBusiestTimes() throws IOException {
        afternoon();
        resize(1280, 900);
        logIn("affairs");
        open("/spaces/usage");
        waitFor(By.cssSelector("#usage-heat canvas"));
        assertThat(waitFor(By.id("usage-spaces")).getText()).contains("自习室");
        assertNoSidewaysScroll();
        wholePage("spaces-usage");

        logIn("manager");
        open("/spaces/appeals/manage");
        assertThat(waitFor(By.id("appeals")).getText()).contains("卫生安全检查");
        screenshot("spaces-appeals-manage");
    }
}
