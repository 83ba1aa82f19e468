package org.shouwang.identity;

import jakarta.servlet.http.Cookie;
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
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The profile page: one's own roles, changing one's password, and the must-change-password gate. */
@IntegrationTest
class ProfileTests {

    /** Pages speak Chinese unless the user switched to English (a cookie). */
    private static final jakarta.servlet.http.Cookie ENGLISH = new jakarta.servlet.http.Cookie("shouwang-lang", "en");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void theProfileShowsTheAccountAndItsForms() throws Exception {
        mvc.perform(get("/profile").with(users.as("buildingleader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-role=\"BUILDING_LEADER\"")))
                .andExpect(content().string(containsString("id=\"password-form\"")))
                .andExpect(content().string(containsString("id=\"currentPassword\"")))
                .andExpect(content().string(containsString("id=\"password-submit\"")))
                .andExpect(content().string(containsString("id=\"token-form\"")))
                .andExpect(content().string(not(containsString("id=\"must-change\""))));
        mvc.perform(get("/api/v1/me").with(users.as("floorleader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("floorleader"))
                .andExpect(jsonPath("$.roles", hasItem("FLOOR_LEADER")));
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndSaysSoInTheUsersLanguage() throws Exception {
        Account account = passwordChanged(Throwaway.account(accounts, users.viewer("admin"), "wrong", Role.LEADER));
        String hash = passwordHash(account.id());

        mvc.perform(post("/profile/password").with(users.as(account.username())).with(csrf())
                        .param("currentPassword", "not-it-1").param("newPassword", "Another2026").param("confirmPassword", "Another2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("当前密码不正确。")));
        mvc.perform(post("/profile/password").with(users.as(account.username())).with(csrf()).cookie(ENGLISH)
                        .param("currentPassword", "not-it-1").param("newPassword", "Another2026").param("confirmPassword", "Another2026"))
                .andExpect(content().string(containsString("The current password is wrong.")));
        mvc.perform(post("/api/v1/me/password").with(users.as(account.username())).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"not-it-1\",\"newPassword\":\"Another2026\",\"confirmPassword\":\"Another2026\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The current password is wrong."));
        mvc.perform(post("/api/v1/me/password").with(users.as(account.username())).with(csrf()).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"not-it-1\",\"newPassword\":\"Another2026\",\"confirmPassword\":\"Another2026\"}"))
                .andExpect(jsonPath("$.detail").value("当前密码不正确。"));

        assertThat(passwordHash(account.id())).isEqualTo(hash);
    }

    @Test
    void newPasswordsMustBeStrongAndConfirmed() throws Exception {
        Account account = Throwaway.account(accounts, users.viewer("admin"), "weak", Role.LEADER);
        String hash = passwordHash(account.id());
        mvc.perform(post("/profile/password").with(users.as(account.username())).with(csrf()).cookie(ENGLISH)
                        .param("currentPassword", Throwaway.PASSWORD).param("newPassword", "Another2026").param("confirmPassword", "Another2027"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The two new passwords differ.")));
        for (String weak : new String[]{"short1", "onlyletters", "1234567890", "密码密码密码密码1a", "a1" + "x".repeat(63)}) {
            mvc.perform(post("/api/v1/me/password").with(users.as(account.username())).with(csrf()).header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"currentPassword\":\"%s\",\"newPassword\":\"%s\",\"confirmPassword\":\"%s\"}"
                                    .formatted(Throwaway.PASSWORD, weak, weak)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("at least one letter and one digit")));
        }
        mvc.perform(post("/api/v1/me/password").with(users.as(account.username())).with(csrf()).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"%s\",\"newPassword\":\"Another2026\",\"confirmPassword\":\"x\"}"
                                .formatted(Throwaway.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("confirmPassword"))
                .andExpect(jsonPath("$.errors[0].message").value("两次输入的新密码不一致。"));
        assertThat(passwordHash(account.id())).isEqualTo(hash);
    }

    @Test
    void aNewAccountIsSentToItsProfileUntilThePasswordIsChanged() throws Exception {
        Account account = Throwaway.account(accounts, users.viewer("admin"), "gate", Role.COUNSELLOR);

        MvcResult login = mvc.perform(formLogin("/login").user(account.username()).password(Throwaway.PASSWORD))
                .andExpect(authenticated()).andReturn();
        // Spring Session keeps the session in the database and names it by the SESSION cookie.
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/students").cookie(session)).andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/students").cookie(session).header("HX-Request", "true"))
                .andExpect(header().string("HX-Redirect", "/profile"));
        mvc.perform(get("/css/shouwang.css").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/profile").cookie(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"must-change\"")));

        mvc.perform(post("/profile/password").cookie(session).with(csrf())
                        .param("currentPassword", Throwaway.PASSWORD).param("newPassword", "Changed2026")
                        .param("confirmPassword", "Changed2026"))
                .andExpect(redirectedUrl("/profile"));

        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/students").cookie(session)).andExpect(status().isOk());
        assertThat(accounts.get(account.id()).mustChangePassword()).isFalse();
        mvc.perform(formLogin("/login").user(account.username()).password(Throwaway.PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user(account.username()).password("Changed2026")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aPasswordResetByAnAdministratorMustBeChangedAgain() throws Exception {
        Account account = passwordChanged(Throwaway.account(accounts, users.viewer("admin"), "reset", Role.LEADER));
        mvc.perform(get("/").with(users.as(account.username()))).andExpect(status().isOk());

        mvc.perform(post("/admin/accounts/" + account.id() + "/password").with(users.as("admin")).with(csrf())
                        .param("newPassword", "Reset2026ok"))
                .andExpect(redirectedUrl("/admin/accounts/" + account.id()));

        mvc.perform(get("/").with(users.as(account.username()))).andExpect(redirectedUrl("/profile"));
        mvc.perform(formLogin("/login").user(account.username()).password("Reset2026ok")).andExpect(authenticated());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'account.resetPassword' AND target_id = ?")
                .param(String.valueOf(account.id())).query(Long.class).single()).isOne();
    }

    private Account passwordChanged(Account account) {
        accounts.changePassword(users.viewer(account.username()), Throwaway.PASSWORD, "Mine2026ok");
        return accounts.get(account.id());
    }

    private String passwordHash(long accountId) {
        return jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(accountId).query(String.class).single();
    }
}
