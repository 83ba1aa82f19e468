package org.shouwang.identity;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit log page and API: newest first, searchable by text, actor and days. */
@IntegrationTest
class AuditLogTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired DemoUsers users;

    @Test
    void entriesAreFoundByTextActorAndDayNewestFirst() throws Exception {
        Account first = Throwaway.account(accounts, users.viewer("admin"), "audit", Role.LEADER);
        Account second = Throwaway.account(accounts, users.viewer("admin"), "audit", Role.LEADER);

        var found = audit.search(new AuditLog.Query("audit-", "admin", LocalDate.now(), LocalDate.now()), 0, 500);
        assertThat(found.items()).extracting(AuditLog.Entry::detail)
                .anySatisfy(d -> assertThat(d).startsWith(first.username()))
                .anySatisfy(d -> assertThat(d).startsWith(second.username()));
        assertThat(found.items().get(0).id()).isGreaterThan(found.items().get(found.items().size() - 1).id());
        assertThat(audit.search(new AuditLog.Query(first.username(), "somebody-else", null, null), 0, 10).total()).isZero();
        assertThat(audit.search(new AuditLog.Query(first.username(), null, LocalDate.now().plusDays(1), null), 0, 10).total()).isZero();
        assertThat(audit.search(new AuditLog.Query("%", null, null, null), 0, 10).total()).isZero();

        mvc.perform(get("/admin/audit").param("q", second.username()).with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit\"")))
                .andExpect(content().string(containsString(second.username())))
                .andExpect(content().string(containsString("开通账号")))
                .andExpect(content().string(not(containsString(first.username()))));
        mvc.perform(get("/admin/audit").param("q", second.username()).param("from", "not-a-date").with(users.as("admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/admin/audit").param("actor", "admin").param("from", LocalDate.now().toString())
                        .param("size", "1").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].actor").value("admin"));
        mvc.perform(get("/api/v1/admin/audit").param("size", "1000").with(users.as("admin")))
                .andExpect(status().isBadRequest());
    }
}
