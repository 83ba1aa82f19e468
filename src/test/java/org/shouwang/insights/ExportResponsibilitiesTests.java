package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.tickets.Responsibilities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The responsibility list as xlsx: the published one for anyone, signed in or not, a version for administrators. */
@IntegrationTest
class ExportResponsibilitiesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Responsibilities responsibilities;

    @Test
    void anyoneSignedInExportsThePublishedListWithItsLimits() throws Exception {
        List<Responsibilities.Clause> clauses = responsibilities.publishedClauses();
        assertThat(clauses).isNotEmpty();
        for (String username : List.of("student", "handler", "admin")) {
            List<Row> rows = Workbooks.rows(mvc, users.as(username), "/exports/responsibilities.xlsx");
            assertThat(rows).hasSize(clauses.size() + 1);
            assertThat(rows.subList(1, rows.size())).extracting(r -> text(r, 0))
                    .containsExactlyElementsOf(clauses.stream().map(Responsibilities.Clause::clause).toList());
            Row first = rows.get(1);
            Responsibilities.Clause c = clauses.get(0);
            assertThat(text(first, 4)).isEqualTo(c.department());
            assertThat(number(first, 6)).isEqualTo(c.normal().dispatchHours());
            assertThat(number(first, 7)).isEqualTo(c.normal().respondHours());
            assertThat(number(first, 8)).isEqualTo(c.normal().resolveHours());
            assertThat(number(first, 9)).isEqualTo(c.urgent().dispatchHours());
            assertThat(number(first, 10)).isEqualTo(c.urgent().respondHours());
            assertThat(number(first, 11)).isEqualTo(c.urgent().resolveHours());
        }
        assertThat(text(Workbooks.rows(mvc, users.as("student"), "/api/v1/exports/responsibilities.xlsx?lang=en").get(0), 4))
                .isEqualTo("Department");
        Workbooks.linked(mvc, users.as("student"), "/responsibilities", "export-responsibilities", "/exports/responsibilities.xlsx");
        // The page is public, and so is its export: signed out, the link is there and downloads the list.
        Workbooks.linked(mvc, request -> request, "/responsibilities", "export-responsibilities", "/exports/responsibilities.xlsx");
        mvc.perform(get("/exports/responsibilities/1.xlsx")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aVersionIsForAdministratorsOnly() throws Exception {
        Responsibilities.Version version = responsibilities.versions().get(0);
        List<Responsibilities.Clause> clauses = responsibilities.clauses(version.id());
        List<Row> rows = Workbooks.rows(mvc, users.as("admin"), "/api/v1/exports/responsibilities/" + version.version() + ".xlsx");
        assertThat(rows.subList(1, rows.size())).extracting(r -> text(r, 0))
                .containsExactlyElementsOf(clauses.stream().map(Responsibilities.Clause::clause).toList());
        Workbooks.linked(mvc, users.as("admin"), "/admin/responsibilities/" + version.version(),
                "export-responsibilities", "/exports/responsibilities/" + version.version() + ".xlsx");

        for (String username : List.of("student", "leader", "dispatch")) {
            mvc.perform(get("/exports/responsibilities/" + version.version() + ".xlsx").with(users.as(username)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/exports/responsibilities/9999.xlsx").with(users.as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exports/responsibilities/x.xlsx").with(users.as("admin"))).andExpect(status().isNotFound());
    }
}
