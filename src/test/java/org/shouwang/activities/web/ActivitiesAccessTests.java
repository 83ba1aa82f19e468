package org.shouwang.activities.web;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may do what: refused users learn nothing (404) or are told why not (409), on the API and the pages alike. */
@IntegrationTest
class ActivitiesAccessTests {

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
    void aStudentCannotCreateAnActivity() throws Exception {
        long before = api.activities();
        api.post("student", "/api/v1/activities", ActivitiesApiDriver.json(api.lecture("学生自己办的讲座", 10, null)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/activities/new").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(post("/activities").param("title", "学生自己办的讲座").with(users.as("student")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(api.activities()).isEqualTo(before);
    }

    @Test
    void aDraftIsInvisibleToStudentsAndOtherStaff() throws Exception {
        long id = api.create("counsellor", api.lecture("还在起草", 10, null));
        for (String user : new String[] {"student", "headteacher"}) {
            api.view(user, id).andExpect(status().isNotFound());
            mvc.perform(get("/activities/" + id).with(users.as(user))).andExpect(status().isNotFound());
            api.get(user, "/api/v1/activities?q=还在起草&size=200").andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) id))));
        }
        mvc.perform(get("/activities/" + id + "/edit").with(users.as("headteacher"))).andExpect(status().isNotFound());
        api.put("headteacher", "/api/v1/activities/" + id, ActivitiesApiDriver.json(api.lecture("改掉", 10, null)), null)
                .andExpect(status().isNotFound());
        api.view("affairs", id).andExpect(status().isOk());
    }

    @Test
    void onlyTheOrganisersReadTheRegistrations() throws Exception {
        long id = api.published(api.lecture("名单保密", 10, null));
        api.register(api.students(1, 80).get(0), id).andExpect(status().isOk());
        api.get("counsellor", "/api/v1/activities/" + id + "/registrations").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        api.get("affairs", "/api/v1/activities/" + id + "/registrations").andExpect(status().isOk());
        for (String user : new String[] {"student", "headteacher", "leader"}) {
            api.get(user, "/api/v1/activities/" + id + "/registrations").andExpect(status().isNotFound());
        }
        mvc.perform(get("/activities/" + id).with(users.as("headteacher")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(not(org.hamcrest.Matchers.containsString("id=\"registrations\""))));
    }

    @Test
    void aCounsellorCannotApproveAndAStudentCannotDecideLeave() throws Exception {
        long id = api.create("counsellor", api.lecture("自己审自己", 10, null));
        api.move("counsellor", id, "submit", "{}").andExpect(status().isNoContent());
        api.move("counsellor", id, "approve", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:activity.notApprover"));
        api.move("counsellor", id, "reject", "{\"reason\":\"不行\"}").andExpect(status().isConflict());
        api.move("headteacher", id, "approve", "{}").andExpect(status().isNotFound());
        assertThat(api.<String>read("counsellor", id, "$.state")).isEqualTo("SUBMITTED");

        api.move("affairs", id, "approve", "{}").andExpect(status().isNoContent());
        String student = api.students(1, 81).get(0);
        api.register(student, id).andExpect(status().isOk());
        api.move(student, id, "leave", "{\"reason\":\"生病\"}").andExpect(status().isNoContent());
        api.post(student, "/api/v1/activities/" + id + "/registrations/" + api.studentId(student) + "/leave", "{\"grant\":true}")
                .andExpect(status().isConflict());
        api.post("counsellor", "/api/v1/activities/" + id + "/registrations/" + api.studentId(student) + "/leave", "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("grant"));
        api.view(student, id).andExpect(jsonPath("$.mine.state").value("REGISTERED"))
                .andExpect(jsonPath("$.mine.leaveState").value("REQUESTED"));
    }

    @Test
    void staffCannotRegister() throws Exception {
        long id = api.published(api.lecture("只给学生", 10, null));
        api.register("counsellor", id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Only students register for activities."));
    }
}
