package org.shouwang.browser;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.DemoUsers;
import org.shouwang.TestClock;
import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.SupervisionScan;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** When the loop does not close by itself: a wrong dispatch returned and re-dispatched, confidentiality, supervision. */
class RequestEscalationBrowserTest extends BrowserTest {

    @Autowired DemoUsers users;
    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired SupervisionScan scan;
    @Autowired People people;
    @Autowired TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aDepartmentReturnsAWrongDispatchCitingAClauseAndTheDeskSendsItOn() throws Exception {
        TicketViews.Submitted request = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.DORM_LIFE, null,
                false, "宿舍楼道的热水器坏了一周，没人来修", null, null), List.of());
        assertThat(request.department()).isEqualTo("学生社区服务中心");

        logIn("handler-sq");
        open("/requests/" + request.id());
        click(By.cssSelector("#action-RETURN > summary"));
        new Select(waitFor(By.id("return-clause"))).selectByValue("5.1");
        browser.findElement(By.id("return-reason")).sendKeys("热水器维修属后勤保障处职责（清单第 5.1 条）");
        screenshot("request-return");
        click(By.cssSelector("#action-RETURN button[type=submit]"));
        waitFor(By.id("flash-success"));
        assertThat(browser.getCurrentUrl()).endsWith("/requests");
        assertThat(browser.findElements(By.cssSelector("[data-request='" + request.id() + "']"))).isEmpty();

        Structure.Department logistics = people.departments().stream().filter(d -> d.code().equals("HQ")).findFirst().orElseThrow();
        logIn("dispatch");
        open("/requests/desk");
        waitFor(By.id("desk-q")).sendKeys(request.number() + Keys.ENTER);
        WebElement card = waitFor(By.cssSelector("#desk-queue [data-request='" + request.id() + "']"));
        assertThat(card.getText()).contains(request.number());
        new Select(card.findElement(By.name("departmentId"))).selectByValue(String.valueOf(logistics.id()));
        scrollTo(card.findElement(By.cssSelector("button[type=submit]"))).click();
        waitFor(By.id("flash-success"));

        TicketViews.Detail detail = queries.detail(users.viewer("dispatch"), request.id());
        assertThat(detail.state()).isEqualTo(TicketState.DISPATCHED);
        assertThat(detail.department()).isEqualTo(logistics.name());
        assertThat(detail.returns()).isEqualTo(1);
        assertThat(detail.history()).extracting(TicketViews.Event::kind).containsSubsequence("RETURNED", "DISPATCHED");
    }

    @Test
    void aPsychologyRequestIsInvisibleToTheCounsellorAndOpenToThePsychologyCentre() throws Exception {
        TicketViews.Submitted request = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.PSYCHOLOGY, null,
                false, "最近总是失眠，和室友也处不好，想找老师聊聊", null, null), List.of());

        logIn("counsellor");
        open("/requests");
        waitFor(By.id("request-rows"));
        assertThat(browser.findElements(By.cssSelector("[data-request='" + request.id() + "']"))).isEmpty();
        open("/requests/" + request.id());
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("未找到");
        assertThat(browser.getPageSource()).doesNotContain("失眠");

        logIn("psych");
        open("/requests/" + request.id());
        assertThat(waitFor(By.id("request-summary")).getText()).contains("失眠");
    }

    @Test
    void anOverdueRequestShowsItsSupervisionInTheQueueAndOnThePage() throws Exception {
        clock.fix(at("2026-03-03T09:00"));
        long id = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.REPAIRS, Category.Subcategory.DOOR_LOCK,
                false, "宿舍门锁拧不开，只能从阳台进出", null, null), List.of()).id();
        clock.fix(at("2026-03-04T15:31"));
        scan.scan();
        assertThat(queries.detail(users.viewer("handler"), id).supervisionLevel()).isEqualTo(2);

        logIn("handler");
        open("/requests?supervised=true&size=100");
        WebElement row = waitFor(By.cssSelector("#request-rows [data-request='" + id + "']"));
        assertThat(row.getText()).contains("学工部督办");
        open("/requests/" + id);
        assertThat(waitFor(By.id("request-summary")).getText()).contains("学工部督办");
        screenshot("request-supervised");
    }

    private static Instant at(String shanghai) {
        return OffsetDateTime.parse(shanghai + ":00+08:00").toInstant();
    }
}
