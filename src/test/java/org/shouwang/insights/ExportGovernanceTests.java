package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.governance.ActionItems;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.governance.Meetings;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportGovernanceTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired ActionItems actions;
    @Autowired Meetings meetings;
    @Autowired org.shouwang.governance.GoverningBodies bodies;
    @Autowired JdbcClient jdbc;
    @Autowired org.shouwang.governance.Documents documents;

    /** The rows below the header. */
    private List<Row> rows(String path, String username) throws Exception {
        List<Row> all = Workbooks.rows(mvc, users.as(username), path);
        return all.subList(1, all.size());
    }

    @Test
    void actionItemsAsTheListShowsThemAllToReadersAndTheDepartmentsOwnToOthers() throws Exception {
        Viewer leader = users.viewer("leader");
        List<GovernanceViews.ActionItem> all = actions.list(leader, false);
        assertThat(all).hasSize(jdbc.sql("SELECT count(*) FROM action_item").query(Long.class).single().intValue()).isNotEmpty();
        List<Row> rows = rows("/exports/action-items.xlsx", "leader");
        assertThat(rows.stream().map(r -> text(r, 0)).toList())
                .isEqualTo(all.stream().map(a -> ExportRequests.mask(a.decision())).toList());
        assertThat(rows.stream().map(r -> text(r, 3)).toList()).isEqualTo(all.stream().map(GovernanceViews.ActionItem::departmentName).toList());
        // A handler reads their department's items only, as the page shows them.
        Viewer handler = users.viewer("handler");
        long ofDepartment = jdbc.sql("SELECT count(*) FROM action_item WHERE department_id = ?").param(handler.departmentId())
                .query(Long.class).single();
        assertThat(rows("/api/v1/exports/action-items.xlsx", "handler")).hasSize((int) ofDepartment);
        assertThat(bodies.mayRead(handler)).isFalse();
        assertThat(ofDepartment).isPositive();
        mvc.perform(get("/exports/action-items.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void theYearsMeetingsAsTheGovernancePageListsThem() throws Exception {
        GovernanceViews.Overview overview = meetings.overview(users.viewer("leader"), null);
        assertThat(overview.meetings()).isNotEmpty();
        List<Row> rows = rows("/exports/meetings.xlsx", "leader");
        assertThat(rows.stream().map(r -> text(r, 3)).toList())
                .isEqualTo(overview.meetings().stream().map(m -> ExportRequests.mask(m.title())).toList());
        assertThat(rows("/api/v1/exports/meetings.xlsx?year=1999", "admin")).hasSize(overview.meetings().size());
        assertThat(rows("/api/v1/exports/meetings.xlsx?year=2001", "admin")).isEmpty();
        mvc.perform(get("/exports/meetings.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void theDocumentsTheViewerMayReadTitlesOnly() throws Exception {
        for (String username : List.of("admin", "student")) {
            var seen = documents.list(users.viewer(username), null).documents();
            List<Row> rows = rows("/exports/documents.xlsx", username);
            assertThat(rows.stream().map(r -> text(r, 0)).toList())
                    .isEqualTo(seen.stream().map(d -> ExportRequests.mask(d.title())).toList());
        }
        assertThat(documents.list(users.viewer("admin"), null).documents()).isNotEmpty();
    }
}
