package org.shouwang.insights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.insights.BuildingDashboard;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The building dashboard's figures as JSON. */
@RestController
@Tag(name = "Insights")
class BuildingDashboardApi {

    private final BuildingDashboard dashboard;

    BuildingDashboardApi(BuildingDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/insights/building")
    @Operation(summary = "A building's month: requests per floor and room (psychology, legal and safety only as totals, "
            + "\"<5\" as null), the latest inspection round's scores and the building's rank, who is on duty now. "
            + "Building managers and leaders: their buildings; floor leaders: their floors; leaders, admins, student affairs: any")
    BuildingDashboard.Dashboard building(Viewer viewer, @RequestParam(required = false) Long building,
                                         @RequestParam(required = false) String month) {
        dashboard.require(viewer);
        return dashboard.dashboard(viewer, building, dashboard.month(month));
    }
}
