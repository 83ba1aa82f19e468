package org.shouwang.browser;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.shouwang.party.PartyDormFixtures;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.ResponsibilityZones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Party-member dorms as people click through them: the branch secretary marks the room where a
 * member of the branch lives, and the badge then shows on the building's vacancy map, on a desktop
 * and on a phone; a member opens their responsibility zone on a phone.
 */
class PartyDormsBrowserTest extends BrowserTest {

    @Autowired PartyOrganisations organisations;
    @Autowired ResponsibilityZones zones;
    @Autowired org.shouwang.DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theBranchSecretaryAddsAMemberAndMarksTheirDormWhichThenShowsOnTheBuildingMap() throws IOException {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        long building = jdbc.queryForObject("SELECT min(id) FROM building", Long.class);
        PartyDormFixtures.Lodger lodger = PartyDormFixtures.lodgers(jdbc, building, 40, 4).stream()
                .filter(l -> jdbc.queryForObject("SELECT count(*) FROM party_member WHERE student_id = ? AND active", Integer.class,
                        l.studentId()) == 0)
                .findFirst().orElseThrow();
        String number = jdbc.queryForObject("SELECT student_number FROM student WHERE id = ?", String.class, lodger.studentId());

        // The secretary puts the resident on the branch's roster as a probationary member, on the branch's page.
        logIn("party");
        resize(1280, 900);
        open("/party/" + branch);
        type(By.id("number"), number);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByValue("PROBATIONARY");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("probationaryOn")), java.time.LocalDate.now().minusMonths(3).toString());
        click(By.id("member-submit"));
        waitFor(By.id("flash-success"));
        assertThat(waitFor(By.id("member-list")).getText()).contains(number);

        open("/party/dorms?org=" + branch);
        click(By.cssSelector("[data-room='" + lodger.roomId() + "'] .mark-dorm"));
        assertThat(waitFor(By.id("flash-success")).getText()).contains("党员宿舍");
        assertThat(browser.findElement(By.cssSelector("[data-room='" + lodger.roomId() + "']")).getAttribute("data-marked")).isEqualTo("true");
        assertNoSidewaysScroll();
        screenshot("party-dorms-page");

        open("/buildings/" + building);
        assertThat(waitFor(By.cssSelector("[data-party-dorm='" + lodger.roomId() + "']")).getText()).isEqualTo("党");
        assertNoSidewaysScroll();
        screenshot("party-dorm-map");

        resize(390, 844);
        open("/buildings/" + building);
        scrollTo(waitFor(By.cssSelector("[data-party-dorm='" + lodger.roomId() + "']")));
        assertNoSidewaysScroll();
        screenshot("party-dorm-map-phone");
        click(By.cssSelector("a.vmap-room[href$='/rooms/" + lodger.roomId() + "']"));
        assertThat(waitFor(By.id("party-dorm-badge")).getText()).isEqualTo("党员宿舍");

        // A member of the branch (the demo inspector) is given the floor of the dorm and the busiest floor to serve and looks at it on a phone.
        long member = PartyDormFixtures.member(jdbc, branch, users.viewer("inspector").studentId(), "FULL");
        int busiest = jdbc.queryForObject("""
                        SELECT floor_number FROM ticket WHERE building_id = ? AND floor_number IS NOT NULL
                        GROUP BY floor_number ORDER BY count(*) DESC, floor_number LIMIT 1""", Integer.class, building);
        zones.assign(users.viewer("party"), branch, new ResponsibilityZones.ZoneDraft(member, building, List.of(lodger.floor(), busiest),
                List.of(), "联系本层同学"));
        open("/party/" + branch + "/zones");
        assertThat(waitFor(By.id("zones")).getText()).contains("未办结诉求");
        assertNoSidewaysScroll();
        screenshot("party-zones");
        Long busiestBranch = jdbc.query("""
                        SELECT o.id FROM party_organisation o JOIN activity a ON a.organiser = o.name AND a.organiser_kind = 'PARTY_BRANCH'
                        GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1""", rs -> rs.next() ? rs.getLong(1) : null);
        if (busiestBranch != null) {
            open("/party/" + busiestBranch + "/activities");
            waitFor(By.id("attendance"));
            assertNoSidewaysScroll();
            wholePage("party-branch-activities");
        }

        logIn("inspector");
        resize(390, 844);
        open("/party/zone");
        assertThat(waitFor(By.id("my-zones")).getText()).contains("未办结诉求", "本月检查平均分");
        assertNoSidewaysScroll();
        screenshot("party-zone-phone");
    }
}
