package org.shouwang.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators open, find, change, unlock and reset accounts, in pages and the API; every write is audited. */
@IntegrationTest
class AccountAdministrationTests {

    /** Pages speak Chinese unless the user switched to English (a cookie). */
    private static final jakarta.servlet.http.Cookie ENGLISH = new jakarta.servlet.http.Cookie("shouwang-lang", "en");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void createUpdateUnlockAndResetThroughTheApiAreAudited() throws Exception {
        String username = Throwaway.username("api");
        long department = accounts.departments().get(0).id();
        MvcResult created = mvc.perform(post("/api/v1/admin/accounts").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"%s","displayName":"后勤 处理人","roles":["DEPARTMENT_HANDLER"],
                                 "departmentId":%d,"initialPassword":"Start2026ok"}""".formatted(username, department)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value("DEPARTMENT_HANDLER"))
                .andExpect(jsonPath("$.mustChangePassword").value(true))
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andReturn();
        long id = accounts.search(username, null, 0, 1).items().get(0).id();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/admin/accounts/" + id);

        mvc.perform(put("/api/v1/admin/accounts/" + id).with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"displayName":"调度员","roles":["DISPATCH_DESK","LEADER"],"departmentId":null,"enabled":false}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("调度员"))
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/api/v1/admin/accounts/" + id + "/unlock").with(users.as("admin")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/admin/accounts/" + id + "/password").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"newPassword\":\"Reset2026ok\"}"))
                .andExpect(status().isNoContent());

        assertThat(auditedActions(id)).containsExactly(
                "account.resetPassword", "account.unlock", "account.update", "account.create");
        Account account = accounts.get(id);
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.DISPATCH_DESK, Role.LEADER);
        assertThat(account.enabled()).isFalse();
        assertThat(account.mustChangePassword()).isTrue();
        mvc.perform(get("/api/v1/admin/audit").param("q", username).with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("account.create"))
                .andExpect(jsonPath("$.items[0].actor").value("admin"))
                .andExpect(jsonPath("$.items[0].targetId").value(String.valueOf(id)));
    }

    @Test
    void searchFindsAccountsByNameOrUsernameAndFiltersByRole() throws Exception {
        mvc.perform(get("/api/v1/admin/accounts").param("q", "counsellor").with(users.as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].username", hasItem("counsellor")));
        mvc.perform(get("/api/v1/admin/accounts").param("role", "FLOOR_LEADER").with(users.as("admin")))
                .andExpect(jsonPath("$.items[*].username", hasItem("floorleader")))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("admin"))));
        assertThat(accounts.search("%", null, 0, 10).total()).isZero();
        mvc.perform(get("/admin/accounts").param("q", "floorleader").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accounts\"")))
                .andExpect(content().string(containsString("data-account=\"floorleader\"")));
        mvc.perform(get("/admin/accounts").param("role", "NO_SUCH_ROLE").with(users.as("admin")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theFormOpensAnAccountForAStaffMemberByNumber() throws Exception {
        String number = jdbc.sql("""
                SELECT min(staff_number) FROM staff s WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.staff_id = s.id)""")
                .query(String.class).single();
        String username = Throwaway.username("form");
        mvc.perform(post("/admin/accounts").with(users.as("admin")).with(csrf())
                        .param("username", username).param("displayName", "").param("personNumber", number)
                        .param("roles", "COUNSELLOR").param("roles", "HEAD_TEACHER").param("departmentId", "")
                        .param("initialPassword", "Start2026ok"))
                .andExpect(redirectedUrlPattern("/admin/accounts/*"));
        Account account = accounts.search(username, null, 0, 1).items().get(0);
        String name = jdbc.sql("SELECT name FROM staff WHERE staff_number = ?").param(number).query(String.class).single();
        assertThat(account.displayName()).isEqualTo(name);
        assertThat(account.staffId()).isNotNull();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.COUNSELLOR, Role.HEAD_TEACHER);
        mvc.perform(formLogin("/login").user(username).password("Start2026ok")).andExpect(authenticated());
    }

    @Test
    void badFormsAreShownAgainWithErrorsBesideTheirFields() throws Exception {
        mvc.perform(post("/admin/accounts").with(users.as("admin")).with(csrf()).cookie(ENGLISH)
                        .param("username", "bad name!").param("initialPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"account-form\"")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("only letters, digits, dots, hyphens and underscores")))
                .andExpect(content().string(containsString("Choose at least one role.")))
                .andExpect(content().string(containsString("at least one letter and one digit")));
        mvc.perform(post("/admin/accounts").with(users.as("admin")).with(csrf())
                        .param("username", "admin").param("displayName", "x").param("roles", "LEADER")
                        .param("initialPassword", "Start2026ok"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名 admin 已被占用")));
        mvc.perform(post("/admin/accounts").with(users.as("admin")).with(csrf())
                        .param("username", Throwaway.username("h")).param("displayName", "x")
                        .param("roles", "DEPARTMENT_HANDLER").param("initialPassword", "Start2026ok"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("必须指定所属部门")));
        mvc.perform(post("/admin/accounts").with(users.as("admin")).with(csrf())
                        .param("username", Throwaway.username("t")).param("roles", "LEADER").param("roles", "BOSS")
                        .param("departmentId", "abc").param("initialPassword", "Start2026ok"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        Account account = Throwaway.account(accounts, users.viewer("admin"), "edit", Role.LEADER);
        mvc.perform(post("/admin/accounts/" + account.id()).with(users.as("admin")).with(csrf())
                        .param("displayName", " ").param("enabled", "maybe").param("departmentId", "999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/admin/accounts/" + account.id()).with(users.as("admin")).with(csrf())
                        .param("displayName", "New name").param("roles", "LEADER").param("enabled", "true")
                        .param("departmentId", "999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所选部门不存在。")));
        mvc.perform(post("/admin/accounts/" + account.id() + "/password").with(users.as("admin")).with(csrf())
                        .param("newPassword", "12345678"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reset-form\"")))
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/admin/accounts/students").with(users.as("admin")).with(csrf()).param("initialPassword", "123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"open-students-form\"")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(accounts.get(account.id()).displayName()).isEqualTo(account.displayName());
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/admin/accounts'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/admin/audit'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/password'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/tokens/{id}'].delete").exists());
    }

    @Test
    void htmxSearchesGetOnlyTheResults() throws Exception {
        mvc.perform(get("/admin/accounts").param("q", "headteacher").header("HX-Request", "true").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accounts\"")))
                .andExpect(content().string(not(containsString("<nav class=\"navbar"))));
    }

    @Test
    void anAdministratorCannotDemoteThemself() throws Exception {
        long admin = users.viewer("admin").accountId();
        mvc.perform(put("/api/v1/admin/accounts/" + admin).with(users.as("admin")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"系统管理员\",\"roles\":[\"LEADER\"],\"enabled\":true}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("You cannot disable your own account or take away your own administrator role."));
        assertThat(accounts.get(admin).roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void apiValidationNamesEveryBadFieldInTheCallersLanguage() throws Exception {
        String body = "{\"username\":\"\",\"roles\":[],\"initialPassword\":\"abc\"}";
        mvc.perform(post("/api/v1/admin/accounts").with(users.as("admin")).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'username')].message").value(hasItem("Enter a username.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'roles')].message").value(hasItem("Choose at least one role.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'initialPassword')]").exists());
        mvc.perform(post("/api/v1/admin/accounts").with(users.as("admin")).with(csrf()).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'username')].message").value(hasItem("请填写用户名。")));
        mvc.perform(get("/api/v1/admin/accounts/99999999").with(users.as("admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void openingStudentAccountsCoversEveryStudentWithoutOne() throws Exception {
        String number = "T" + Throwaway.username("s").substring(2).replace("-", "");
        long classId = jdbc.sql("SELECT min(id) FROM class_group").query(Long.class).single();
        jdbc.sql("INSERT INTO student (student_number, name, gender, class_id, political_status) VALUES (?, '新生甲', 'F', ?, 'MASSES')")
                .params(number, classId).update();

        mvc.perform(post("/api/v1/admin/accounts/students").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"initialPassword\":\"Welcome2026\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.opened").value(1));

        Account opened = accounts.search(number, null, 0, 1).items().get(0);
        assertThat(opened.roles()).containsExactly(Role.STUDENT);
        assertThat(opened.mustChangePassword()).isTrue();
        assertThat(accounts.get(users.viewer("floorleader").accountId()).roles())
                .containsExactlyInAnyOrder(Role.STUDENT, Role.FLOOR_LEADER);
        mvc.perform(formLogin("/login").user(number).password("Welcome2026")).andExpect(authenticated());
        mvc.perform(post("/admin/accounts/students").with(users.as("admin")).with(csrf()).param("initialPassword", "Welcome2026"))
                .andExpect(redirectedUrlPattern("/admin/accounts*"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'account.openStudents'").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    private List<String> auditedActions(long accountId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE target_type = 'account' AND target_id = ? ORDER BY id DESC")
                .param(String.valueOf(accountId)).query(String.class).list();
    }
}
