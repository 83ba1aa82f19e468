package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.ActivityViews;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportActivitiesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired ExportActivities exports;

    /** The rows below the header. */
    private List<Row> rows(String path, String username) throws Exception {
        List<Row> all = Workbooks.rows(mvc, users.as(username), path);
        return all.subList(1, all.size());
    }

    @Test
    void anOrganisersAndAnApproversExportsHoldTheRowsTheServiceGivesThem() throws Exception {
        int total = 0;
        for (String[] c : List.of(new String[]{"affairs", "PENDING"}, new String[]{"affairs", "ORGANISED"},
                new String[]{"admin", "ORGANISED"}, new String[]{"studio", ""})) {
            Viewer viewer = users.viewer(c[0]);
            List<ActivityViews.Row> seen = exports.rows(viewer, exports.filter(viewer, c[1], null, null, null, null, null, null, null));
            List<Row> rows = rows("/exports/activities.xlsx?scope=" + c[1], c[0]);
            assertThat(rows).hasSameSizeAs(seen);
            total += seen.size();
            for (int i = 0; i < seen.size(); i++) {
                assertThat(rows.get(i).getCellText(0)).isEqualTo(seen.get(i).title());
                assertThat(rows.get(i).getCellAsNumber(8).orElseThrow().intValue()).isEqualTo(seen.get(i).capacity());
            }
        }
        assertThat(total).as("the demo campus gives these viewers activities to export").isPositive();

        // A brand narrows the export as it narrows the list.
        boolean checked = false;
        for (String username : List.of("admin", "affairs", "studio", "counsellor")) {
            Viewer viewer = users.viewer(username);
            List<ActivityViews.Row> organised = exports.rows(viewer, exports.filter(viewer, "ORGANISED", null, null, null, null, null, null, null));
            String brand = organised.stream().map(ActivityViews.Row::brand).filter(b -> b != null && !b.isBlank()).findFirst().orElse(null);
            if (brand == null) {
                continue;
            }
            List<ActivityViews.Row> branded = exports.rows(viewer, exports.filter(viewer, "ORGANISED", null, null, null, brand, null, null, null));
            List<Row> rows = rows("/exports/activities.xlsx?scope=ORGANISED&brand=" + brand, username);
            assertThat(rows).extracting(r -> r.getCellText(0)).containsExactlyElementsOf(branded.stream().map(ActivityViews.Row::title).toList());
            assertThat(branded).isNotEmpty().allMatch(r -> brand.equals(r.brand()));
            checked = true;
        }
        assertThat(checked).as("some organiser has activities with a brand").isTrue();
    }

    @Test
    void studentsAndNonApproversAreRefusedAndBadFiltersAreFieldErrors() throws Exception {
        mvc.perform(get("/exports/activities.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exports/activities.xlsx?scope=PENDING").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exports/activities.xlsx?scope=PUBLIC").with(users.as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exports/activities.xlsx?type=NOPE").with(users.as("admin"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/exports/activities.xlsx?from=2024-02-31").with(users.as("admin"))).andExpect(status().isBadRequest());
    }
}
