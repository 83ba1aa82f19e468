package org.shouwang.insights.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.insights.ExportAttendance;
import org.shouwang.insights.ExportCommunity;
import org.shouwang.insights.ExportGovernance;
import org.shouwang.insights.ExportHotSpots;
import org.shouwang.insights.ExportParty;
import org.shouwang.insights.ExportSpaces;
import org.shouwang.insights.ExportStudents;
import org.shouwang.insights.ExportStudios;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The other lists of the app as xlsx, for the page (/exports/...) and the API (/api/v1/exports/...)
 * alike: the same service call and scope as the list's page, identifiers masked.
 */
@RestController
@Tag(name = "Exports", description = "Lists as xlsx, in the viewer's scope")
class ExportListsApi {

    private final ExportStudios studios;
    private final ExportCommunity community;
    private final ExportParty party;
    private final ExportGovernance governance;
    private final ExportSpaces spaces;
    private final ExportAttendance attendance;
    private final ExportHotSpots hotSpots;
    private final ExportStudents students;

    ExportListsApi(ExportStudios studios, ExportCommunity community, ExportParty party, ExportGovernance governance,
                   ExportSpaces spaces, ExportAttendance attendance, ExportHotSpots hotSpots, ExportStudents students) {
        this.hotSpots = hotSpots;
        this.students = students;
        this.studios = studios;
        this.community = community;
        this.party = party;
        this.governance = governance;
        this.spaces = spaces;
        this.attendance = attendance;
    }

