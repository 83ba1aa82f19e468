package org.shouwang.tickets.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A student who follows a request because their duplicate was merged into it reads its progress,
 * but not who the other student is (DESIGN §6: a student sees their own requests; personal data
 * only to those who need it).
 */
@IntegrationTest
class RequestsApiPrivacyTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    RequestsApiDriver api;

    @BeforeEach
    void driver() {
        api = new RequestsApiDriver(mvc, users, jdbc);
    }

    @Test
    void aStudentFollowingAMergedRequestDoesNotLearnWhoTheOtherRequesterIs() throws Exception {
        String other = api.otherStudent();
        long first = api.submit("student", RequestsApiDriver.WATER_LEAK);
        long duplicate = api.submit(other, RequestsApiDriver.WATER_LEAK);
        api.move("dispatch", duplicate, "merge", "{\"id\":" + first + "}").andExpect(status().isNoContent());

        String seen = api.view(other, first).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String name = jdbc.sql("SELECT s.name FROM student s JOIN account a ON a.student_id = s.id WHERE a.username = 'student'")
                .query(String.class).single();
        assertThat(seen).doesNotContain(api.studentNumberOf("student")).doesNotContain(name);
    }
}
