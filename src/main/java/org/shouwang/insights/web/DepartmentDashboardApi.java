package org.shouwang.insights.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.insights.DepartmentDashboard;
import org.shouwang.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The department dashboard's figures as JSON. */
@RestController
@Tag(name = "Insights")
class DepartmentDashboardApi {

    private final DepartmentDashboard dashboard;

    DepartmentDashboardApi(DepartmentDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/insights/department")
    @Operation(summary = "A department's queue now (by state, extended, supervised by level), deadline risk (due within 24 "
            + "working hours, overdue) and the KPIs of a period with their monthly trend. Department heads: their department; "
            + "leaders, admins, student affairs: any (the first when none is given)")
    DepartmentDashboard.Dashboard department(Viewer viewer, @RequestParam(required = false) Long department,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        dashboard.require(viewer);
        return dashboard.dashboard(viewer, department, from, to);
    }
}
