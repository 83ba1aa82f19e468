package org.shouwang.insights.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.insights.LeaderDashboard;
import org.shouwang.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leader dashboard's figures as JSON. */
@RestController
@Tag(name = "Insights")
class LeaderDashboardApi {

    private final LeaderDashboard dashboard;

    LeaderDashboardApi(LeaderDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/insights/leader")
    @Operation(summary = "Campus-wide request KPIs and activity counts of a period (leaders, admins, student affairs)")
    LeaderDashboard.Dashboard leader(Viewer viewer,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard.dashboard(viewer, from, to);
    }

    @GetMapping("/api/v1/insights/leader/counts")
    @Operation(summary = "Today's counts of studios, projects (overdue), partners, mentors, functional Party branches and members, front-line records")
    LeaderDashboard.Counts counts(Viewer viewer) {
        return dashboard.counts(viewer);
    }
}
