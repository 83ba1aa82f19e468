package org.shouwang.insights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.insights.ClassesDashboard;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The counsellor's and head teacher's dashboard as JSON. */
@RestController
@Tag(name = "Insights")
class ClassesDashboardApi {

    private final ClassesDashboard dashboard;

    ClassesDashboardApi(ClassesDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/insights/classes")
    @Operation(summary = "Per class the viewer counsels or heads, and in total: open and overdue requests (psychology only counted, "
            + "small sensitive groups suppressed), students without an attended activity in the semester, participation by "
            + "five-education dimension (counsellors and head teachers)")
    ClassesDashboard.Dashboard classes(Viewer viewer,
                                       @Parameter(description = "semester as 2033-1 (autumn) or 2032-2 (spring); default the current one")
                                       @RequestParam(required = false) String semester) {
        return dashboard.dashboard(viewer, semester);
    }
}
