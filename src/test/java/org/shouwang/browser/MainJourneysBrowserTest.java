package org.shouwang.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shouwang.residence.Residence;
import org.shouwang.DemoUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The main journeys of the foundation, as people would click through them. */
class MainJourneysBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired DemoUsers users;
    @Autowired Residence residence;

    @Test
    void eachRoleSeesTheNavigationThatFitsIt() throws Exception {
        browser.manage().deleteAllCookies();
        open("/login");
        screenshot("login");
        logIn("student");
        assertThat(navItems()).contains("my-profile").doesNotContain("colleges", "admin", "students");

        logIn("counsellor");
        assertThat(navItems()).contains("my-classes", "students", "colleges").doesNotContain("admin", "my-profile");

        logIn("admin");
        assertThat(navItems()).contains("students", "colleges", "residence", "admin");
        // The session lives in the database, so any node behind a load balancer can serve the next request.
        assertThat(browser.manage().getCookieNamed("SESSION")).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'admin'").query(Long.class).single())
                .isPositive();
        assertThat(browser.findElement(By.id("campus-figures")).getText()).contains("%");
        screenshot("home-admin");
    }

    @Test
    void anAdminBrowsesToABuildingsVacancyMap() throws Exception {
        logIn("admin");
        browser.findElement(By.cssSelector("[data-nav=residence]")).click();
        waitFor(By.cssSelector("a.card")).click();
        WebElement buildings = waitFor(By.id("buildings"));
        waitFor(By.cssSelector("#occupancy-chart canvas"));
        screenshot("community");
        buildings.findElement(By.cssSelector("tbody a")).click();
        WebElement map = waitFor(By.id("vacancy-map"));
        assertThat(map.findElements(By.cssSelector(".vmap-floor"))).hasSize(6);
        assertThat(map.findElements(By.cssSelector("[data-status=FREE]"))).isNotEmpty();
        assertThat(map.findElements(By.cssSelector("[data-status=OCCUPIED]"))).isNotEmpty();
        screenshot("building-vacancy-map");
    }

    @Test
    void aBuildingManagerChecksAStudentIntoAFreeBed() throws Exception {
        long staff = users.viewer("manager").staffId();
        record Target(long room, long bed) {
        }
        Target target = jdbc.sql("""
                        SELECT r.id AS room, min(b.id) AS bed FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                        JOIN building bu ON bu.id = f.building_id
                        WHERE bu.manager_staff_id = ? AND b.occupant_id IS NULL AND b.reserved = FALSE
                        GROUP BY r.id ORDER BY r.id DESC LIMIT 1""")
                .param(staff).query(Target.class).single();
        String gender = jdbc.sql("SELECT gender FROM room WHERE id = ?").param(target.room()).query(String.class).single();
        String studentNumber = unhoused(gender);

        logIn("manager");
        open("/rooms/" + target.room());
        WebElement card = waitFor(By.cssSelector("[data-bed='" + target.bed() + "']"));
        card.findElement(By.name("studentNumber")).sendKeys(studentNumber);
        card.findElement(By.cssSelector("button[value=check-in]")).click();
        waitFor(By.id("flash-success"));
        assertThat(browser.findElement(By.cssSelector("[data-bed='" + target.bed() + "']")).getAttribute("data-status"))
                .isEqualTo("OCCUPIED");
        screenshot("room-after-check-in");

        // The same bed again: the page says why not.
        String other = unhoused(gender.equals("M") ? "F" : "M");
        WebElement free = browser.findElements(By.cssSelector("[data-status=FREE]")).get(0);
        free.findElement(By.name("studentNumber")).sendKeys(other);
        free.findElement(By.cssSelector("button[value=check-in]")).click();
        assertThat(waitFor(By.id("flash-error")).getText()).contains("异性");
    }

    @Test
    void aStudentUsesThePlatformOnAPhone() throws Exception {
        resize(375, 812);
        try {
            logIn("student");
            browser.findElement(By.cssSelector(".navbar-toggler")).click();
            waitFor(By.cssSelector("[data-nav=my-profile]")).click();
            WebElement bed = waitFor(By.id("student-bed"));
            assertThat(bed.getText()).isNotBlank();
            assertThat(browser.findElement(By.id("student-id-card")).getText()).doesNotContain("*");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
            assertThat(overflow).isEqualTo(false);
            screenshot("phone-student-profile");
        } finally {
            resize(1280, 900);
        }
    }

    @Test
    void searchingStudentsNarrowsAsYouType() throws Exception {
        String name = jdbc.sql("SELECT s.name FROM student s JOIN class_group c ON c.id = s.class_id WHERE c.counsellor_id = ? ORDER BY s.id LIMIT 1")
                .param(users.viewer("counsellor").staffId()).query(String.class).single();
        logIn("counsellor");
        open("/students");
        browser.findElement(By.id("student-search")).sendKeys(name);
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
            List<String> rows = d.findElements(By.cssSelector("#students-table tbody tr")).stream().map(WebElement::getText).toList();
            return !rows.isEmpty() && rows.stream().allMatch(row -> row.contains(name));
        });
        screenshot("student-search");
    }

    @Test
    void anAdminFindsAnAccountAndAStudentOpensTheirProfilePage() throws Exception {
        logIn("admin");
        open("/admin/accounts");
        browser.findElement(By.id("account-q")).sendKeys("floorleader");
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#accounts [data-account]")).size() == 1
                        && d.findElement(By.id("accounts")).getText().contains("floorleader"));
        screenshot("accounts");

        logIn("student");
        open("/profile");
        waitFor(By.id("password-form"));
        assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isTrue();
        screenshot("profile");
    }

    /** A student of that gender with no bed: someone checked out for the purpose if everyone is housed. */
    private String unhoused(String gender) {
        return jdbc.sql("""
                        SELECT student_number FROM student WHERE gender = ?
                          AND id NOT IN (SELECT occupant_id FROM bed WHERE occupant_id IS NOT NULL)
                        ORDER BY student_number LIMIT 1""")
                .param(gender).query(String.class).optional()
                .orElseGet(() -> {
                    long resident = jdbc.sql("""
                                    SELECT max(b.occupant_id) FROM bed b JOIN student s ON s.id = b.occupant_id
                                    WHERE s.gender = ? AND s.id NOT IN (SELECT student_id FROM account
                                      WHERE username IN ('student', 'buildingleader', 'floorleader'))""")
                            .param(gender).query(Long.class).single();
                    residence.checkOut(users.viewer("admin"), resident);
                    return jdbc.sql("SELECT student_number FROM student WHERE id = ?").param(resident).query(String.class).single();
                });
    }

    private List<String> navItems() {
        return browser.findElements(By.cssSelector("#main-nav [data-nav]")).stream()
                .map(e -> e.getAttribute("data-nav")).toList();
    }
}
