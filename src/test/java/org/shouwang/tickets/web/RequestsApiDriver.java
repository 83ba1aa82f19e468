package org.shouwang.tickets.web;

import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.shouwang.DemoUsers;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Drives requests through the REST API as the demo users, the way a mobile client or portal would. */
public final class RequestsApiDriver {

    public static final String WATER_LEAK = """
            {"category":"REPAIRS","subcategory":"WATER","text":"卫生间水管漏水，地上全是水"}""";
    public static final String ACADEMICS = """
            {"category":"ACADEMICS","text":"补考时间和选课冲突，想了解怎么处理"}""";
    public static final String PSYCHOLOGY = """
            {"category":"PSYCHOLOGY","text":"最近压力很大，晚上睡不着，想找老师聊聊"}""";

    private final MockMvc mvc;
    private final DemoUsers users;
    private final JdbcClient jdbc;

    public RequestsApiDriver(MockMvc mvc, DemoUsers users, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** Submits as this student and answers the new request's id. */
    public long submit(String student, String json) throws Exception {
        String body = post(student, "/api/v1/requests", json).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    public ResultActions post(String user, String path, String json) throws Exception {
        return post(user, path, json, "en");
    }

    public ResultActions post(String user, String path, String json, String language) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                .with(users.as(user)).with(csrf()).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A move on a request: {@code /api/v1/requests/{id}/{move}}. */
    public ResultActions move(String user, long id, String move, String json) throws Exception {
        return post(user, "/api/v1/requests/" + id + "/" + move, json);
    }

    public ResultActions get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path)
                .with(users.as(user)).header("Accept-Language", "en"));
    }

    public ResultActions view(String user, long id) throws Exception {
        return get(user, "/api/v1/requests/" + id);
    }

    /** The request as this user reads it (JSON). */
    public String detail(String user, long id) throws Exception {
        return view(user, id).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    public <T> T read(String user, long id, String path) throws Exception {
        return JsonPath.read(detail(user, id), path);
    }

    public int version(String user, long id) throws Exception {
        return this.<Integer>read(user, id, "$.version");
    }

    public Instant instant(String user, long id, String path) throws Exception {
        return Instant.parse(read(user, id, path));
    }

    public List<String> history(String user, long id) throws Exception {
        return read(user, id, "$.history[*].kind");
    }

    public long department(String code) {
        return jdbc.sql("SELECT id FROM department WHERE code = ?").param(code).query(Long.class).single();
    }

    public long tickets() {
        return jdbc.sql("SELECT count(*) FROM ticket").query(Long.class).single();
    }

    /**
     * A student with an account (username = student number) who shares nothing with the demo
     * "student": another class, another building, no leader role.
     */
    public String otherStudent() {
        return jdbc.sql("""
                        SELECT min(a.username) FROM account a JOIN student s ON s.id = a.student_id
                          JOIN bed b ON b.occupant_id = s.id JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                        WHERE a.username NOT IN ('student', 'buildingleader', 'floorleader')
                          AND s.class_id <> (SELECT class_id FROM student WHERE id = (SELECT student_id FROM account WHERE username = 'student'))
                          AND f.building_id NOT IN (SELECT f2.building_id FROM bed b2 JOIN room r2 ON r2.id = b2.room_id
                                JOIN floor f2 ON f2.id = r2.floor_id
                                WHERE b2.occupant_id = (SELECT student_id FROM account WHERE username = 'student'))
                          AND s.id NOT IN (SELECT leader_student_id FROM building WHERE leader_student_id IS NOT NULL)
                          AND s.id NOT IN (SELECT leader_student_id FROM floor WHERE leader_student_id IS NOT NULL)""")
                .query(String.class).single();
    }

    public String studentNumberOf(String username) {
        return jdbc.sql("SELECT s.student_number FROM student s JOIN account a ON a.student_id = s.id WHERE a.username = ?")
                .param(username).query(String.class).single();
    }
}
