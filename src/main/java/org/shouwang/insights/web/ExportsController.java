package org.shouwang.insights.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.insights.ExportActivities;
import org.shouwang.insights.ExportHonours;
import org.shouwang.insights.ExportKpis;
import org.shouwang.insights.ExportRankings;
import org.shouwang.insights.ExportRequests;
import org.shouwang.activities.ActivityViews;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.TicketKpis;
import org.shouwang.tickets.TicketViews;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists as xlsx, for the page (/exports/...) and the API (/api/v1/exports/...) alike: the viewer's scope, identifiers masked. */
@RestController
@Tag(name = "Exports", description = "Lists as xlsx, in the viewer's scope")
class ExportsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ExportRequests requests;
    private final ExportKpis kpis;
    private final ExportActivities activities;
    private final ExportRankings rankings;
    private final ExportHonours honours;

    ExportsController(ExportRequests requests, ExportKpis kpis, ExportActivities activities, ExportRankings rankings,
                      ExportHonours honours) {
        this.honours = honours;
        this.rankings = rankings;
        this.requests = requests;
        this.kpis = kpis;
        this.activities = activities;
    }

    @Operation(summary = "The request list the viewer sees on /requests (same filters), as xlsx; psychology texts withheld")
    @GetMapping({"/exports/requests.xlsx", "/api/v1/exports/requests.xlsx"})
    void requests(Viewer viewer, @RequestParam(required = false) String queue, @RequestParam(required = false) String state,
                  @RequestParam(required = false) String category, @RequestParam(defaultValue = "false") boolean overdue,
                  @RequestParam(defaultValue = "false") boolean supervised, @RequestParam(defaultValue = "") String q,
                  Locale locale, HttpServletResponse response) throws IOException {
        TicketViews.Filter filter = requests.filter(viewer, queue, state, category, q, overdue, supervised);
        var rows = requests.rows(viewer, filter);
        start(response, "requests.xlsx");
        requests.write(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The request KPI table of [from, to) (yyyy-MM-dd; this month without dates) by CATEGORY (default), "
            + "DEPARTMENT, COLLEGE, BUILDING, FLOOR or MONTH, of one department (department: its id) or all, as xlsx; a "
            + "department head gets their department (another 404), anyone but admins, leaders, student affairs and the desk 404")
    @GetMapping({"/exports/request-kpis.xlsx", "/api/v1/exports/request-kpis.xlsx"})
    void requestKpis(Viewer viewer, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String by, @RequestParam(required = false) Long department, Locale locale,
                     HttpServletResponse response) throws IOException {
        TicketKpis.Report report = kpis.report(viewer, from, to, by, department);
        start(response, "request-kpis.xlsx");
        kpis.write(report, locale, response.getOutputStream());
    }

    @Operation(summary = "The activities the viewer organises (scope=ORGANISED, staff) or that wait for approval "
            + "(scope=PENDING, admins and student affairs), with the filters of /activities, as xlsx; anyone else 404")
    @GetMapping({"/exports/activities.xlsx", "/api/v1/exports/activities.xlsx"})
    void activities(Viewer viewer, @RequestParam(required = false) String scope, @RequestParam(required = false) String education,
                    @RequestParam(required = false) String type, @RequestParam(required = false) String series,
                    @RequestParam(required = false) String brand,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String q, Locale locale, HttpServletResponse response) throws IOException {
        ActivityViews.Filter filter = activities.filter(viewer, scope, education, type, series, brand, from, to, q);
        var rows = activities.rows(viewer, filter);
        start(response, "activities.xlsx");
        activities.write(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The month's civilised-dorm ratings (month yyyy-MM, this month by default) by floor, building, college "
            + "and room, narrowed to what the viewer may see, as xlsx; 404 for whom /inspections/rankings refuses")
    @GetMapping({"/exports/inspection-rankings.xlsx", "/api/v1/exports/inspection-rankings.xlsx"})
    void inspectionRankings(Viewer viewer, @RequestParam(required = false) String month, Locale locale,
                            HttpServletResponse response) throws IOException {
        var report = rankings.rankings(viewer, month);
        start(response, "inspection-rankings.xlsx");
        rankings.write(report, locale, response.getOutputStream());
    }

    @Operation(summary = "The honours of /honours (filters level, holder, year as on the page), as xlsx")
    @GetMapping({"/exports/honours.xlsx", "/api/v1/exports/honours.xlsx"})
    void honours(Viewer viewer, @RequestParam(required = false) String level, @RequestParam(required = false) String holder,
                 @RequestParam(required = false) String year, Locale locale, HttpServletResponse response) throws IOException {
        var rows = honours.rows(viewer, level, holder, year);
        start(response, "honours.xlsx");
        honours.write(rows, locale, response.getOutputStream());
    }

    static void start(HttpServletResponse response, String name) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "no-store");
    }
}
