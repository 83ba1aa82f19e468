package org.shouwang.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.DemoUsers;
import org.shouwang.community.InspectionViews;
import org.shouwang.community.Rubric;
import org.shouwang.people.Housing;
import org.shouwang.residence.Residence;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inspection as people tap through it: the demo inspector scores the demo student's room on a phone
 * with a broken door lock, which becomes a repair request owned by the committee's advisor (the
 * building manager); the student appeals a deduction on a phone; the month's ratings at a desk.
 */
class InspectionsBrowserTest extends BrowserTest {

    @Autowired DemoUsers users;
    @Autowired Residence residence;
    @Autowired Rubric rubric;

    @Test
    void anInspectorScoresARoomWithARepairDefectOnAPhoneAndTheResidentAppeals() throws Exception {
        try {
            journey();
        } finally {
            resize(1280, 900);
        }
    }

    private void journey() throws Exception {
        Housing.Place place = residence.placeOf(users.viewer("student").studentId()).orElseThrow();
        long lock = item("门锁损坏");
        long floorItem = item("地面卫生");

        // The inspector, on a phone, starts a round of the student's floor.
        resize(390, 844);
        logIn("inspector");
        open("/inspections");
        new Select(waitFor(By.id("buildingId"))).selectByValue(String.valueOf(place.buildingId()));
        assertNoSidewaysScroll();
        screenshot("inspection-home-phone");
        type(By.id("floor"), String.valueOf(place.floor()));
        click(By.id("mode-ALL_ROOMS"));
        click(By.id("round-start"));
        waitFor(By.id("round-rooms"));
        assertNoSidewaysScroll();
        screenshot("inspection-round-phone");

        // Room by room: the student's room has a broken lock and an untidy floor.
        click(By.cssSelector(".round-room[data-room='" + place.roomId() + "']"));
        waitFor(By.id("room-form"));
        click(By.cssSelector("label[for='item-" + lock + "']"));
        click(By.cssSelector("label[for='item-" + floorItem + "']"));
        type(By.id("deduction-" + floorItem), "3");
        type(By.id("note-" + lock), "门锁无法反锁");
        type(By.id("note"), "已当面提醒");
        assertNoSidewaysScroll();
        wholePage("inspection-room-phone");
        click(By.id("room-save"));
        String flash = waitFor(By.id("flash-success")).getText();
        assertThat(flash).contains("92");
        String number = flash.substring(flash.lastIndexOf('：') + 1).replace("。", "").trim();
        assertThat(number).isNotBlank();

        // The committee's advisor, the building manager, owns the repair request.
        resize(1280, 900);
        logIn("manager");
        open("/requests?queue=OWNED&q=" + number);
        waitForText(By.tagName("main"), number);

        // The student, on a phone, sees the result and appeals the floor deduction.
        resize(390, 844);
        logIn("student");
        open("/inspections/my-room");
        waitFor(By.id("my-room-results"));
        assertThat(browser.findElement(By.id("my-room-results")).getText()).contains(number);
        assertNoSidewaysScroll();
        screenshot("inspection-my-room-phone");
        click(By.cssSelector(".inspection-result .appeal-link"));
        new Select(waitFor(By.id("defectId"))).selectByVisibleText("地面卫生 −3");
        type(By.id("reason"), "检查前刚拖过地，地上是同学刚洒的水，请复核。");
        assertNoSidewaysScroll();
        screenshot("inspection-appeal-phone");
        click(By.id("appeal-submit"));
        waitFor(By.id("flash-success"));
        assertThat(browser.findElement(By.id("my-room-results")).getText()).contains("待处理");
        String result = browser.findElement(By.cssSelector(".inspection-result")).getAttribute("id").replace("result-", "");

        // The building manager upholds the appeal at a desk; the score goes back up.
        resize(1280, 900);
        logIn("manager");
        open("/inspections/appeals");
        click(By.cssSelector("#appeal-rows a[href$='/inspections/results/" + result + "']"));
        click(By.cssSelector(".appeal-decision label[for^='upheld-']"));
        type(By.cssSelector(".appeal-decision input[name='note']"), "复核属实，撤销扣分");
        click(By.cssSelector(".appeal-decision button[type='submit']"));
        waitFor(By.id("flash-success"));
        assertThat(browser.findElement(By.cssSelector(".inspection-result .score")).getText()).isEqualTo("95");
        screenshot("inspection-result-desktop");

        // The month's ratings at a desk.
        resize(1280, 900);
        logIn("leader");
        open("/inspections/rankings");
        waitFor(By.id("rank-buildings"));
        assertNoSidewaysScroll();
        screenshot("inspection-rankings");
    }

    private long item(String text) {
        return rubric.items(users.viewer("admin"), true).stream().filter(i -> i.text().equals(text)).findFirst()
                .map(InspectionViews.Item::id).orElseThrow();
    }
}
