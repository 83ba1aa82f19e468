package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.community.InspectionAppeals;
import org.shouwang.community.InspectionViews;
import org.shouwang.shared.NotFoundException;
import org.shouwang.spaces.SpaceAppeals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportAppealsTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired InspectionAppeals inspectionAppeals;
    @Autowired SpaceAppeals spaceAppeals;
    @Autowired JdbcClient jdbc;

    private List<Row> rows(String path, String username) throws Exception {
        return Workbooks.rows(mvc, users.as(username), path);
    }

    @Test
    void inspectionAppealsAsTheDecidersSeeThemAndRefusedWhereThePageIs() throws Exception {
        long pending = jdbc.sql("SELECT count(*) FROM inspection_appeal WHERE state = 'PENDING'").query(Long.class).single();
        assertThat(pending).isPositive();
        for (String username : List.of("admin", "manager", "buildingleader", "inspector")) {
            List<InspectionViews.AppealRow> seen;
            try {
                seen = inspectionAppeals.pending(users.viewer(username));
            } catch (NotFoundException refused) {
                mvc.perform(get("/exports/inspection-appeals.xlsx").with(users.as(username))).andExpect(status().isNotFound());
                continue;
            }
            List<Row> rows = rows("/api/v1/exports/inspection-appeals.xlsx", username);
            assertThat(rows).as(username).hasSize(seen.size() + 1);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(text(rows.get(i + 1), 0)).isEqualTo(seen.get(i).building());
                assertThat(text(rows.get(i + 1), 1)).isEqualTo(seen.get(i).room());
                assertThat(number(rows.get(i + 1), 3)).isEqualTo(seen.get(i).deduction());
                assertThat(text(rows.get(i + 1), 4)).isEqualTo(seen.get(i).student());
            }
        }
        assertThat(rows("/exports/inspection-appeals.xlsx", "admin")).hasSize((int) pending + 1);
        // a resident reaches only their room and decides nothing there: the same (empty) list as their page
        assertThat(rows("/exports/inspection-appeals.xlsx", "student"))
                .hasSize(inspectionAppeals.pending(users.viewer("student")).size() + 1).hasSize(1);
        // those whom the page refuses get no export either
        int refused = 0;
        for (String username : List.of("counsellor", "handler", "police", "studio", "psych", "dispatch", "depthead")) {
            try {
                inspectionAppeals.pending(users.viewer(username));
            } catch (NotFoundException e) {
                refused++;
                mvc.perform(get("/inspections/appeals").with(users.as(username))).andExpect(status().isNotFound());
                mvc.perform(get("/exports/inspection-appeals.xlsx").with(users.as(username))).andExpect(status().isNotFound());
            }
        }
        assertThat(refused).isPositive();
        Workbooks.linked(mvc, users.as("admin"), "/inspections/appeals", "export-inspection-appeals", "/exports/inspection-appeals.xlsx");
    }

    @Test
    void aBookersOwnNoShowsWithTheirAppeals() throws Exception {
        String booker = jdbc.sql("SELECT a.username FROM space_no_show_appeal p JOIN account a ON a.id = p.booker_account_id ORDER BY p.id")
                .query(String.class).list().get(0);
        List<SpaceAppeals.NoShow> seen = spaceAppeals.myNoShows(users.viewer(booker));
        assertThat(seen).isNotEmpty();
        List<Row> rows = rows("/exports/space-no-shows.xlsx", booker);
        assertThat(rows).hasSize(seen.size() + 1);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(text(rows.get(i + 1), 0)).isEqualTo(seen.get(i).spaceName());
            if (seen.get(i).appeal() != null) {
                assertThat(text(rows.get(i + 1), 5)).isEqualTo(ExportRequests.mask(seen.get(i).appeal().reason()));
            }
        }
        // someone else's no-shows are not in anyone's own list
        assertThat(rows("/exports/space-no-shows.xlsx", "counsellor")).hasSize(spaceAppeals.myNoShows(users.viewer("counsellor")).size() + 1);
        Workbooks.linked(mvc, users.as(booker), "/spaces/appeals", "export-space-no-shows", "/exports/space-no-shows.xlsx");
    }

    @Test
    void theManagersAppealsOnlyForThoseWhoManageASpace() throws Exception {
        List<SpaceAppeals.Appeal> seen = spaceAppeals.toDecide(users.viewer("admin"));
        List<Row> rows = rows("/api/v1/exports/space-appeals.xlsx", "admin");
        assertThat(rows).hasSize(seen.size() + 1);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(text(rows.get(i + 1), 0)).isEqualTo(seen.get(i).spaceName());
            assertThat(text(rows.get(i + 1), 1)).isEqualTo(seen.get(i).bookerName());
        }
        for (String username : List.of("student", "counsellor")) {
            assertThat(spaceAppeals.managesAny(users.viewer(username))).isFalse();
            mvc.perform(get("/exports/space-appeals.xlsx").with(users.as(username))).andExpect(status().isNotFound());
        }
        Workbooks.linked(mvc, users.as("admin"), "/spaces/appeals/manage", "export-space-appeals", "/exports/space-appeals.xlsx");
    }
}
