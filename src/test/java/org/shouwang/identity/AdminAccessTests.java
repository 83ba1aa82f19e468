package org.shouwang.identity;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Account administration and the audit log are for administrators only, in pages and in the API. */
@IntegrationTest
class AdminAccessTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;

    private List<MockHttpServletRequestBuilder> adminRequests() {
        long target = users.viewer("headteacher").accountId();
        String json = "{}";
        return List.of(
                get("/admin/accounts"), get("/admin/accounts/new"), get("/admin/accounts/" + target), get("/admin/audit"),
                post("/admin/accounts").param("username", "x"), post("/admin/accounts/" + target).param("displayName", "x"),
                post("/admin/accounts/" + target + "/unlock"), post("/admin/accounts/" + target + "/password"),
                post("/admin/accounts/students"),
                get("/api/v1/admin/accounts"), get("/api/v1/admin/accounts/" + target), get("/api/v1/admin/departments"),
                get("/api/v1/admin/audit"),
                post("/api/v1/admin/accounts").contentType(MediaType.APPLICATION_JSON).content(json),
                put("/api/v1/admin/accounts/" + target).contentType(MediaType.APPLICATION_JSON).content(json),
                post("/api/v1/admin/accounts/" + target + "/unlock"),
                post("/api/v1/admin/accounts/" + target + "/password").contentType(MediaType.APPLICATION_JSON).content(json),
                post("/api/v1/admin/accounts/students").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"student", "counsellor", "leader", "floorleader", "handler"})
    void othersAreRefusedEveryAdministrationPageAndEndpoint(String username) throws Exception {
        for (MockHttpServletRequestBuilder request : adminRequests()) {
            mvc.perform(request.with(users.as(username)).with(csrf())).andExpect(status().isForbidden());
        }
    }

    @Test
    void apiRefusalsAreProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/admin/accounts").with(users.as("student")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(containsString("您的角色无权执行此操作")));
    }

    @Test
    void administratorsReachTheirPages() throws Exception {
        for (String page : new String[]{"/admin/accounts", "/admin/accounts/new", "/admin/audit",
                "/admin/accounts/" + users.viewer("student").accountId()}) {
            mvc.perform(get(page).with(users.as("admin"))).andExpect(status().isOk());
        }
    }
}
