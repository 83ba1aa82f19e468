package org.shouwang.web;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages render for the roles that may see them, in Chinese by default and in English on request. */
@IntegrationTest
class PagesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/students")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("登录")));
        mvc.perform(get("/api/v1/students")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void chineseByDefaultEnglishBySwitchRememberedInACookie() throws Exception {
        mvc.perform(get("/").with(users.as("admin"))).andExpect(content().string(containsString("名册导入")));
        mvc.perform(get("/").param("lang", "en").with(users.as("admin")))
                .andExpect(content().string(containsString("Roster import")))
                .andExpect(cookie().value("shouwang-lang", "en"));
        mvc.perform(get("/").cookie(new jakarta.servlet.http.Cookie("shouwang-lang", "en")).with(users.as("admin")))
                .andExpect(content().string(containsString("Roster import")));
    }

    @Test
    void navigationFitsTheRole() throws Exception {
        mvc.perform(get("/").with(users.as("student")))
                .andExpect(content().string(containsString("data-nav=\"my-profile\"")))
                .andExpect(content().string(not(containsString("data-nav=\"colleges\""))))
                .andExpect(content().string(not(containsString("data-nav=\"admin\""))));
        mvc.perform(get("/").with(users.as("counsellor")))
                .andExpect(content().string(containsString("data-nav=\"my-classes\"")))
                .andExpect(content().string(containsString("data-nav=\"students\"")))
                .andExpect(content().string(not(containsString("data-nav=\"admin\""))));
        mvc.perform(get("/").with(users.as("manager")))
                .andExpect(content().string(containsString("data-nav=\"my-building\"")));
        mvc.perform(get("/").with(users.as("admin")))
                .andExpect(content().string(containsString("data-nav=\"admin\"")))
                .andExpect(content().string(containsString("data-nav=\"imports\"")));
    }

    @Test
    void theVerticalAndHorizontalChainsRender() throws Exception {
        long college = id("SELECT min(id) FROM college");
        long major = id("SELECT min(id) FROM major");
        long classGroup = id("SELECT min(id) FROM class_group");
        long building = id("SELECT min(id) FROM building");
        long room = id("SELECT min(id) FROM room");
        for (String url : new String[]{"/colleges", "/colleges/" + college, "/majors/" + major, "/classes/" + classGroup,
                "/communities", "/buildings/" + building, "/rooms/" + room, "/students"}) {
            mvc.perform(get(url).with(users.as("admin"))).andExpect(status().isOk());
        }
        mvc.perform(get("/buildings/" + building).with(users.as("admin")))
                .andExpect(content().string(containsString("id=\"vacancy-map\"")))
                .andExpect(content().string(containsString("bed bed-FREE")))
                .andExpect(content().string(containsString("bed bed-OCCUPIED")));
    }

    @Test
    void studentsCannotBrowseTheCampusStructure() throws Exception {
        for (String url : new String[]{"/colleges", "/communities", "/classes/" + id("SELECT min(id) FROM class_group"),
                "/api/v1/colleges", "/api/v1/communities"}) {
            mvc.perform(get(url).with(users.as("student"))).andExpect(status().isNotFound());
        }
    }

    @Test
    void aStudentOpensTheirOwnProfile() throws Exception {
        mvc.perform(get("/me").with(users.as("student"))).andExpect(status().is3xxRedirection());
        long me = users.viewer("student").studentId();
        mvc.perform(get("/students/" + me).with(users.as("student")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"student-bed\"")));
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/students']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/check-ins']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/buildings/{id}/vacancy-map']").exists());
    }

    @Test
    void badQueryParametersAnswer400WithTheFieldNamedInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/students").param("size", "100000").header("Accept-Language", "en").with(users.as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/students").param("page", "abc").header("Accept-Language", "zh-CN").with(users.as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求有误"))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/students").param("page", "x").with(users.as("admin")))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("page")));
        mvc.perform(get("/api/v1/buildings/999999").with(users.as("admin"))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
