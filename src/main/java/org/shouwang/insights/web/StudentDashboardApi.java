package org.shouwang.insights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.insights.StudentDashboard;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The student's dashboard as JSON. */
@RestController
@Tag(name = "Insights")
class StudentDashboardApi {

    private final StudentDashboard dashboard;

    StudentDashboardApi(StudentDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/insights/student")
    @Operation(summary = "The signed-in student's open requests and what waits on them, their places on activities not yet over, "
            + "and this semester's growth record by five-education dimension (students only)")
    StudentDashboard.Dashboard student(Viewer viewer) {
        return dashboard.dashboard(viewer);
    }
}
