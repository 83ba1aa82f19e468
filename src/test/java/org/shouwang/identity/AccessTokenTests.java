package org.shouwang.identity;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Personal access tokens over HTTP: shown once, stored as SHA-256 only, useless once revoked or expired. */
@IntegrationTest
class AccessTokenTests {

    /** Pages speak Chinese unless the user switched to English (a cookie). */
    private static final jakarta.servlet.http.Cookie ENGLISH = new jakarta.servlet.http.Cookie("shouwang-lang", "en");

    private static final Pattern SECRET = Pattern.compile("id=\"token-secret\" value=\"(sw_[A-Za-z0-9_-]+)\"");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired AccessTokens tokens;

    @Autowired TokenUses uses;

    @Test
    void aTokensLastUseIsWrittenInBatchesAndNeverMovesBack() {
        Account owner = Throwaway.account(accounts, users.viewer("admin"), "last-use", Role.LEADER);
        var viewer = users.viewer(owner.username());
        AccessTokens.Created created = tokens.create(viewer, "同步", null);
        String hash = AccessTokens.hash(created.secret());
        Instant noon = Instant.parse("2030-03-01T04:00:00Z");

        uses.used(hash, noon);
        uses.flush();
        uses.used(hash, noon.minusSeconds(3600)); // noted later by a node whose clock or batch lags
        uses.flush();
        assertThat(tokens.of(viewer)).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(noon));
        uses.used(hash, noon.plusSeconds(60));
        assertThat(tokens.of(viewer)).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(noon.plusSeconds(60)));
    }

    @Test
    void aTokenCreatedOnTheProfileSignsInApiCallsUntilRevoked() throws Exception {
        Account owner = Throwaway.account(accounts, users.viewer("admin"), "token", Role.LEADER);
        String page = mvc.perform(post("/profile/tokens").with(users.as(owner.username())).with(csrf())
                        .param("name", "课表同步").param("validDays", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"token-created\"")))
                .andReturn().getResponse().getContentAsString();
        Matcher found = SECRET.matcher(page);
        assertThat(found.find()).isTrue();
        String secret = found.group(1);

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(owner.username()))
                .andExpect(jsonPath("$.roles", hasItem("LEADER")));
        long id = tokenId(secret);
        // The use is noted, then written in a batch; the owner's list writes what is pending first.
        assertThat(tokens.of(users.viewer(owner.username()))).filteredOn(t -> t.id() == id)
                .singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
        assertThat(jdbc.sql("SELECT last_used_at FROM access_token WHERE id = ?").param(id).query(Object.class).single()).isNotNull();
        mvc.perform(get("/profile").with(users.as(owner.username())))
                .andExpect(content().string(containsString("…" + secret.substring(secret.length() - 4))))
                .andExpect(content().string(not(containsString(secret))));

        mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", "Bearer " + secret))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret).header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Sign in, or present a valid access token."));
    }

    @Test
    void theApiCreatesListsAndRevokesTokensAndStoresOnlyTheirHash() throws Exception {
        Account owner = Throwaway.account(accounts, users.viewer("admin"), "api-token", Role.LEADER);
        String json = mvc.perform(post("/api/v1/me/tokens").with(users.as(owner.username())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"portal\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.name").value("portal"))
                .andExpect(jsonPath("$.token.expiresAt").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(json, "$.secret");
        long id = ((Number) JsonPath.read(json, "$.token.id")).longValue();

        assertThat(secret).startsWith("sw_");
        String stored = jdbc.sql("SELECT token_hash FROM access_token WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).isEqualTo(AccessTokens.hash(secret)).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM access_token WHERE token_hash = ? OR name = ? OR hint = ?""")
                .params(secret, secret, secret).query(Long.class).single()).isZero();

        mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].hint").value(secret.substring(secret.length() - 4)))
                .andExpect(content().string(not(containsString(secret))));
        mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", "Bearer " + secret)).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/me/tokens/" + id).with(users.as(owner.username())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Account owner = Throwaway.account(accounts, users.viewer("admin"), "expiry", Role.LEADER);
        AccessTokens.Created created = tokensOf(owner, 1);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.secret())).andExpect(status().isOk());

        jdbc.sql("UPDATE access_token SET expires_at = ? WHERE id = ?")
                .params(Timestamps.of(Instant.now().minusSeconds(1)), created.token().id()).update();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/profile").with(users.as(owner.username())))
                .andExpect(content().string(containsString("text-bg-secondary")));
    }

    @Test
    void unknownAndMalformedTokensAreRefused() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sw_notAToken")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer something-else")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenOfADisabledAccountStopsWorking() throws Exception {
        Account owner = Throwaway.account(accounts, users.viewer("admin"), "disabled", Role.LEADER);
        AccessTokens.Created created = tokensOf(owner, null);
        accounts.update(users.viewer("admin"), owner.id(), new Accounts.Changes(owner.displayName(), owner.roles(), null, false));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.secret())).andExpect(status().isUnauthorized());
    }

    @Test
    void tokenFormsAreValidatedWithoutEverFailing() throws Exception {
        Account owner = Throwaway.account(accounts, users.viewer("admin"), "token-form", Role.LEADER);
        mvc.perform(post("/profile/tokens").with(users.as(owner.username())).with(csrf()).cookie(ENGLISH)
                        .param("name", "").param("validDays", "400"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the token a name.")))
                .andExpect(content().string(containsString("Validity must be between 1 and 365 days.")));
        mvc.perform(post("/profile/tokens").with(users.as(owner.username())).with(csrf()).cookie(ENGLISH)
                        .param("name", "x").param("validDays", "soon"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Validity must be a whole number of days.")));
        mvc.perform(post("/api/v1/me/tokens").with(users.as(owner.username())).with(csrf()).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"validDays\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validDays"))
                .andExpect(jsonPath("$.errors[0].message").value("有效期须在 1 至 365 天之间。"));
        assertThat(jdbc.sql("SELECT count(*) FROM access_token WHERE account_id = ?").param(owner.id()).query(Long.class).single()).isZero();
        mvc.perform(post("/profile/tokens/999999/revoke").with(users.as(owner.username())).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void revokingOnTheProfileSaysSo() throws Exception {
        Account owner = Throwaway.account(accounts, users.viewer("admin"), "revoke", Role.LEADER);
        AccessTokens.Created created = tokensOf(owner, 7);
        mvc.perform(post("/profile/tokens/" + created.token().id() + "/revoke").with(users.as(owner.username())).with(csrf()))
                .andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.secret())).andExpect(status().isUnauthorized());
    }

    private AccessTokens.Created tokensOf(Account owner, Integer validDays) {
        return tokens.create(users.viewer(owner.username()), "test", validDays);
    }

    private long tokenId(String secret) {
        return jdbc.sql("SELECT id FROM access_token WHERE token_hash = ?").param(AccessTokens.hash(secret)).query(Long.class).single();
    }
}
