package org.shouwang.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.tickets.web.RequestsApiDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who sees which request through the API (DESIGN §6): anyone who may not see a request gets 404
 * on every path, as if it did not exist. In the tickets package to raise supervision the way the
 * scan does.
 */
@IntegrationTest
class RequestsApiScopeTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired Tickets tickets;
    @Autowired TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    RequestsApiDriver api;

    @BeforeEach
    void driver() {
        api = new RequestsApiDriver(mvc, users, jdbc);
    }

    @Test
    void aStudentNeverSeesAnothersRequestNorMakesAnyMoveOnIt() throws Exception {
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        String other = api.otherStudent();
        long theirs = api.submit(other, RequestsApiDriver.ACADEMICS);
        int version = api.version("student", id);
        long hq = api.department("HQ");

        api.view(other, id).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
        api.get(other, "/api/v1/requests/" + id + "/photos/1").andExpect(status().isNotFound());
        api.get(other, "/api/v1/requests?size=200").andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        api.get(other, "/api/v1/requests?q=" + id).andExpect(jsonPath("$.total").value(0));
        Map<String, String> moves = Map.ofEntries(
                Map.entry("accept", "{}"),
                Map.entry("reply", "{\"text\":\"我也遇到了\"}"),
                Map.entry("notes", "{\"text\":\"备注\"}"),
                Map.entry("ask", "{\"text\":\"哪个房间？\"}"),
                Map.entry("extensions", "{\"hours\":8,\"reason\":\"等配件\"}"),
                Map.entry("extensions/decision", "{\"approve\":true}"),
                Map.entry("resolve", "{\"text\":\"修好了\"}"),
                Map.entry("return", "{\"clause\":\"5.1\",\"reason\":\"不归我们管\"}"),
                Map.entry("dispatch", "{\"departmentId\":" + hq + "}"),
                Map.entry("transfer", "{\"departmentId\":" + hq + "}"),
                Map.entry("decision", "{\"departmentId\":" + hq + ",\"reason\":\"审定\"}"),
                Map.entry("follow-up", "{\"contacted\":true,\"solved\":true,\"satisfaction\":\"SATISFIED\"}"),
                Map.entry("withdraw", "{\"reason\":\"不需要了\"}"),
                Map.entry("merge", "{\"id\":" + theirs + "}"),
                Map.entry("links", "{\"id\":" + theirs + "}"));
        for (Map.Entry<String, String> move : moves.entrySet()) {
            api.move(other, id, move.getKey(), move.getValue()).andExpect(status().isNotFound());
        }
        assertThat(api.version("student", id)).isEqualTo(version);
        assertThat(api.history("student", id)).containsExactly("SUBMITTED", "DISPATCHED");
    }

    @Test
    void aHandlerSeesOnlyWhatWasDispatchedToTheirDepartment() throws Exception {
        long academics = api.submit("student", RequestsApiDriver.ACADEMICS);
        long repair = api.submit("student", RequestsApiDriver.WATER_LEAK);

        api.view("handler", academics).andExpect(status().isNotFound());
        api.move("handler", academics, "accept", "{}").andExpect(status().isNotFound());
        api.get("handler", "/api/v1/requests?size=200")
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) academics))))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) repair)));
    }

    @Test
    void theCounsellorSeesTheirStudentsRepairButNotTheirPsychologyRequestWhichThePsychologyCentreSeesAndEveryViewIsAudited()
            throws Exception {
        long repair = api.submit("student", RequestsApiDriver.WATER_LEAK);
        long psychology = api.submit("student", RequestsApiDriver.PSYCHOLOGY);

        api.view("counsellor", repair).andExpect(status().isOk());
        api.view("counsellor", psychology).andExpect(status().isNotFound());
        api.move("counsellor", psychology, "notes", "{\"text\":\"关注一下\"}").andExpect(status().isNotFound());
        api.view("handler", psychology).andExpect(status().isNotFound());
        api.view("dispatch", psychology).andExpect(status().isNotFound());
        api.get("counsellor", "/api/v1/requests?size=200")
                .andExpect(jsonPath("$.items[*].id", hasItem((int) repair)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) psychology))));
        assertThat(views(psychology)).isEmpty();

        api.view("psych", psychology).andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value(org.hamcrest.Matchers.containsString("心理")))
                .andExpect(jsonPath("$.confidential").value(true))
                .andExpect(jsonPath("$.actions", hasItem("ACCEPT")));
        api.move("psych", psychology, "accept", "{}").andExpect(status().isNoContent());
        api.view("psych", psychology).andExpect(status().isOk());
        api.view("student", psychology).andExpect(status().isOk());
        api.view("student", repair).andExpect(status().isOk());

        assertThat(views(psychology)).containsExactly("psych", "psych", "student");
        assertThat(views(repair)).isEmpty();
    }

    @Test
    void aLeaderSeesNothingUntilSupervisionReachesTheirLevel() throws Exception {
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        api.view("leader", id).andExpect(status().isNotFound());
        // Supervision rises only on an overdue request: a month later it is.
        clock.fix(Instant.now().plus(Duration.ofDays(30)));
        for (int level = 1; level < 3; level++) {
            tickets.supervise(id, level);
            api.view("leader", id).andExpect(status().isNotFound());
        }
        api.get("leader", "/api/v1/requests?supervised=true&size=200")
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));

        tickets.supervise(id, 3);

        api.view("leader", id).andExpect(status().isOk()).andExpect(jsonPath("$.supervisionLevel").value(3));
        api.get("leader", "/api/v1/requests?supervised=true&size=200")
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        assertThat(api.history("depthead", id)).containsSubsequence("SUPERVISED", "SUPERVISED", "SUPERVISED");
    }

    /** Who viewed the request, oldest first, as the audit log has it. */
    private List<String> views(long id) {
        return jdbc.sql("""
                        SELECT actor FROM audit_event WHERE action = 'ticket.view' AND target_type = 'ticket' AND target_id = ?
                        ORDER BY id""")
                .param(String.valueOf(id)).query(String.class).list();
    }
}
