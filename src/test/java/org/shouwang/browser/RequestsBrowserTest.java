package org.shouwang.browser;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shouwang.DemoUsers;
import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests as people click through them: the student on a phone, the department and the desk at a desk. */
class RequestsBrowserTest extends BrowserTest {

    @Autowired DemoUsers users;
    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired People people;

    @Test
    void aWaterLeakGoesFromAStudentsPhoneToLogisticsAndBackToClosed() throws Exception {
        try {
            leakJourney();
        } finally {
            resize(1280, 900);
        }
    }

    private void leakJourney() throws Exception {
        // The student, on a phone, submits a water leak with a photo.
        resize(375, 812);
        logIn("student");
        open("/requests");
        click(By.id("submit-request"));
        Select category = new Select(waitFor(By.id("category")));
        assertThat(browser.findElement(By.id("subcategory")).isDisplayed()).isFalse();
        category.selectByValue("REPAIRS");
        new Select(waitFor(By.id("subcategory"))).selectByValue("WATER");
        click(By.cssSelector("label[for=urgent]"));
        browser.findElement(By.id("text")).sendKeys("卫生间水管接头漏水，地上全是水，楼下也在滴");
        browser.findElement(By.id("roomDetail")).sendKeys("卫生间");
        // A phone's photo larger than the 5 MB a photo may have: the page makes it smaller before it is sent.
        Path large = largePhoto();
        assertThat(Files.size(large)).isGreaterThan(5L * 1024 * 1024);
        browser.findElement(By.id("photos")).sendKeys(large.toAbsolutePath().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "var f = document.getElementById('photos').files[0];"
                        + " return f.type === 'image/jpeg' && f.size < 5242880 && !document.getElementById('request-submit').disabled;"));
        assertNoSidewaysScroll();
        screenshot("phone-request-form");
        click(By.id("request-submit"));

        String number = waitFor(By.id("request-number")).getText();
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains(number).contains("后勤保障处");
        assertThat(browser.findElement(By.id("request-where")).getText()).contains("后勤保障处");
        assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("已转办");
        assertThat(browser.findElements(By.cssSelector("#timeline img.req-photo"))).hasSize(1);
        assertThat(photoLoaded()).isTrue();
        assertNoSidewaysScroll();
        screenshot("phone-request-submitted");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/requests/(\\d+).*", "$1"));

