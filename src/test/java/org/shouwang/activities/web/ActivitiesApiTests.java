package org.shouwang.activities.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Activities over the REST API: the organiser, the approver and students, each through the same services as the pages. */
@IntegrationTest
class ActivitiesApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    ActivitiesApiDriver api;

    @BeforeEach
    void driver() {
        api = new ActivitiesApiDriver(mvc, users, jdbc, clock);
    }

    @Test
    void anActivityGoesFromTheOrganiserThroughTheApproverToStudentsAndTheWaitlist() throws Exception {
        // The counsellor drafts it: 201, where it is, its version as the ETag; students cannot see a draft.
        String json = ActivitiesApiDriver.json(api.lecture("一个名额的讲座", 1, 1));
        String location = api.post("counsellor", "/api/v1/activities", json)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/activities/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.state").value("DRAFT"))
                .andExpect(jsonPath("$.plan.capacity").value(1))
                .andExpect(jsonPath("$.moves.submit").value(true))
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        List<String> students = api.students(3, 40);
        api.view(students.get(0), id).andExpect(status().isNotFound());
        api.register(students.get(0), id).andExpect(status().isNotFound());

        // Submitted on a stale version: refused; on the version read: student affairs has it to approve.
        api.post("counsellor", "/api/v1/activities/" + id + "/submit", "{\"version\":7}").andExpect(status().isConflict());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/activities/" + id + "/submit")
                        .header("If-Match", "\"0\"").with(users.as("counsellor"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isNoContent());
        api.get("affairs", "/api/v1/activities?scope=PENDING&size=200")
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));
        api.get("counsellor", "/api/v1/activities?scope=PENDING").andExpect(jsonPath("$.total").value(0));
        api.move("counsellor", id, "approve", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Only student affairs may approve activities."));
        api.move("affairs", id, "approve", "{\"version\":1}").andExpect(status().isNoContent());
        api.view(students.get(0), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PUBLISHED"))
                .andExpect(jsonPath("$.moves.register").value(true))
                .andExpect(jsonPath("$.moves.approve").value(false));

        // The first student takes the seat, the second the waitlist, the third finds both full.
        api.register(students.get(0), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REGISTERED"));
        api.register(students.get(0), id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("You are already registered."));
        api.register(students.get(1), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("WAITLISTED"))
                .andExpect(jsonPath("$.waitlistPosition").value(1));
        api.register(students.get(2), id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The activity is full and so is its waitlist."));
        api.get(students.get(1), "/api/v1/activities?scope=REGISTERED&size=200")
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].myRegistration").value(hasItem("WAITLISTED")));
        api.view(students.get(1), id).andExpect(jsonPath("$.mine.state").value("WAITLISTED"))
                .andExpect(jsonPath("$.mine.waitlistPosition").value(1))
                .andExpect(jsonPath("$.taken").value(1)).andExpect(jsonPath("$.waiting").value(1));

        // The organiser sees who registered, in order; nobody else does.
        api.get("counsellor", "/api/v1/activities/" + id + "/registrations")
                .andExpect(jsonPath("$[0].studentNumber").value(students.get(0)))
                .andExpect(jsonPath("$[0].state").value("REGISTERED"))
                .andExpect(jsonPath("$[1].studentNumber").value(students.get(1)))
                .andExpect(jsonPath("$[1].state").value("WAITLISTED"));

        // The first asks for leave, the organiser grants it: the seat goes to the waitlist.
        api.move(students.get(0), id, "leave", "{\"reason\":\"当天有考试\"}").andExpect(status().isNoContent());
        api.get("counsellor", "/api/v1/activities/" + id + "/registrations")
                .andExpect(jsonPath("$[0].leaveState").value("REQUESTED"))
                .andExpect(jsonPath("$[0].leaveReason").value("当天有考试"));
        api.post("counsellor", "/api/v1/activities/" + id + "/registrations/" + api.studentId(students.get(0)) + "/leave",
                "{\"grant\":true}").andExpect(status().isNoContent());
        api.view(students.get(0), id).andExpect(jsonPath("$.mine.state").value("ON_LEAVE"));
        api.view(students.get(1), id).andExpect(jsonPath("$.mine.state").value("REGISTERED"))
                .andExpect(jsonPath("$.moves.cancelRegistration").value(true));

        // The second gives the seat up again: nobody waits, the seat is free.
        api.cancelRegistration(students.get(1), id).andExpect(status().isNoContent());
        api.view("counsellor", id).andExpect(jsonPath("$.taken").value(0)).andExpect(jsonPath("$.waiting").value(0));
        api.register(students.get(2), id).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REGISTERED"));
    }

    @Test
    void aCancellationPromotesTheFirstOnTheWaitlist() throws Exception {
        long id = api.published(api.lecture("递补", 1, 2));
        List<String> students = api.students(3, 50);
        for (String s : students) {
            api.register(s, id).andExpect(status().isOk());
        }
        api.view(students.get(2), id).andExpect(jsonPath("$.mine.waitlistPosition").value(2));
        api.cancelRegistration(students.get(0), id).andExpect(status().isNoContent());
        api.view(students.get(1), id).andExpect(jsonPath("$.mine.state").value("REGISTERED"));
        api.view(students.get(2), id).andExpect(jsonPath("$.mine.state").value("WAITLISTED"))
                .andExpect(jsonPath("$.mine.waitlistPosition").value(1));
        noticesArrive("activity.notice.promoted", id, 1);
    }

    @Test
    void theOrganiserRevisesARejectedActivityOnTheVersionReadAndSubmitsItAgain() throws Exception {
        long id = api.create("counsellor", api.lecture("初稿", 20, null));
        api.move("counsellor", id, "submit", "{}").andExpect(status().isNoContent());
        api.move("affairs", id, "reject", "{\"reason\":\"请写明主讲人\"}").andExpect(status().isNoContent());
        api.view("counsellor", id).andExpect(jsonPath("$.state").value("REJECTED"))
                .andExpect(jsonPath("$.rejectionReason").value("请写明主讲人"))
                .andExpect(jsonPath("$.moves.edit").value(true));
        int version = api.version("counsellor", id);

        Map<String, Object> plan = api.lecture("二稿：张教授谈人工智能", 20, null);
        api.put("counsellor", "/api/v1/activities/" + id, ActivitiesApiDriver.json(plan), "\"" + (version - 1) + "\"")
                .andExpect(status().isConflict());
        api.put("counsellor", "/api/v1/activities/" + id, ActivitiesApiDriver.json(plan), "\"" + version + "\"")
                .andExpect(status().isNoContent());
        api.view("counsellor", id).andExpect(jsonPath("$.plan.title").value("二稿：张教授谈人工智能"))
                .andExpect(jsonPath("$.plan.waitlistLimit").value(20));
        api.put("affairs", "/api/v1/activities/" + id, ActivitiesApiDriver.json(plan), null).andExpect(status().isNoContent());
        api.move("counsellor", id, "submit", "{}").andExpect(status().isNoContent());
        api.put("counsellor", "/api/v1/activities/" + id, ActivitiesApiDriver.json(plan), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("SUBMITTED")));
    }

    @Test
    void theOrganiserCallsItOffAndEveryoneRegisteredIsTold() throws Exception {
        long id = api.published(api.lecture("取消的讲座", 5, 5));
        List<String> students = api.students(2, 60);
        students.forEach(s -> {
            try {
                api.register(s, id).andExpect(status().isOk());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        api.move("counsellor", id, "cancel", "{\"reason\":\"主讲人临时出差\"}").andExpect(status().isNoContent());
        api.view(students.get(0), id).andExpect(jsonPath("$.state").value("CANCELLED"))
                .andExpect(jsonPath("$.cancellationReason").value("主讲人临时出差"))
                .andExpect(jsonPath("$.moves.cancelRegistration").value(true));
        api.register(api.students(1, 62).get(0), id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The activity is not open."));
        noticesArrive("activity.notice.cancelled", id, 2);
    }

    @Test
    void theOrganiserEntersAttendanceByHandAndLearnsWhichNumbersCounted() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> plan = api.lecture("正在进行的讲座", 50, null);
        plan.put("startsAt", now.plus(Duration.ofMinutes(10)).toString());
        plan.put("endsAt", now.plus(Duration.ofHours(2)).toString());
        plan.put("registrationOpensAt", now.minus(Duration.ofDays(1)).toString());
        plan.put("registrationClosesAt", now.plus(Duration.ofMinutes(5)).toString());
        long id = api.published(plan);
        List<String> students = api.students(2, 70);

        api.post("counsellor", "/api/v1/activities/" + id + "/attendance/manual",
                        "{\"studentNumbers\":\"" + students.get(0) + "\\n" + students.get(1) + ", 00000000000\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(org.hamcrest.Matchers.contains(students.get(0), students.get(1))))
                .andExpect(jsonPath("$.unknown").value(org.hamcrest.Matchers.contains("00000000000")));
        api.post("counsellor", "/api/v1/activities/" + id + "/attendance/manual", "{\"studentNumbers\":\"" + students.get(0) + "\"}")
                .andExpect(jsonPath("$.recorded").isEmpty())
                .andExpect(jsonPath("$.already").value(org.hamcrest.Matchers.contains(students.get(0))));
        api.post("counsellor", "/api/v1/activities/" + id + "/attendance/manual", "{\"studentNumbers\":\"  \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("studentNumbers"));
        api.post(students.get(0), "/api/v1/activities/" + id + "/attendance/manual", "{\"studentNumbers\":\"" + students.get(1) + "\"}")
                .andExpect(status().isConflict());
        api.view(students.get(0), id).andExpect(jsonPath("$.mine.attended").value(true));
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ?").param(id).query(Long.class).single()).isEqualTo(2);

        // A week ahead, the check-in is not open yet.
        long later = api.published(api.lecture("下周的讲座", 50, null));
        api.post("counsellor", "/api/v1/activities/" + later + "/attendance/manual", "{\"studentNumbers\":\"" + students.get(0) + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Check-in is open from shortly before the start until the end."));
    }

    @Test
    void listsFilterByFiveEducationsTypeSeriesDateAndWords() throws Exception {
        Map<String, Object> plan = api.lecture("劳动教育：校园花圃共建", 30, null);
        plan.put("type", "VOLUNTEER_SERVICE");
        plan.put("educations", List.of("LABOUR"));
        plan.put("series", "花圃计划");
        plan.put("brand", "永助");
        long id = api.published(plan);
        // Dates in the campus zone, whatever the server's.
        String starts = Instant.parse((String) plan.get("startsAt")).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();

        api.get("student", "/api/v1/activities?education=LABOUR&type=VOLUNTEER_SERVICE&series=花圃计划&size=200")
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].educations[0]").value(hasItem("LABOUR")));
        api.get("student", "/api/v1/activities?education=PHYSICAL&series=花圃计划")
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) id))));
        api.get("student", "/api/v1/activities?q=花圃共建&from=" + starts + "&to=" + starts)
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));
        api.get("student", "/api/v1/activities?q=花圃共建&to=" + java.time.LocalDate.parse(starts).minusDays(3))
                .andExpect(jsonPath("$.total").value(0));
        api.get("student", "/api/v1/activities/series").andExpect(jsonPath("$").value(hasItem("花圃计划")));
        api.get("student", "/api/v1/activities/brands").andExpect(jsonPath("$").value(hasItem("永助")));
        api.get("student", "/api/v1/activities?size=1&page=0").andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.size").value(1));
        api.get("student", "/api/v1/activities?size=500").andExpect(status().isBadRequest());
    }

    @Test
    void theOpenApiDocumentDescribesEveryActivityEndpoint() throws Exception {
        String docs = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, Object> paths = com.jayway.jsonpath.JsonPath.read(docs, "$.paths");
        assertThat(paths).containsKeys("/api/v1/activities", "/api/v1/activities/{id}", "/api/v1/activities/series",
                "/api/v1/activities/brands", "/api/v1/activities/{id}/registrations", "/api/v1/activities/{id}/submit",
                "/api/v1/activities/{id}/approve", "/api/v1/activities/{id}/reject", "/api/v1/activities/{id}/cancel",
                "/api/v1/activities/{id}/registration", "/api/v1/activities/{id}/leave",
                "/api/v1/activities/{id}/registrations/{studentId}/leave", "/api/v1/activities/{id}/attendance/manual");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(docs, "$.paths['/api/v1/activities/{id}/registration'].post.summary"))
                .contains("waitlist");
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(docs, "$.components.schemas.ActivityBody.properties.type.enum"))
                .contains("LECTURE", "AFTERNOON_TEA");
    }

    /** Notices are delivered after the commit, asynchronously. */
    private void noticesArrive(String code, long id, long count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                jdbc.sql("SELECT count(*) FROM notification WHERE message_code = ? AND link = ?")
                        .params(code, "/activities/" + id).query(Long.class).single() == count);
    }
}
