package org.shouwang.insights;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every list page shows its export link, and the link downloads an xlsx for the same viewer. */
@IntegrationTest
class ExportLinksTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    private void linked(String page, String username, String id, String export) throws Exception {
        Workbooks.linked(mvc, users.as(username), page, id, export);
    }

    @Test
    void everyListPageLinksItsExport() throws Exception {
        linked("/studios", "student", "export-studios", "/exports/studios.xlsx");
        linked("/projects?level=NOPE", "admin", "export-projects", "/exports/projects.xlsx");
        linked("/duty/coverage", "affairs", "export-coverage", "/exports/duty-coverage.xlsx");
        linked("/duty/coverage?month=2026-10", "affairs", "export-coverage", "/exports/duty-coverage.xlsx");
        linked("/duty/roster", "affairs", "export-week", "/exports/duty-week.xlsx");
        linked("/appointments", "psych", "export-appointments", "/exports/appointments.xlsx");
        linked("/appointments", "student", "export-appointments", "/exports/appointments.xlsx");
        linked("/organisations", "student", "export-organisations", "/exports/organisations.xlsx");
        long organisation = jdbc.sql("SELECT id FROM student_organisation WHERE active ORDER BY id").query(Long.class).list().get(0);
        linked("/organisations/" + organisation, "counsellor", "export-members", "/exports/organisations.xlsx");
        linked("/safety?category=THEFT", "police", "export-incidents", "/exports/safety-incidents.xlsx");
        linked("/inspections/rectifications", "admin", "export-rectifications", "/exports/rectifications.xlsx");
        linked("/party", "student", "export-party", "/exports/party.xlsx");
        long branch = jdbc.sql("SELECT organisation_id FROM party_member WHERE active ORDER BY organisation_id").query(Long.class).list().get(0);
        linked("/party/" + branch, "party", "export-roster", "/exports/party/" + branch + "/members.xlsx");
        linked("/partners", "admin", "export-partners", "/exports/partners.xlsx");
        linked("/mentors", "counsellor", "export-mentors", "/exports/mentors.xlsx");
        linked("/governance/actions", "leader", "export-actions", "/exports/action-items.xlsx");
        linked("/governance", "leader", "export-meetings", "/exports/meetings.xlsx");
        linked("/documents", "student", "export-documents", "/exports/documents.xlsx");
        linked("/spaces", "student", "export-spaces", "/exports/spaces.xlsx");
        linked("/spaces/manage", "manager", "export-bookings", "/exports/space-bookings.xlsx");
        linked("/spaces/bookings", "student", "export-my-bookings", "/exports/space-bookings.xlsx");
        linked("/spaces/usage", "admin", "export-usage", "/exports/space-usage.xlsx");
        linked("/insights/hot-spots?month=2026-10", "leader", "export-hot-spots", "/exports/hot-spots.xlsx");
        linked("/students?q=2", "counsellor", "export-students", "/exports/students.xlsx");
        // The roster link only where the page shows the roster.
        String html = mvc.perform(get("/party/" + branch).with(users.as("student"))).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("export-roster");
        for (String path : List.of("/exports/studios.xlsx", "/api/v1/exports/party.xlsx", "/exports/spaces.xlsx")) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isIn(302, 401, 403);
        }
    }
}
