package org.shouwang.activities.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.shouwang.DemoUsers;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Drives activities through the REST API as the demo users, the way a mobile client or portal would. */
final class ActivitiesApiDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;
    private final DemoUsers users;
    private final JdbcClient jdbc;
    private final Clock clock;

    ActivitiesApiDriver(MockMvc mvc, DemoUsers users, JdbcClient jdbc, Clock clock) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A lecture for everyone a week from now, 2 hours long; registration open since an hour ago until
     * an hour before the start. Change any field with {@code put} before sending it.
     */
    Map<String, Object> lecture(String title, int capacity, Integer waitlist) {
        Instant starts = clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", title);
        plan.put("description", "讲座介绍：" + title);
        plan.put("type", "LECTURE");
        plan.put("series", "求是讲堂");
        plan.put("brand", "守望");
        plan.put("educations", List.of("INTELLECTUAL", "MORAL"));
        plan.put("organiserKind", "DEPARTMENT");
        plan.put("organiser", "学生工作部");
        plan.put("venue", "学生社区报告厅");
        plan.put("startsAt", starts.toString());
        plan.put("endsAt", starts.plus(Duration.ofHours(2)).toString());
        plan.put("audience", "EVERYONE");
        plan.put("capacity", capacity);
        plan.put("waitlistLimit", waitlist);
        plan.put("registrationOpensAt", clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString());
        plan.put("registrationClosesAt", starts.minus(Duration.ofHours(1)).toString());
        plan.put("hours", 2.0);
        plan.put("credits", 0.5);
        return plan;
    }

    /** Creates as this staff member and answers the new activity's id. */
    long create(String organiser, Map<String, Object> plan) throws Exception {
        String body = post(organiser, "/api/v1/activities", json(plan)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** Created by the counsellor, submitted, approved by student affairs. */
    long published(Map<String, Object> plan) throws Exception {
        long id = create("counsellor", plan);
        move("counsellor", id, "submit", "{}").andExpect(status().isNoContent());
        move("affairs", id, "approve", "{}").andExpect(status().isNoContent());
        return id;
    }

    ResultActions post(String user, String path, String json) throws Exception {
        return post(user, path, json, "en");
    }

    ResultActions post(String user, String path, String json, String language) throws Exception {
        return perform(MockMvcRequestBuilders.post(path), user, json, language);
    }

    ResultActions put(String user, String path, String json, String ifMatch) throws Exception {
        MockHttpServletRequestBuilder put = MockMvcRequestBuilders.put(path);
        if (ifMatch != null) {
            put.header("If-Match", ifMatch);
        }
        return perform(put, user, json, "en");
    }

    /** A move on an activity: {@code /api/v1/activities/{id}/{move}}. */
    ResultActions move(String user, long id, String move, String json) throws Exception {
        return post(user, "/api/v1/activities/" + id + "/" + move, json);
    }

    ResultActions register(String student, long id) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/activities/" + id + "/registration")
                .with(users.as(student)).with(csrf()).header("Accept-Language", "en"));
    }

    ResultActions cancelRegistration(String student, long id) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.delete("/api/v1/activities/" + id + "/registration")
                .with(users.as(student)).with(csrf()).header("Accept-Language", "en"));
    }

    ResultActions get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(users.as(user)).header("Accept-Language", "en"));
    }

    ResultActions view(String user, long id) throws Exception {
        return get(user, "/api/v1/activities/" + id);
    }

    <T> T read(String user, long id, String path) throws Exception {
        return JsonPath.read(view(user, id).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), path);
    }

    int version(String user, long id) throws Exception {
        return this.<Integer>read(user, id, "$.version");
    }

    long activities() {
        return jdbc.sql("SELECT count(*) FROM activity").query(Long.class).single();
    }

    /** Students with accounts (usernames are their student numbers), the same ones on every call. */
    List<String> students(int count, int skip) {
        return jdbc.sql("""
                        SELECT a.username FROM account a JOIN student s ON s.id = a.student_id
                        WHERE a.username = s.student_number ORDER BY a.id LIMIT ? OFFSET ?""")
                .params(count, skip).query(String.class).list();
    }

    long studentId(String username) {
        return jdbc.sql("SELECT student_id FROM account WHERE username = ?").param(username).query(Long.class).single();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, String user, String json, String language) throws Exception {
        return mvc.perform(request.with(users.as(user)).with(csrf()).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
