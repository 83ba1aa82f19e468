package org.shouwang.tickets.web;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rules of the closed loop, through the API: returns citing the list and student affairs'
 * decision, the paused clock, extensions, merge and link, and the follow-up that reopens.
 * Deadlines are computed by hand on the demo calendar (working periods 08:00–12:00 and
 * 14:00–17:30, Monday to Friday; no holiday in December 2026). Repairs run on clause 5.1:
 * resolve within 24 working hours.
 */
@IntegrationTest
class RequestsApiRulesTests {

    /** Tuesday 1 December 2026, 09:00 in Shanghai. */
    static final Instant TUESDAY_9AM = at("2026-12-01T09:00");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    RequestsApiDriver api;

    @BeforeEach
    void driver() {
        api = new RequestsApiDriver(mvc, users, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRequestReturnedTwiceWaitsForStudentAffairsWhoseDecisionIsFinal() throws Exception {
        long hq = api.department("HQ");
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);

        api.move("handler", id, "return", "{\"clause\":\"5.5\",\"reason\":\"这是公共区域，应归物业\"}").andExpect(status().isNoContent());
        api.view("handler", id).andExpect(status().isNotFound());
        api.view("dispatch", id).andExpect(jsonPath("$.state").value("RETURNED"))
                .andExpect(jsonPath("$.returns").value(1))
                .andExpect(jsonPath("$.awaitingDecision").value(false))
                .andExpect(jsonPath("$.actions", hasItem("DISPATCH")))
                .andExpect(jsonPath("$.history[?(@.kind == 'RETURNED')].detail", hasItem(org.hamcrest.Matchers.startsWith("v"))));
        api.get("dispatch", "/api/v1/requests?queue=DESK&size=200").andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        api.move("dispatch", id, "dispatch", "{\"departmentId\":" + hq + "}").andExpect(status().isNoContent());

        api.move("handler", id, "return", "{\"clause\":\"5.5\",\"reason\":\"仍不归我们\"}").andExpect(status().isNoContent());
        api.view("dispatch", id).andExpect(jsonPath("$.awaitingDecision").value(true))
                .andExpect(jsonPath("$.actions", not(hasItem("DISPATCH"))));
        api.move("dispatch", id, "dispatch", "{\"departmentId\":" + hq + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.awaitingDecision"));
        api.move("dispatch", id, "decision", "{\"departmentId\":" + hq + ",\"reason\":\"审定\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.notYours"));
        api.get("dispatch", "/api/v1/requests?queue=DESK&size=200").andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        api.get("affairs", "/api/v1/requests?queue=DECISIONS&size=200").andExpect(jsonPath("$.items[*].id", hasItem((int) id)));

        api.move("affairs", id, "decision", "{\"departmentId\":" + hq + ",\"reason\":\"宿舍内水管属后勤职责\"}")
                .andExpect(status().isNoContent());
        api.view("handler", id).andExpect(jsonPath("$.state").value("DISPATCHED"))
                .andExpect(jsonPath("$.dispatchForced").value(true))
                .andExpect(jsonPath("$.actions", not(hasItem("RETURN"))));
        api.move("handler", id, "return", "{\"clause\":\"5.5\",\"reason\":\"第三次\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.decidedCannotReturn"));
        api.move("handler", id, "accept", "{}").andExpect(status().isNoContent());
        api.move("handler", id, "return", "{\"clause\":\"5.5\",\"reason\":\"第三次\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.decidedCannotReturn"));
        assertThat(api.history("dispatch", id)).containsExactly("SUBMITTED", "DISPATCHED", "RETURNED", "DISPATCHED",
                "RETURNED", "DECIDED", "ACCEPTED");
    }

    @Test
    void askingTheStudentPausesTheClockUntilTheyReply() throws Exception {
        clock.fix(TUESDAY_9AM);
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        // 24 working hours from Tuesday 09:00: 6.5 h on Tuesday, 7.5 on Wednesday and Thursday, 2.5 on Friday.
        assertThat(api.instant("handler", id, "$.resolveBy")).isEqualTo(at("2026-12-04T10:30"));
        api.move("handler", id, "accept", "{}").andExpect(status().isNoContent());

        clock.fix(at("2026-12-01T10:00"));
        api.move("handler", id, "ask", "{\"text\":\"请问是哪个水龙头？\"}").andExpect(status().isNoContent());
        api.view("student", id).andExpect(jsonPath("$.state").value("WAITING_ON_STUDENT"))
                .andExpect(jsonPath("$.deadline").doesNotExist())
                .andExpect(jsonPath("$.actions", hasItem("STUDENT_REPLY")));

        clock.fix(at("2026-12-02T10:00"));
        api.move("student", id, "reply", "{\"text\":\"卫生间洗手池的那个\"}").andExpect(status().isNoContent());

        // Paused 7.5 working hours (Tuesday 10–12 and 14–17:30, Wednesday 8–10): from Friday 10:30, 5 h on
        // Friday, then 2.5 h on Monday 7 December.
        assertThat(api.instant("handler", id, "$.resolveBy")).isEqualTo(at("2026-12-07T10:30"));
        api.view("student", id).andExpect(jsonPath("$.state").value("IN_PROGRESS"));
        assertThat(api.history("student", id)).containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "ASKED", "SUPPLIED");
    }

    @Test
    void anExtensionApprovedByTheDepartmentHeadMovesTheDeadlineAndTheStudentIsTold() throws Exception {
        clock.fix(TUESDAY_9AM);
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        api.move("handler", id, "accept", "{}").andExpect(status().isNoContent());
        api.move("handler", id, "extensions", "{\"hours\":8,\"reason\":\"配件要从厂家订\"}").andExpect(status().isNoContent());
        api.move("handler", id, "extensions", "{\"hours\":4,\"reason\":\"再加一点\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.extensionPending"));
        api.move("handler", id, "extensions", "{\"hours\":0,\"reason\":\"零\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hours"));
        api.view("depthead", id).andExpect(jsonPath("$.pendingExtension.hours").value(8))
                .andExpect(jsonPath("$.actions", hasItem("DECIDE_EXTENSION")));
        api.view("student", id).andExpect(jsonPath("$.pendingExtension").doesNotExist());

        api.move("handler", id, "extensions/decision", "{\"approve\":true}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.notYours"));
        assertThat(api.instant("handler", id, "$.resolveBy")).isEqualTo(at("2026-12-04T10:30"));

        clock.fix(at("2026-12-01T11:00"));
        api.move("depthead", id, "extensions/decision", "{\"approve\":true,\"note\":\"同意\"}").andExpect(status().isNoContent());

        // Friday 10:30 plus 8 working hours: 5 h on Friday, 3 h on Monday.
        assertThat(api.instant("student", id, "$.resolveBy")).isEqualTo(at("2026-12-07T11:00"));
        assertThat(api.history("student", id)).containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "EXTENSION_APPROVED");
        api.move("depthead", id, "extensions/decision", "{\"approve\":true}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.noPendingExtension"));
    }

    @Test
    void aDuplicateMergedIntoAnotherLetsBothRequestersFollowItAndALinkShowsOnBoth() throws Exception {
        String other = api.otherStudent();
        long first = api.submit("student", RequestsApiDriver.WATER_LEAK);
        long duplicate = api.submit(other, RequestsApiDriver.WATER_LEAK);
        long related = api.submit("student", RequestsApiDriver.ACADEMICS);
        api.view(other, first).andExpect(status().isNotFound());

        api.move("dispatch", duplicate, "merge", "{\"number\":\"" + api.read("dispatch", first, "$.number") + "\"}")
                .andExpect(status().isNoContent());
        api.view(other, duplicate).andExpect(jsonPath("$.state").value("MERGED"))
                .andExpect(jsonPath("$.mergedIntoId").value(first));
        api.view(other, first).andExpect(status().isOk())
                .andExpect(jsonPath("$.merged[*].id", hasItem((int) duplicate)));
        api.view("student", first).andExpect(status().isOk());
        api.get(other, "/api/v1/requests?queue=MINE&size=200").andExpect(jsonPath("$.items[*].id", hasItem((int) first)));
        api.move("dispatch", duplicate, "merge", "{\"id\":" + first + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.illegalMove"));

        api.move("dispatch", first, "links", "{\"id\":" + related + "}").andExpect(status().isNoContent());
        api.view("dispatch", first).andExpect(jsonPath("$.linked[*].id", hasItem((int) related)));
        api.view("dispatch", related).andExpect(jsonPath("$.linked[*].id", hasItem((int) first)));
        api.move("dispatch", related, "links", "{\"id\":" + first + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.alreadyLinked"));
    }

    @Test
    void aFollowUpNotSatisfiedReopensItUnderSupervision() throws Exception {
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        api.move("handler", id, "accept", "{}").andExpect(status().isNoContent());
        api.move("handler", id, "resolve", "{\"text\":\"已更换水管接头\"}").andExpect(status().isNoContent());
        api.view("student", id).andExpect(jsonPath("$.actions", hasItem("FOLLOW_UP")));
        api.move("student", id, "follow-up", "{\"contacted\":true,\"solved\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        api.move("student", id, "follow-up", "{\"contacted\":true,\"solved\":true,\"satisfaction\":\"MEH\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("satisfaction"));

        api.move("student", id, "follow-up", "{\"contacted\":true,\"solved\":true,\"satisfaction\":\"NOT\"}")
                .andExpect(status().isNoContent());

        api.view("handler", id).andExpect(jsonPath("$.state").value("REOPENED"))
                .andExpect(jsonPath("$.supervisionLevel").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.reopens").value(1))
                .andExpect(jsonPath("$.department").value("后勤保障处"))
                .andExpect(jsonPath("$.actions", hasItem("ACCEPT")));
        api.get("handler", "/api/v1/requests?queue=DEPARTMENT&supervised=true&size=200")
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        assertThat(api.history("student", id)).endsWith("RESOLVED", "REOPENED");
    }

    @Test
    void aWithdrawnRequestTakesNoMoreMoves() throws Exception {
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        api.move("student", id, "withdraw", "{\"reason\":\"自己修好了\"}").andExpect(status().isNoContent());
        api.view("student", id).andExpect(jsonPath("$.state").value("WITHDRAWN"))
                .andExpect(jsonPath("$.actions").isEmpty());
        api.move("handler", id, "accept", "{}").andExpect(status().isConflict());
        api.move("student", id, "withdraw", "{}").andExpect(status().isConflict());
    }

    static Instant at(String shanghaiLocal) {
        return OffsetDateTime.parse(shanghaiLocal + "+08:00").toInstant();
    }
}