    @Operation(summary = "The students of /students within the viewer's scope (q: the page's search; classId), every page, "
            + "as xlsx: student number, name, gender, class — no personal identifiers")
    @GetMapping({"/exports/students.xlsx", "/api/v1/exports/students.xlsx"})
    void students(Viewer viewer, @RequestParam(defaultValue = "") @jakarta.validation.constraints.Size(max = 50) String q,
                  @RequestParam(required = false) Long classId, Locale locale, HttpServletResponse response) throws IOException {
        var rows = students.rows(viewer, q, classId);
        ExportsController.start(response, "students.xlsx");
        students.write(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The studio directory of /studios (filters type, building), as xlsx")
    @GetMapping({"/exports/studios.xlsx", "/api/v1/exports/studios.xlsx"})
    void studios(@RequestParam(required = false) String type, @RequestParam(required = false) String building, Locale locale,
                 HttpServletResponse response) throws IOException {
        var rows = studios.studios(type, building);
        ExportsController.start(response, "studios.xlsx");
        studios.writeStudios(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The projects of /projects the viewer sees (filters level, status, studio, overdue), as xlsx")
    @GetMapping({"/exports/projects.xlsx", "/api/v1/exports/projects.xlsx"})
    void projects(Viewer viewer, @RequestParam(required = false) String level, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String studio, @RequestParam(defaultValue = "false") String overdue, Locale locale,
                  HttpServletResponse response) throws IOException {
        var rows = studios.projects(viewer, level, status, studio, "true".equals(overdue));
        ExportsController.start(response, "projects.xlsx");
        studios.writeProjects(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "Duty coverage of /duty/coverage for a month (yyyy-MM) or a week (yyyy-Www, this week by default), "
            + "by person, studio and building, as xlsx; 404 for whom the page refuses")
    @GetMapping({"/exports/duty-coverage.xlsx", "/api/v1/exports/duty-coverage.xlsx"})
    void coverage(Viewer viewer, @RequestParam(required = false) String week, @RequestParam(required = false) String month,
                  @RequestParam(required = false) String studio, Locale locale, HttpServletResponse response) throws IOException {
        var coverage = studios.coverage(viewer, week, month, studio);
        ExportsController.start(response, "duty-coverage.xlsx");
        studios.writeCoverage(coverage, locale, response.getOutputStream());
    }

    @Operation(summary = "Student organisations and their members as the organisation pages show them to the viewer "
            + "(organisation: only that one), as xlsx")
    @GetMapping({"/exports/organisations.xlsx", "/api/v1/exports/organisations.xlsx"})
    void organisations(Viewer viewer, @RequestParam(required = false) Long organisation, Locale locale,
                       HttpServletResponse response) throws IOException {
        var rows = community.organisations(viewer, organisation);
        ExportsController.start(response, "organisations.xlsx");
        community.writeOrganisations(rows, viewer, locale, response.getOutputStream());
    }

    @Operation(summary = "The safety log of /safety the viewer may see (filters category, status, building, from, to), "
            + "as xlsx; 404 for students")
    @GetMapping({"/exports/safety-incidents.xlsx", "/api/v1/exports/safety-incidents.xlsx"})
    void incidents(Viewer viewer, @RequestParam(required = false) String category, @RequestParam(required = false) String status,
                   @RequestParam(required = false) String building, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, Locale locale, HttpServletResponse response) throws IOException {
        var rows = community.incidents(viewer, ExportCommunity.incidentFilter(category, status, building, from, to));
        ExportsController.start(response, "safety-incidents.xlsx");
        community.writeIncidents(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The Party organisations of /party with their public counts by status, as xlsx")
    @GetMapping({"/exports/party.xlsx", "/api/v1/exports/party.xlsx"})
    void partyTree(Locale locale, HttpServletResponse response) throws IOException {
        ExportsController.start(response, "party.xlsx");
        party.writeTree(locale, response.getOutputStream());
    }

    @Operation(summary = "A Party organisation's roster (members by status), as xlsx; 404 for whom /party/{id} shows no roster")
    @GetMapping({"/exports/party/{id}/members.xlsx", "/api/v1/exports/party/{id}/members.xlsx"})
    void partyRoster(Viewer viewer, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        var roster = party.roster(viewer, id);
        ExportsController.start(response, "party-members.xlsx");
        party.writeRoster(roster, locale, response.getOutputStream());
    }

    @Operation(summary = "The partners of /partners (filters kind, ended) with their contacts; phone numbers only for "
            + "those who see them whole, as xlsx")
    @GetMapping({"/exports/partners.xlsx", "/api/v1/exports/partners.xlsx"})
    void partners(Viewer viewer, @RequestParam(required = false) String kind, @RequestParam(defaultValue = "false") boolean ended,
                  Locale locale, HttpServletResponse response) throws IOException {
        var rows = party.partners(viewer, kind, ended);
        ExportsController.start(response, "partners.xlsx");
        party.writePartners(rows, viewer, locale, response.getOutputStream());
    }

    @Operation(summary = "The mentors of /mentors (filters expertise, q) and, for staff, their participation, as xlsx")
    @GetMapping({"/exports/mentors.xlsx", "/api/v1/exports/mentors.xlsx"})
    void mentors(Viewer viewer, @RequestParam(required = false) String expertise, @RequestParam(required = false) String q,
                 Locale locale, HttpServletResponse response) throws IOException {
        var rows = party.mentors(viewer, expertise, q);
        ExportsController.start(response, "mentors.xlsx");
        party.writeMentors(rows, viewer, locale, response.getOutputStream());
    }

    @Operation(summary = "The action items of /governance/actions (mine: the viewer's department's), as xlsx; 404 as the page")
    @GetMapping({"/exports/action-items.xlsx", "/api/v1/exports/action-items.xlsx"})
    void actions(Viewer viewer, @RequestParam(required = false) String mine, Locale locale, HttpServletResponse response)
            throws IOException {
        var rows = governance.actions(viewer, mine != null);
        ExportsController.start(response, "action-items.xlsx");
        governance.writeActions(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The meetings of a year on /governance (year, this year by default), as xlsx; 404 as the page")
    @GetMapping({"/exports/meetings.xlsx", "/api/v1/exports/meetings.xlsx"})
    void meetings(Viewer viewer, @RequestParam(required = false) String year, Locale locale, HttpServletResponse response)
            throws IOException {
        var overview = governance.meetings(viewer, year);
        ExportsController.start(response, "meetings.xlsx");
        governance.writeMeetings(overview, locale, response.getOutputStream());
    }

    @Operation(summary = "Bookings of the spaces the viewer manages from today (state filters; 404 as /spaces/manage) or, "
            + "with mine=true, the viewer's own bookings, as xlsx")
    @GetMapping({"/exports/space-bookings.xlsx", "/api/v1/exports/space-bookings.xlsx"})
    void bookings(Viewer viewer, @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String state,
                  Locale locale, HttpServletResponse response) throws IOException {
        var rows = spaces.bookings(viewer, mine, state);
        ExportsController.start(response, "space-bookings.xlsx");
        spaces.writeBookings(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The space usage report of /spaces/usage (from, to as yyyy-MM-dd; kind, building), as xlsx; 404 as the page")
    @GetMapping({"/exports/space-usage.xlsx", "/api/v1/exports/space-usage.xlsx"})
    void usage(Viewer viewer, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
               @RequestParam(required = false) String kind, @RequestParam(required = false) String building, Locale locale,
               HttpServletResponse response) throws IOException {
        var report = spaces.usage(viewer, from, to, kind, building);
        ExportsController.start(response, "space-usage.xlsx");
        spaces.writeUsage(report, locale, response.getOutputStream());
    }

    @Operation(summary = "An activity's attendance list (present, pending, refused, no-shows), as xlsx; 404 for whom "
            + "/activities/{id}/attendance refuses")
    @GetMapping({"/exports/activities/{id}/attendance.xlsx", "/api/v1/exports/activities/{id}/attendance.xlsx"})
    void attendance(Viewer viewer, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        var sheet = attendance.sheet(viewer, id);
        ExportsController.start(response, "attendance-" + id + ".xlsx");
        attendance.write(sheet, locale, response.getOutputStream());
    }

    @Operation(summary = "The month's hot spots of /insights/hot-spots (month yyyy-MM, this month by default), as xlsx; "
            + "request numbers only, never content; 404 for whom the page refuses")
    @GetMapping({"/exports/hot-spots.xlsx", "/api/v1/exports/hot-spots.xlsx"})
    void hotSpots(Viewer viewer, @RequestParam(required = false) String month, Locale locale, HttpServletResponse response)
            throws IOException {
        var spots = hotSpots.month(viewer, month);
        ExportsController.start(response, "hot-spots.xlsx");
        hotSpots.write(spots, locale, response.getOutputStream());
    }

    @Operation(summary = "The appointments of /appointments: a student's own; for studio staff their studios' (confidential "
            + "ones for the psychology centre only), as xlsx; 404 for anyone with neither list")
    @GetMapping({"/exports/appointments.xlsx", "/api/v1/exports/appointments.xlsx"})
    void appointments(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        var rows = studios.appointments(viewer);
        ExportsController.start(response, "appointments.xlsx");
        studios.writeAppointments(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The open rectifications of /inspections/rectifications the viewer may see (overdue=true: only "
            + "overdue ones), rooms only, as xlsx")
    @GetMapping({"/exports/rectifications.xlsx", "/api/v1/exports/rectifications.xlsx"})
    void rectifications(Viewer viewer, @RequestParam(defaultValue = "false") boolean overdue, Locale locale,
                        HttpServletResponse response) throws IOException {
        var rows = community.rectifications(viewer, overdue);
        ExportsController.start(response, "rectifications.xlsx");
        community.writeRectifications(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The documents of /documents the viewer may read (kind filters), titles and versions only, as xlsx")
    @GetMapping({"/exports/documents.xlsx", "/api/v1/exports/documents.xlsx"})
    void documents(Viewer viewer, @RequestParam(required = false) String kind, Locale locale, HttpServletResponse response)
            throws IOException {
        var rows = governance.documents(viewer, kind);
        ExportsController.start(response, "documents.xlsx");
        governance.writeDocuments(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The duty roster of a week (week yyyy-Www, this week by default; studio, building) as /duty/roster "
            + "shows it, as xlsx; 404 for whom the page refuses")
    @GetMapping({"/exports/duty-week.xlsx", "/api/v1/exports/duty-week.xlsx"})
    void dutyWeek(Viewer viewer, @RequestParam(required = false) String week, @RequestParam(required = false) String studio,
                  @RequestParam(required = false) String building, Locale locale, HttpServletResponse response) throws IOException {
        var shown = studios.week(viewer, week, studio, building);
        ExportsController.start(response, "duty-week.xlsx");
        studios.writeWeek(shown, locale, response.getOutputStream());
    }

    @Operation(summary = "The spaces of /spaces (filters kind, building), as xlsx")
    @GetMapping({"/exports/spaces.xlsx", "/api/v1/exports/spaces.xlsx"})
    void spaces(@RequestParam(required = false) String kind, @RequestParam(required = false) String building, Locale locale,
                HttpServletResponse response) throws IOException {
        var rows = spaces.spaces(kind, building);
        ExportsController.start(response, "spaces.xlsx");
        spaces.writeSpaces(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "An inspection round's rooms with their scores and defects, as xlsx; 404 for whom /inspections/rounds/{id} refuses")
    @GetMapping({"/exports/inspections/rounds/{id}/results.xlsx", "/api/v1/exports/inspections/rounds/{id}/results.xlsx"})
    void round(Viewer viewer, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        var round = community.round(viewer, id);
        ExportsController.start(response, "inspection-round-" + id + ".xlsx");
        community.writeRound(round, locale, response.getOutputStream());
    }
}