        // The handler, at a desk, accepts, replies and resolves.
        resize(1280, 900);
        logIn("handler");
        open("/requests");
        waitFor(By.id("request-filters"));
        screenshot("requests-department-queue");
        browser.findElement(By.id("request-q")).sendKeys(number + Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#request-rows [data-request]"));
            return rows.size() == 1 && rows.get(0).getAttribute("data-request").equals(String.valueOf(id));
        });
        assertThat(browser.getCurrentUrl()).contains("q=" + number);
        click(By.cssSelector("[data-request='" + id + "']"));
        click(By.id("accept-submit"));
        waitForText(By.id("flash-success"), "已签收");
        step("action-REPLY", "reply-text", "师傅十分钟后到，请留人在宿舍", "reply-submit");
        waitForText(By.id("flash-success"), "已回复学生");
        step("action-RESOLVE", "resolve-text", "已更换卫生间水管接头，地面已清理", "resolve-submit");
        waitForText(By.id("flash-success"), "已办结");
        assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("已办结");
        screenshot("request-handled");

        // Student affairs reads this month's KPIs by category before the student answers.
        long answeredBefore = repairFollowUpsOnTheKpiPage();

        // The student answers the follow-up on the phone: contacted, solved, satisfied. It closes.
        resize(375, 812);
        logIn("student");
        open("/requests/" + id);
        click(By.cssSelector("label[for=contacted-yes]"));
        click(By.cssSelector("label[for=solved-yes]"));
        click(By.cssSelector("label[for=satisfaction-SATISFIED]"));
        wholePage("phone-request-follow-up");
        click(By.id("follow-up-submit"));
        waitForText(By.id("flash-success"), "感谢你的评价");
        assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("已关闭");
        assertThat(queries.detail(users.viewer("student"), id).state()).isEqualTo(TicketState.CLOSED);
        assertThat(browser.findElement(By.id("request-follow-up")).getText()).contains("满意");
        assertThat(browser.findElements(By.cssSelector("#timeline [data-kind]"))).extracting(e -> e.getAttribute("data-kind"))
                .containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "REPLIED", "RESOLVED", "FOLLOWED_UP");
        assertNoSidewaysScroll();
        wholePage("phone-request-closed");
        open("/requests");
        waitFor(By.cssSelector("[data-request='" + id + "']"));
        assertNoSidewaysScroll();
        screenshot("phone-my-requests");

        // The answer shows in the KPIs at once.
        resize(1280, 900);
        assertThat(repairFollowUpsOnTheKpiPage()).isEqualTo(answeredBefore + 1);
        screenshot("request-kpis");
    }

    /** Follow-ups answered on repairs this month, as the KPI page by category shows them to student affairs. */
    private long repairFollowUpsOnTheKpiPage() {
        logIn("affairs");
        open("/requests/kpis?period=MONTH&dimension=CATEGORY");
        WebElement answered = waitFor(By.cssSelector("#kpi-table tr[data-key=REPAIRS] td:nth-of-type(6)"));
        return Long.parseLong(answered.getText().trim());
    }

    @Test
    void theDeskDispatchesALegalRequestThatNoClauseRoutes() throws Exception {
        TicketViews.Submitted legal = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.LEGAL, null, false,
                "校外租房押金被房东扣了两千元，想咨询怎么维权", null, null), List.of());
        assertThat(legal.state()).isEqualTo(TicketState.SUBMITTED);
        Structure.Department affairs = people.departments().stream().filter(d -> d.code().equals("XGB")).findFirst().orElseThrow();

        logIn("dispatch");
        browser.findElement(By.cssSelector("[data-nav=desk]")).click();
        waitFor(By.id("desk-q")).sendKeys(legal.number() + Keys.ENTER);
        WebElement card = waitFor(By.cssSelector("#desk-queue [data-request='" + legal.id() + "']"));
        screenshot("request-desk");
        new Select(card.findElement(By.name("departmentId"))).selectByValue(String.valueOf(affairs.id()));
        scrollTo(card).findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash-success"), "已派单");
        assertThat(browser.findElements(By.cssSelector("#desk-queue [data-request='" + legal.id() + "']"))).isEmpty();
        TicketViews.Detail detail = queries.detail(users.viewer("dispatch"), legal.id());
        assertThat(detail.state()).isEqualTo(TicketState.DISPATCHED);
        assertThat(detail.department()).isEqualTo(affairs.name());
    }

    @Test
    void thePagesFitAPhoneAndADesk() throws Exception {
        long id = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.REPAIRS, Category.Subcategory.ELECTRICITY,
                false, "书桌上方的灯管一闪一闪，晚上没法看书", null, null), List.of()).id();
        try {
            for (int width : new int[]{375, 1280}) {
                lookAtThePages(id, width);
            }
        } finally {
            resize(1280, 900);
        }
    }

    private void lookAtThePages(long id, int width) throws Exception {
        {
            resize(width, width == 375 ? 812 : 900);
            String size = width == 375 ? "phone" : "desktop";
            logIn("student");
            open("/requests/new");
            new Select(waitFor(By.id("category"))).selectByValue("DORM_LIFE");
            click(By.cssSelector("label[for=publicSpace]"));
            assertThat(waitFor(By.id("buildingId")).isDisplayed()).isTrue();
            browser.findElement(By.id("text")).sendKeys("x");
            ((JavascriptExecutor) browser).executeScript("document.getElementById('text').value = '';");
            click(By.id("request-submit"));
            waitFor(By.id("form-error"));
            assertNoSidewaysScroll();
            wholePage(size + "-request-form-errors");

            logIn("handler");
            open("/requests/" + id);
            waitFor(By.id("request-summary"));
            assertNoSidewaysScroll();
            wholePage(size + "-request-handler-view");
            open("/requests");
            waitFor(By.id("request-rows"));
            assertNoSidewaysScroll();
            screenshot(size + "-requests-list");

            logIn("counsellor");
            open("/requests/register");
            waitFor(By.id("register-form"));
            assertNoSidewaysScroll();
            wholePage(size + "-request-register");
        }
    }

    /** Opens a collapsed action, types and sends it. */
    private void step(String action, String field, String text, String submit) {
        click(By.cssSelector("#" + action + " > summary"));
        waitFor(By.id(field)).sendKeys(text);
        click(By.id(submit));
    }

    private boolean photoLoaded() {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "var i = document.querySelector('#timeline img.req-photo'); return i.complete && i.naturalWidth > 0;"));
    }

    /** A picture of a wet floor as a phone takes it: large, and full of detail that does not compress. */
    private static Path largePhoto() throws IOException {
        java.util.Random grain = new java.util.Random(7);
        BufferedImage image = new BufferedImage(2400, 1800, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 2400; x++) {
            for (int y = 0; y < 1800; y++) {
                int base = y > 1200 + (x % 300) / 6 ? 0x4a90d9 : 0xe8e4dc;
                image.setRGB(x, y, base ^ (grain.nextInt() & 0x0f0f0f));
            }
        }
        Path file = Path.of("target", "leak.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
