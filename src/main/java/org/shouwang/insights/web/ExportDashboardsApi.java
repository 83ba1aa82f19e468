package org.shouwang.insights.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.insights.ExportDashboards;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboards' tables as xlsx, for the page (/exports/...) and the API (/api/v1/exports/...) alike. */
@RestController
@Tag(name = "Exports", description = "Lists as xlsx, in the viewer's scope")
class ExportDashboardsApi {

    private final ExportDashboards dashboards;

    ExportDashboardsApi(ExportDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @Operation(summary = "The tables of /insights/classes for a semester (e.g. 2026-FALL, the current one by default): per "
            + "class, students with no attended activity, participation by the five educations, as xlsx; 404 for anyone but "
            + "a counsellor or head teacher with classes")
    @GetMapping({"/exports/insights-classes.xlsx", "/api/v1/exports/insights-classes.xlsx"})
    void classes(Viewer viewer, @RequestParam(required = false) String semester, Locale locale, HttpServletResponse response)
            throws IOException {
        var dashboard = dashboards.classes(viewer, semester);
        ExportsController.start(response, "classes.xlsx");
        dashboards.writeClasses(dashboard, locale, response.getOutputStream());
    }

    @Operation(summary = "The tables of /insights/building for a building and month (yyyy-MM): requests and inspection score "
            + "per floor and room, psychology/legal/safety only as the area's totals (<5 below five), as xlsx; 404 for a "
            + "building or floor outside the viewer's area")
    @GetMapping({"/exports/insights-building.xlsx", "/api/v1/exports/insights-building.xlsx"})
    void building(Viewer viewer, @RequestParam(required = false) Long building, @RequestParam(required = false) String month,
                  Locale locale, HttpServletResponse response) throws IOException {
        var dashboard = dashboards.building(viewer, building, month);
        ExportsController.start(response, "building.xlsx");
        dashboards.writeBuilding(dashboard, locale, response.getOutputStream());
    }
}
