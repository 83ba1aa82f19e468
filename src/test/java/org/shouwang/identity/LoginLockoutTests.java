package org.shouwang.identity;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Five wrong passwords through the real sign-in form lock an account; only time or an administrator opens it. */
@IntegrationTest
class LoginLockoutTests {

    /** Pages speak Chinese unless the user switched to English (a cookie). */
    private static final jakarta.servlet.http.Cookie ENGLISH = new jakarta.servlet.http.Cookie("shouwang-lang", "en");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        Account account = Throwaway.account(accounts, users.viewer("admin"), "hash", Role.LEADER);
        assertThat(passwordHash(account.username())).startsWith("{bcrypt}$2").doesNotContain(Throwaway.PASSWORD);
        assertThat(passwordHash("admin")).startsWith("{bcrypt}$2");
    }

    @Test
    void fiveFailuresLockTheAccountAndTheRightPasswordIsRefusedWhileLocked() throws Exception {
        Account account = Throwaway.account(accounts, users.viewer("admin"), "lock", Role.LEADER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(account.username()).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        }
        assertThat(accounts.get(account.id()).lockedAt(Instant.now())).isTrue();

        mvc.perform(formLogin("/login").user(account.username()).password(Throwaway.PASSWORD))
                .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
        mvc.perform(get("/login?locked").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("账号已暂时锁定")));
        mvc.perform(get("/login?locked").cookie(ENGLISH))
                .andExpect(content().string(containsString("this account is locked for a while")));
    }

    @Test
    void fourFailuresDoNotLockAndASuccessStartsTheCountAgain() throws Exception {
        Account account = Throwaway.account(accounts, users.viewer("admin"), "count", Role.LEADER);
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user(account.username()).password("wrong"));
        }
        mvc.perform(formLogin("/login").user(account.username()).password(Throwaway.PASSWORD)).andExpect(authenticated());
        assertThat(accounts.get(account.id()).failedLogins()).isZero();
        mvc.perform(formLogin("/login").user(account.username()).password("wrong"));
        assertThat(accounts.get(account.id()).lockedAt(Instant.now())).isFalse();
    }

    @Test
    void anAdministratorUnlocksALockedAccountAndTheUnlockIsAudited() throws Exception {
        Account account = Throwaway.account(accounts, users.viewer("admin"), "unlock", Role.LEADER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(account.username()).password("wrong"));
        }
        mvc.perform(get("/admin/accounts/" + account.id()).with(users.as("admin")))
                .andExpect(content().string(containsString("id=\"unlock-form\"")));

        mvc.perform(post("/admin/accounts/" + account.id() + "/unlock").with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + account.id()));

        assertThat(accounts.get(account.id()).failedLogins()).isZero();
        mvc.perform(formLogin("/login").user(account.username()).password(Throwaway.PASSWORD))
                .andExpect(authenticated().withUsername(account.username()));
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'account.unlock' AND target_id = ?")
                .param(String.valueOf(account.id())).query(String.class).list()).containsExactly("admin");
    }

    @Test
    void aLockThatHasRunOutGivesFiveFreshAttempts() throws Exception {
        Account account = Throwaway.account(accounts, users.viewer("admin"), "expired", Role.LEADER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(account.username()).password("wrong"));
        }
        jdbc.sql("UPDATE account SET locked_until = ? WHERE id = ?")
                .params(Timestamps.of(Instant.now().minusSeconds(60)), account.id()).update();

        mvc.perform(formLogin("/login").user(account.username()).password("wrong")).andExpect(redirectedUrl("/login?error"));
        assertThat(accounts.get(account.id()).lockedAt(Instant.now())).isFalse();
        assertThat(accounts.get(account.id()).failedLogins()).isEqualTo(1);
        mvc.perform(formLogin("/login").user(account.username()).password(Throwaway.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameAnswer() throws Exception {
        mvc.perform(formLogin("/login").user("nobody-" + Throwaway.username("x")).password("whatever1"))
                .andExpect(redirectedUrl("/login?error"));
    }

    private String passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM account WHERE username = ?").param(username).query(String.class).single();
    }
}
