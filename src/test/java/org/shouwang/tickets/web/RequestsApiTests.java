package org.shouwang.tickets.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The request loop over the REST API: submitting, reading, the state machine's refusals and lost updates. */
@IntegrationTest
class RequestsApiTests {

    /** The smallest PNG: a 1×1 transparent pixel. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    RequestsApiDriver api;

    @BeforeEach
    void driver() {
        api = new RequestsApiDriver(mvc, users, jdbc);
    }

    @Test
    void aStudentSubmitsAndGetsANumberTheDepartmentAndItsQueue() throws Exception {
        String body = api.post("student", "/api/v1/requests", RequestsApiDriver.WATER_LEAK)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/requests/")))
                .andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.matchesPattern("\\d{8}-\\d{6}")))
                .andExpect(jsonPath("$.state").value("DISPATCHED"))
                .andExpect(jsonPath("$.department").value("后勤保障处"))
                .andExpect(jsonPath("$.crisis").value(false))
                .andExpect(jsonPath("$.hotline").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        api.get("student", "/api/v1/requests?queue=MINE&size=200")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(200));
        api.get("handler", "/api/v1/requests?queue=DEPARTMENT&category=REPAIRS&size=200")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        api.get("handler", "/api/v1/requests?q=" + JsonPath.read(body, "$.number"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        api.view("handler", id)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + api.version("handler", id) + "\""))
                .andExpect(jsonPath("$.actions", hasItem("ACCEPT")))
                .andExpect(jsonPath("$.history[0].kind").value("SUBMITTED"));
        api.view("student", id)
                .andExpect(jsonPath("$.actions", hasItem("WITHDRAW")))
                .andExpect(jsonPath("$.actions", not(hasItem("ACCEPT"))));
        api.get("student", "/api/v1/requests?queue=NOPE")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("queue"));
    }

    @Test
    void crisisWordsAnswerWithTheHotlineAndRouteToThePsychologyCentre() throws Exception {
        api.post("student", "/api/v1/requests", """
                        {"category":"OTHER","text":"我真的不想活了"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.crisis").value(true))
                .andExpect(jsonPath("$.hotline").value(org.hamcrest.Matchers.containsString("400-161-9995")))
                .andExpect(jsonPath("$.department").value(org.hamcrest.Matchers.containsString("心理")));
    }

    @Test
    void theStateMachineRefusesIllegalMovesWithATranslatedConflict() throws Exception {
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        String number = api.read("student", id, "$.number");

        api.move("handler", id, "resolve", "{\"text\":\"修好了\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.illegalMove"))
                .andExpect(jsonPath("$.title").value("Not allowed"))
                .andExpect(jsonPath("$.detail").value("Request " + number + " cannot do that while it is \"Dispatched\"."));
        api.post("handler", "/api/v1/requests/" + id + "/resolve", "{\"text\":\"修好了\"}", "zh-CN")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("操作不被允许"))
                .andExpect(jsonPath("$.detail").value("诉求 " + number + " 当前为“已转办”，不能进行此操作。"));
        api.move("student", id, "follow-up", """
                        {"contacted":true,"solved":true,"satisfaction":"SATISFIED"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.illegalMove"));

        api.move("handler", id, "accept", "{}").andExpect(status().isNoContent());
        api.move("handler", id, "accept", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Request " + number + " cannot do that while it is \"Accepted\"."));
        assertThat(api.history("handler", id)).containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED");
    }

    @Test
    void twoHandlersAcceptingAtTheSameMomentOneWinsTheOtherGetsAConflict() throws Exception {
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        int read = api.version("handler", id);
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String handler : List.of("handler", "depthead")) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return mvc.perform(post("/api/v1/requests/" + id + "/accept").with(users.as(handler)).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + read + "}"))
                            .andReturn().getResponse().getStatus();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            Collections.sort(statuses);
            assertThat(statuses).containsExactly(204, 409);
        } finally {
            pool.shutdownNow();
        }
        List<String> history = api.history("handler", id);
        assertThat(history.stream().filter("ACCEPTED"::equals)).hasSize(1);
        assertThat(api.<String>read("handler", id, "$.state")).isEqualTo("ACCEPTED");
    }

    @Test
    void twoHandlersRacingWithoutAVersionStillLoseNoUpdate() throws Exception {
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String handler : List.of("handler", "depthead")) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return mvc.perform(post("/api/v1/requests/" + id + "/accept").with(users.as(handler)).with(csrf()))
                            .andReturn().getResponse().getStatus();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            Collections.sort(statuses);
            assertThat(statuses).containsExactly(204, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.history("handler", id).stream().filter("ACCEPTED"::equals)).hasSize(1);
    }

    @Test
    void aMoveOnAStaleVersionIsAConflict() throws Exception {
        long id = api.submit("student", RequestsApiDriver.WATER_LEAK);
        int read = api.version("handler", id);
        mvc.perform(post("/api/v1/requests/" + id + "/accept").with(users.as("handler")).with(csrf())
                        .header("If-Match", "\"" + read + "\""))
                .andExpect(status().isNoContent());

        api.move("depthead", id, "reply", "{\"text\":\"师傅马上到\",\"version\":" + read + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:ticket.conflict"));
        mvc.perform(post("/api/v1/requests/" + id + "/notes").with(users.as("depthead")).with(csrf())
                        .header("If-Match", "W/\"" + read + "\"").header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"内部备注\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("changed by someone else")));
        api.move("handler", id, "reply", "{\"text\":\"师傅马上到\",\"version\":" + (read + 1) + "}")
                .andExpect(status().isNoContent());
        assertThat(api.history("handler", id)).containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "REPLIED");
    }

    @Test
    void photosTravelAsMultipartAndAreServedWithTheirTypeToWhoeverMaySeeTheRequest() throws Exception {
        String body = mvc.perform(multipart("/api/v1/requests").file(new MockMultipartFile("photos", "leak.png", "image/png", PNG))
                        .param("category", "REPAIRS").param("subcategory", "WATER").param("urgent", "true")
                        .param("text", "洗手池下水管断了").with(users.as("student")).with(csrf()))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        List<Integer> photos = api.read("student", id, "$.history[0].photoIds");
        assertThat(photos).hasSize(1);
        assertThat(api.<Boolean>read("student", id, "$.urgent")).isTrue();

        byte[] served = mvc.perform(get("/api/v1/requests/" + id + "/photos/" + photos.get(0)).with(users.as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(PNG);
        mvc.perform(get("/api/v1/requests/" + id + "/photos/" + photos.get(0)).with(users.as(api.otherStudent())))
                .andExpect(status().isNotFound());

        api.move("handler", id, "accept", "{}").andExpect(status().isNoContent());
        mvc.perform(multipart("/api/v1/requests/" + id + "/resolve").file(new MockMultipartFile("photos", "fixed.png", "image/png", PNG))
                        .param("text", "已更换下水管").with(users.as("handler")).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(api.<List<Integer>>read("student", id, "$.history[?(@.kind == 'RESOLVED')].photoIds[0]")).hasSize(1);
    }

    @Test
    void staffRegisterARequestAndOwnIt() throws Exception {
        String number = api.studentNumberOf("student");
        String body = api.post("counsellor", "/api/v1/requests/register", """
                        {"studentNumber":"%s","channel":"IN_PERSON","category":"FINANCIAL_AID","text":"学生当面反映助学金还没到账"}"""
                        .formatted(number))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("DISPATCHED"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.get("counsellor", "/api/v1/requests?queue=OWNED&size=200").andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        api.view("counsellor", id).andExpect(jsonPath("$.history[0].kind").value("REGISTERED"))
                .andExpect(jsonPath("$.channel").value("IN_PERSON"));

        api.post("counsellor", "/api/v1/requests/register", """
                        {"studentNumber":"%s","channel":"ONLINE","category":"OTHER","text":"x"}""".formatted(number))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        api.post("student", "/api/v1/requests/register", """
                        {"studentNumber":"%s","channel":"PHONE","category":"OTHER","text":"x"}""".formatted(number))
                .andExpect(status().isNotFound());
    }

    @Test
    void categoriesAreLabelledInTheCallersLanguage() throws Exception {
        api.get("student", "/api/v1/requests/categories")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.value == 'REPAIRS')].label").value("Repairs"))
                .andExpect(jsonPath("$[?(@.value == 'REPAIRS')].urgencyAllowed").value(true))
                .andExpect(jsonPath("$[?(@.value == 'REPAIRS')].subcategories[*].value", hasItem("WATER")))
                .andExpect(jsonPath("$[?(@.value == 'ACADEMICS')].urgencyAllowed").value(false))
                .andExpect(jsonPath("$[?(@.value == 'PSYCHOLOGY')].confidential").value(true));
        mvc.perform(get("/api/v1/requests/categories").with(users.as("student")).header("Accept-Language", "zh-CN"))
                .andExpect(jsonPath("$[?(@.value == 'REPAIRS')].label").value("报修"))
                .andExpect(jsonPath("$[?(@.value == 'REPAIRS')].subcategories[?(@.value == 'WATER')].label").value("水"));
    }

    @Test
    void thePublishedResponsibilityListIsReadableByEveryoneSignedIn() throws Exception {
        api.get("student", "/api/v1/responsibilities")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").isNumber())
                .andExpect(jsonPath("$.clauses[?(@.clause == '5.1')].department").value("后勤保障处"))
                .andExpect(jsonPath("$.clauses[?(@.clause == '5.1')].subcategory").value("WATER"))
                .andExpect(jsonPath("$.clauses[?(@.clause == '1.1')].categoryLabel").value("Academics"))
                .andExpect(jsonPath("$.clauses[?(@.clause == '5.1')].normal.resolveHours").value(24));
        // The API's security chain lets no one in unauthenticated (identity's SecurityConfiguration).
        mvc.perform(get("/api/v1/responsibilities")).andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDocumentListsTheRequestEndpoints() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.Map<String, Object> paths = JsonPath.read(docs, "$.paths");
        assertThat(paths).containsKeys("/api/v1/requests", "/api/v1/requests/register", "/api/v1/requests/categories",
                "/api/v1/requests/{id}", "/api/v1/requests/{id}/photos/{photoId}", "/api/v1/requests/{id}/accept",
                "/api/v1/requests/{id}/reply", "/api/v1/requests/{id}/notes", "/api/v1/requests/{id}/ask",
                "/api/v1/requests/{id}/extensions", "/api/v1/requests/{id}/extensions/decision",
                "/api/v1/requests/{id}/resolve", "/api/v1/requests/{id}/return", "/api/v1/requests/{id}/dispatch",
                "/api/v1/requests/{id}/transfer", "/api/v1/requests/{id}/decision", "/api/v1/requests/{id}/follow-up",
                "/api/v1/requests/{id}/withdraw", "/api/v1/requests/{id}/merge", "/api/v1/requests/{id}/links",
                "/api/v1/responsibilities");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(docs, "$.paths['/api/v1/requests'].post.requestBody.content"))
                .containsKeys("application/json", "multipart/form-data");
    }
}
