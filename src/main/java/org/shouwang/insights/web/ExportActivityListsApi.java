package org.shouwang.insights.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.insights.ExportFrontLine;
import org.shouwang.insights.ExportGrowth;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activities module's other lists as xlsx, for the page (/exports/...) and the API
 * (/api/v1/exports/...) alike: the leaders' front line, the activity counts, the growth classes and
 * the late entries, each with the same service call and scope as its page.
 */
@RestController
@Tag(name = "Exports", description = "Lists as xlsx, in the viewer's scope")
class ExportActivityListsApi {

    private final ExportFrontLine frontLine;
    private final ExportGrowth growth;

    ExportActivityListsApi(ExportFrontLine frontLine, ExportGrowth growth) {
        this.frontLine = frontLine;
        this.growth = growth;
    }

    @Operation(summary = "The leaders' front line of a year as /front-line shows it (year, this year by default): every "
            + "leader against the target and by type for student affairs and admins, a leader their own with their "
            + "activities, as xlsx; anyone else 404")
    @GetMapping({"/exports/front-line.xlsx", "/api/v1/exports/front-line.xlsx"})
    void frontLine(Viewer viewer, @RequestParam(required = false) String year, Locale locale, HttpServletResponse response)
            throws IOException {
        var summary = frontLine.summary(viewer, year);
        ExportsController.start(response, "front-line-" + summary.summary().year() + ".xlsx");
        frontLine.writeSummary(summary, locale, response.getOutputStream());
    }

    @Operation(summary = "One leader's front-line activities of a year (year, this year by default) with seats, attendance "
            + "and issues, as xlsx; for the leader themself, student affairs and admins, anyone else 404")
    @GetMapping({"/exports/front-line/leaders/{leaderAccountId}.xlsx", "/api/v1/exports/front-line/leaders/{leaderAccountId}.xlsx"})
    void frontLineLeader(Viewer viewer, @PathVariable long leaderAccountId, @RequestParam(required = false) String year,
                         Locale locale, HttpServletResponse response) throws IOException {
        var record = frontLine.record(viewer, leaderAccountId, year);
        ExportsController.start(response, "front-line-" + leaderAccountId + "-" + record.summary().year() + ".xlsx");
        frontLine.writeRecord(record, locale, response.getOutputStream());
    }

    @Operation(summary = "The issues raised at a front-line activity: request number, category, state; who raised it and "
            + "a summary only for whom the page shows them (never psychology content), as xlsx; 404 for whom "
            + "/activities/{id}/issues refuses")
    @GetMapping({"/exports/activities/{id}/issues.xlsx", "/api/v1/exports/activities/{id}/issues.xlsx"})
    void issues(Viewer viewer, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        var issues = frontLine.issues(viewer, id);
        ExportsController.start(response, "issues-" + id + ".xlsx");
        frontLine.writeIssues(issues, locale, response.getOutputStream());
    }

    @Operation(summary = "The activity counts of /activities/counts for a period (from, to as yyyy-MM-dd; the current "
            + "semester without them), a sheet per breakdown: type, series, brand, five educations, organiser, college, "
            + "building; aggregate figures, as xlsx; anyone but staff 404")
    @GetMapping({"/exports/activity-counts.xlsx", "/api/v1/exports/activity-counts.xlsx"})
    void counts(Viewer viewer, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Locale locale, HttpServletResponse response) throws IOException {
        var reports = growth.counts(viewer, from, to);
        ExportsController.start(response, "activity-counts.xlsx");
        growth.writeCounts(reports, locale, response.getOutputStream());
    }

    @Operation(summary = "The classes of /growth/classes with their student counts: a counsellor's or head teacher's own, "
            + "for student affairs and admins one college's (college, the first by default), as xlsx; anyone else 404")
    @GetMapping({"/exports/growth-classes.xlsx", "/api/v1/exports/growth-classes.xlsx"})
    void classes(Viewer viewer, @RequestParam(required = false) Long college, Locale locale, HttpServletResponse response)
            throws IOException {
        var classes = growth.classes(viewer, college);
        ExportsController.start(response, "growth-classes.xlsx");
        growth.writeClasses(classes, locale, response.getOutputStream());
    }

    @Operation(summary = "The late entries (补录) waiting for approval, oldest first, as /activities/late-entries lists them, "
            + "notes masked, as xlsx; anyone but student affairs and admins 404")
    @GetMapping({"/exports/late-entries.xlsx", "/api/v1/exports/late-entries.xlsx"})
    void lateEntries(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        var entries = growth.lateEntries(viewer);
        ExportsController.start(response, "late-entries.xlsx");
        growth.writeLateEntries(entries, locale, response.getOutputStream());
    }
}
