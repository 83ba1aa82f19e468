package org.shouwang.activities.checkin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityFixtures;
import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.activities.Attendances;
import org.shouwang.activities.CheckIns;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may use the organiser's pages and API: the organisers (and student affairs); everyone else finds nothing there. */
@IntegrationTest
class CheckInAccessTests {

    @Autowired CheckIns checkIns;
    @Autowired Attendances attendances;
    @Autowired CheckInScenes scenes;
    @Autowired ActivityFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Activities activities;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void forbiddenUsersGet404OnEveryOrganiserPageAndPath() throws Exception {
        long id = scenes.startingSoon("只有组织者能看");
        Viewer student = scenes.registered(id, 1).get(0);
        String code = checkIns.code(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_IN).token();
        String json = MediaType.APPLICATION_JSON_VALUE;
        String a = "/activities/" + id;
        String api = "/api/v1/activities/" + id;
        MockHttpServletRequestBuilder[] organisersOnly = {
                get(a + "/check-in/display"), get(a + "/check-in/display/live"), get(a + "/check-in/scan"),
                post(a + "/check-in/scan").param("code", scenes.number(student)), get(a + "/attendance"),
                post(a + "/attendance/late-entries").param("studentNumbers", scenes.number(student)).param("note", "x"),
                post(a + "/attendance/summary").param("summary", "x"),
                get(api + "/check-in-token"), get(api + "/check-ins/counts"), get(api + "/attendance"), get(api + "/ratings"),
                post(api + "/check-ins/scan").contentType(json).content("{\"code\":\"" + scenes.number(student) + "\"}"),
                post(api + "/late-entries").contentType(json).content("{\"studentNumbers\":[\"1\"],\"note\":\"x\"}"),
                put(api + "/summary").contentType(json).content("{\"summary\":\"x\"}"),
                delete(api + "/photos/1"),
        };
        for (String who : new String[]{student.username(), "handler", "headteacher"}) {
            for (MockHttpServletRequestBuilder request : organisersOnly) {
                mvc.perform(request.with(users.as(who)).with(csrf()))
                        .andExpect(result -> assertThat(result.getResponse().getStatus())
                                .as(who + " " + result.getRequest().getMethod() + " " + result.getRequest().getRequestURI())
                                .isIn(404));
            }
        }
        // Student affairs and the organiser may.
        for (String who : new String[]{CheckInScenes.ORGANISER, "affairs"}) {
            mvc.perform(get(a + "/check-in/display").with(users.as(who))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-check-in-url=\"http://localhost/activities/" + id + "/check-in?t=i" + id + ".")));
        }
        // The approvers' queue is theirs alone.
        mvc.perform(get("/activities/late-entries").with(users.as(CheckInScenes.ORGANISER))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/late-entries").with(users.as(student.username()))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(code).isNotBlank();
    }

    @Test
    void anActivityNotYetPublishedIsNotThereForStudentsToCheckInTo() throws Exception {
        long published = fixtures.published(fixtures.lecture("已发布的讲座", 10, 0));
        long draft = activities.create(users.viewer(CheckInScenes.ORGANISER), fixtures.lecture("草稿讲座", 10, 0));
        Viewer student = scenes.student(2);

        mvc.perform(get("/activities/" + draft + "/check-in?t=x").with(users.as(student.username()))).andExpect(status().isNotFound());
        mvc.perform(get("/activities/" + draft + "/recap").with(users.as(student.username()))).andExpect(status().isNotFound());
        mvc.perform(get("/activities/" + published + "/recap").with(users.as(student.username()))).andExpect(status().isOk());
    }
}
