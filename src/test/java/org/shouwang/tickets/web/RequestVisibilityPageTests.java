package org.shouwang.tickets.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.tickets.Category;
import org.shouwang.shared.Photo;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each user's lists hold what they may see, and a request they may not see answers 404, photos included. */
@IntegrationTest
class RequestVisibilityPageTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired JdbcClient jdbc;

    @Test
    void aStudentCannotOpenAnotherStudentsRequestNorItsPhotos() throws Exception {
        TicketViews.Submitted mine = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.REPAIRS,
                Category.Subcategory.DOOR_LOCK, false, "宿舍门锁打不开", null, null),
                List.of(Photo.of(RequestSubmitPageTests.photo().getBytes())));
        long photo = queries.detail(users.viewer("student"), mine.id()).history().get(0).photoIds().get(0);
        String other = jdbc.sql("""
                        SELECT min(a.username) FROM account a WHERE a.student_id IS NOT NULL AND a.student_id <> ?
                          AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role <> 'STUDENT')""")
                .param(users.viewer("student").studentId()).query(String.class).single();

        mvc.perform(get("/requests/" + mine.id()).with(users.as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/requests/" + mine.id() + "/photos/" + photo).with(users.as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/requests").with(users.as(other)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-number=\"" + mine.number() + "\""))));
        mvc.perform(get("/requests").with(users.as("student")))
                .andExpect(content().string(containsString("data-number=\"" + mine.number() + "\"")))
                .andExpect(content().string(containsString("id=\"submit-request\"")))
                .andExpect(content().string(not(containsString("id=\"request-queues\""))));
        mvc.perform(get("/requests/" + mine.id() + "/photos/" + photo).with(users.as("handler"))).andExpect(status().isOk());
        mvc.perform(get("/requests/" + mine.id() + "/photos/999999").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void aCounsellorSeesTheirStudentsRepairButNotTheirPsychologyRequest() throws Exception {
        TicketViews.Submitted repair = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.REPAIRS,
                Category.Subcategory.ELECTRICITY, false, "台灯插座没电", null, null), List.of());
        TicketViews.Submitted psychology = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.PSYCHOLOGY,
                null, false, "最近总是失眠，想和心理老师聊聊", null, null), List.of());

        mvc.perform(get("/requests/" + repair.id()).with(users.as("counsellor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("台灯插座没电")));
        mvc.perform(get("/requests/" + psychology.id()).with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/requests").param("queue", "VISIBLE").with(users.as("counsellor")))
                .andExpect(content().string(containsString("data-number=\"" + repair.number() + "\"")))
                .andExpect(content().string(not(containsString("data-number=\"" + psychology.number() + "\""))));

        mvc.perform(get("/requests/" + psychology.id()).with(users.as("psych")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"accept-form\"")));
        mvc.perform(get("/requests/" + psychology.id()).with(users.as("handler"))).andExpect(status().isNotFound());
        mvc.perform(get("/requests/" + psychology.id()).with(users.as("dispatch"))).andExpect(status().isNotFound());
    }

    @Test
    void staffListsHaveTabsFiltersAndPages() throws Exception {
        TicketViews.Submitted leak = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.REPAIRS,
                Category.Subcategory.WATER, true, "阳台地漏堵了，水漫进宿舍", null, null), List.of());

        mvc.perform(get("/requests").with(users.as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-queue=\"DEPARTMENT\"")))
                .andExpect(content().string(containsString("data-queue=\"OWNED\"")))
                .andExpect(content().string(containsString("data-queue=\"VISIBLE\"")))
                .andExpect(content().string(containsString("data-number=\"" + leak.number() + "\"")))
                .andExpect(content().string(not(containsString("id=\"submit-request\""))));
        mvc.perform(get("/requests").param("queue", "DEPARTMENT").param("q", leak.number()).with(users.as("handler")))
                .andExpect(content().string(containsString("data-number=\"" + leak.number() + "\"")))
                .andExpect(content().string(containsString("阳台地漏堵了")));
        mvc.perform(get("/requests").param("queue", "DEPARTMENT").param("state", "CLOSED").with(users.as("handler")))
                .andExpect(content().string(not(containsString("data-number=\"" + leak.number() + "\""))));
        mvc.perform(get("/requests").param("category", "LEGAL").param("state", "BOGUS").param("overdue", "true")
                        .param("supervised", "true").with(users.as("handler")))
                .andExpect(status().isOk());
        mvc.perform(get("/requests").param("queue", "DEPARTMENT").header("HX-Request", "true").with(users.as("handler")))
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(not(containsString("class=\"navbar"))));
        mvc.perform(get("/requests").with(users.as("manager")))
                .andExpect(content().string(containsString("id=\"register-request\"")));
        mvc.perform(get("/requests").cookie(new Cookie("shouwang-lang", "en")).with(users.as("counsellor")))
                .andExpect(content().string(containsString("All I may see")))
                .andExpect(content().string(containsString("Register a request")));
        mvc.perform(get("/requests/" + leak.id()).cookie(new Cookie("shouwang-lang", "en")).with(users.as("handler")))
                .andExpect(content().string(containsString("History")))
                .andExpect(content().string(containsString("Accept")))
                .andExpect(content().string(containsString("Urgent: counted in natural hours")));
        mvc.perform(get("/requests").with(users.as("leader"))).andExpect(status().isOk());
        mvc.perform(get("/requests").with(users.as("admin"))).andExpect(status().isOk());
    }
}
