package org.shouwang.insights;

import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The account list and the audit log as xlsx: administrators only, the page's filters, no hashes, identifiers masked. */
@IntegrationTest
class ExportAccountsTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired TransactionTemplate transaction;

    @Test
    void anAdministratorExportsEveryAccountThePageFindsWithoutPasswordHashes() throws Exception {
        List<Account> all = accounts.search("", null, 0, 100_000).items();
        AuditLog.Query exports = new AuditLog.Query("export.accounts", "admin", null, null);
        long exported = audit.search(exports, 0, 1).total();
        List<Row> rows = Workbooks.rows(mvc, users.as("admin"), "/api/v1/exports/accounts.xlsx");
        assertThat(audit.search(exports, 0, 1).total()).as("the export is audited").isEqualTo(exported + 1);
        assertThat(audit.search(exports, 0, 1).items().get(0).detail()).startsWith(all.size() + " rows");
        assertThat(rows).hasSize(all.size() + 1);
        assertThat(all.size()).as("more than one batch of the page").isGreaterThan(30);
        assertThat(text(rows.get(0), 0)).isEqualTo("用户名");
        assertThat(rows.subList(1, rows.size())).extracting(r -> text(r, 0))
                .containsExactlyElementsOf(all.stream().map(Account::username).toList());
        assertThat(rows).allSatisfy(r -> {
            for (int c = 0; c < r.getCellCount(); c++) {
                assertThat(text(r, c)).doesNotContain("{bcrypt}").doesNotStartWith("$2a$").doesNotStartWith("$2b$");
            }
        });
        Row admin = rows.stream().filter(r -> text(r, 0).equals("admin")).findFirst().orElseThrow();
        assertThat(text(admin, 2)).contains("系统管理员");
        assertThat(text(admin, 4)).isEqualTo("正常");

        Account depthead = accounts.byUsername("depthead").orElseThrow();
        String department = accounts.departments().stream().filter(d -> d.id() == depthead.departmentId()).findFirst()
                .orElseThrow().name();
        Row head = rows.stream().filter(r -> text(r, 0).equals("depthead")).findFirst().orElseThrow();
        assertThat(text(head, 3)).isEqualTo(department);
    }

    @Test
    void theRoleAndSearchNarrowTheExportAsTheyNarrowThePage() throws Exception {
        List<Account> affairs = accounts.search("", Role.STUDENT_AFFAIRS, 0, 100_000).items();
        List<Row> rows = Workbooks.rows(mvc, users.as("admin"), "/exports/accounts.xlsx?role=STUDENT_AFFAIRS&lang=en");
        assertThat(text(rows.get(0), 0)).isEqualTo("Username");
        assertThat(rows.subList(1, rows.size())).extracting(r -> text(r, 0))
                .containsExactlyElementsOf(affairs.stream().map(Account::username).toList()).contains("affairs");

        List<Row> found = Workbooks.rows(mvc, users.as("admin"), "/exports/accounts.xlsx?q=depthead");
        assertThat(found.size() - 1).isEqualTo(accounts.search("depthead", null, 0, 100).items().size()).isPositive();

        String url = Workbooks.linked(mvc, users.as("admin"), "/admin/accounts?q=dept&role=DEPARTMENT_HEAD", "export-accounts",
                "/exports/accounts.xlsx");
        assertThat(url).contains("q=dept").contains("role=DEPARTMENT_HEAD");
    }

    @Test
    void theAuditLogExportHoldsThePagesEntriesWithIdentifiersMasked() throws Exception {
        String marker = "exp-audit-" + UUID.randomUUID();
        transaction.executeWithoutResult(tx -> audit.record(users.viewer("admin"), "account.update", "account", 1L,
                marker + " called 13812345678, ID 110101199003071234"));
        List<Row> rows = Workbooks.rows(mvc, users.as("admin"), "/api/v1/exports/audit.xlsx?q=" + marker);
        assertThat(rows).hasSize(2);
        Row entry = rows.get(1);
        assertThat(text(entry, 1)).isEqualTo("admin");
        assertThat(text(entry, 3)).isEqualTo("account");
        assertThat(text(entry, 4)).isEqualTo("1");
        assertThat(text(entry, 5)).contains(marker).contains("138****5678").doesNotContain("13812345678")
                .doesNotContain("110101199003071234");

        AuditLog.Query byAdmin = new AuditLog.Query("", "admin", null, null);
        List<AuditLog.Entry> entries = audit.search(byAdmin, 0, 100_000).items();
        List<Row> mine = Workbooks.rows(mvc, users.as("admin"), "/exports/audit.xlsx?actor=admin");
        assertThat(mine).hasSize(entries.size() + 1);
        assertThat(mine.subList(1, mine.size())).extracting(r -> text(r, 1)).containsOnly("admin");

        String url = Workbooks.linked(mvc, users.as("admin"), "/admin/audit?actor=admin&q=" + marker, "export-audit",
                "/exports/audit.xlsx");
        assertThat(url).contains("actor=admin").contains(marker);
        mvc.perform(get("/exports/audit.xlsx?from=2024-13-40").with(users.as("admin"))).andExpect(status().isBadRequest());
    }

    @Test
    void nobodyButAnAdministratorExportsAccountsOrTheAuditLog() throws Exception {
        for (String username : List.of("leader", "affairs", "counsellor", "student", "dispatch")) {
            for (String path : List.of("/exports/accounts.xlsx", "/api/v1/exports/accounts.xlsx", "/exports/audit.xlsx",
                    "/api/v1/exports/audit.xlsx")) {
                mvc.perform(get(path).with(users.as(username))).andExpect(status().isNotFound());
            }
        }
    }
}
