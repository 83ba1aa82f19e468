package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboards' tables as xlsx hold what the dashboard shows the same viewer, and nothing for anyone else. */
@IntegrationTest
class ExportDashboardsTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired ClassesDashboard classes;
    @Autowired BuildingDashboard buildings;
    @Autowired DepartmentDashboard departments;

    @Test
    void aCounsellorExportsTheirClassesFiguresAndTheStudentsWithoutAnActivity() throws Exception {
        ClassesDashboard.Dashboard d = classes.dashboard(users.viewer("counsellor"), null);
        String url = Workbooks.linked(mvc, users.as("counsellor"), "/insights/classes", "export-classes",
                "/exports/insights-classes.xlsx");
        assertThat(url).contains("semester=" + d.semester());
        List<List<Row>> sheets = Workbooks.sheets(mvc, users.as("counsellor"), "/api/v1/exports/insights-classes.xlsx");

        List<Row> perClass = sheets.get(0);
        assertThat(perClass).hasSize(d.classes().size() + 2);
        assertThat(perClass.subList(1, perClass.size() - 1)).extracting(r -> text(r, 0))
                .containsExactlyElementsOf(d.classes().stream().map(ClassesDashboard.ClassFigures::name).toList());
        Row total = perClass.get(perClass.size() - 1);
        assertThat(number(total, 1)).isEqualTo(d.total().students());
        assertThat(number(total, 2)).isEqualTo(d.total().open());
        assertThat(number(total, 5)).isEqualTo(d.total().withoutActivity());

        List<Row> idle = sheets.get(1);
        assertThat(idle).hasSize(d.withoutActivity().size() + 1);
        assertThat(idle.subList(1, idle.size())).extracting(r -> text(r, 0))
                .containsExactlyElementsOf(d.withoutActivity().stream().map(ClassesDashboard.IdleStudent::studentNumber).toList());
        assertThat(sheets.get(2)).hasSize(d.total().byEducation().size() + 1);

        for (String refused : List.of("student", "manager", "handler")) {
            mvc.perform(get("/exports/insights-classes.xlsx").with(users.as(refused))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/exports/insights-classes.xlsx?semester=nope").with(users.as("counsellor")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aBuildingsExportHasItsRoomsForTheManagerAndOnlyTheirFloorsForAFloorLeader() throws Exception {
        BuildingDashboard.Dashboard whole = buildings.dashboard(users.viewer("manager"), null, null);
        Workbooks.linked(mvc, users.as("manager"), "/insights/building", "export-building", "/exports/insights-building.xlsx");
        List<List<Row>> sheets = Workbooks.sheets(mvc, users.as("manager"),
                "/exports/insights-building.xlsx?building=" + whole.buildingId());
        long rooms = whole.floors().stream().mapToLong(f -> f.rooms().size()).sum();
        assertThat(sheets.get(0)).hasSize((int) rooms + 2);
        assertThat(text(sheets.get(0).get(0), 0)).contains(whole.building());
        assertThat(sheets.get(0).stream().skip(2).mapToLong(r -> number(r, 2)).sum())
                .isEqualTo(whole.floors().stream().mapToLong(BuildingDashboard.FloorRow::requests).sum());
        assertThat(sheets.get(1)).hasSize(whole.sensitive().size() + 1);

        BuildingDashboard.Dashboard floors = buildings.dashboard(users.viewer("floorleader"), null, null);
        assertThat(floors.floorsOnly()).isNotEmpty();
        List<Row> theirs = Workbooks.rows(mvc, users.as("floorleader"),
                "/exports/insights-building.xlsx?building=" + floors.buildingId());
        assertThat(theirs.stream().skip(2).map(r -> (int) number(r, 0)).distinct().toList())
                .allMatch(floors.floorsOnly()::contains);

        long elsewhere = buildings.buildings(users.viewer("admin")).stream()
                .filter(b -> buildings.buildings(users.viewer("floorleader")).stream().noneMatch(c -> c.id() == b.id()))
                .findFirst().orElseThrow().id();
        mvc.perform(get("/exports/insights-building.xlsx?building=" + elsewhere).with(users.as("floorleader")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/exports/insights-building.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void theDepartmentDashboardLinksTheExportOfItsOwnTableItsDepartmentByMonthOverTheWholePeriod() throws Exception {
        for (String username : List.of("depthead", "leader")) {
            DepartmentDashboard.Dashboard d = departments.dashboard(users.viewer(username), null, null, null);
            String url = Workbooks.linked(mvc, users.as(username), "/insights/department", "export-kpis", "/exports/request-kpis.xlsx");
            assertThat(url).contains("by=MONTH", "department=" + d.departmentId(), "from=" + d.from(),
                    "to=" + d.to().plusDays(1));
            List<Row> rows = Workbooks.rows(mvc, users.as(username), url);
            assertThat(rows).as("title, header, a row per month, total").hasSize(d.trend().size() + 3);
            assertThat(number(rows.get(rows.size() - 1), 1)).as(username).isEqualTo(d.kpis().requests());
        }
        long other = departments.dashboard(users.viewer("leader"), null, null, null).departments().stream()
                .mapToLong(DepartmentDashboard.Choice::id)
                .filter(id -> id != departments.dashboard(users.viewer("depthead"), null, null, null).departmentId())
                .findFirst().orElseThrow();
        mvc.perform(get("/exports/request-kpis.xlsx?department=" + other).with(users.as("depthead"))).andExpect(status().isNotFound());
    }
}
