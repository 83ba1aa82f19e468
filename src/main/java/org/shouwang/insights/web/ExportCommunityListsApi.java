package org.shouwang.insights.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.insights.ExportAppeals;
import org.shouwang.insights.ExportPartyDorms;
import org.shouwang.insights.ExportPeople;
import org.shouwang.insights.ExportResidence;
import org.shouwang.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appeals, Party dorms, zones and branch activities, the school's structure and the residence lists as xlsx, for the
 * page (/exports/...) and the API (/api/v1/exports/...) alike: the same service call and scope as the list's page.
 */
@RestController
@Tag(name = "Exports", description = "Lists as xlsx, in the viewer's scope")
class ExportCommunityListsApi {

    private final ExportAppeals appeals;
    private final ExportPartyDorms party;
    private final ExportPeople people;
    private final ExportResidence residence;

    ExportCommunityListsApi(ExportAppeals appeals, ExportPartyDorms party, ExportPeople people, ExportResidence residence) {
        this.appeals = appeals;
        this.party = party;
        this.people = people;
        this.residence = residence;
    }

    @Operation(summary = "The pending inspection appeals of /inspections/appeals the viewer may decide, as xlsx; 404 for whom "
            + "the page refuses")
    @GetMapping({"/exports/inspection-appeals.xlsx", "/api/v1/exports/inspection-appeals.xlsx"})
    void inspectionAppeals(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        var rows = appeals.inspection(viewer);
        ExportsController.start(response, "inspection-appeals.xlsx");
        appeals.writeInspection(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The viewer's own space no-shows with their appeals (/spaces/appeals), as xlsx")
    @GetMapping({"/exports/space-no-shows.xlsx", "/api/v1/exports/space-no-shows.xlsx"})
    void spaceNoShows(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        var rows = appeals.spaceMine(viewer);
        ExportsController.start(response, "space-no-shows.xlsx");
        appeals.writeSpaceMine(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The no-show appeals of the spaces the viewer manages (/spaces/appeals/manage), as xlsx; 404 for "
            + "anyone managing no space")
    @GetMapping({"/exports/space-appeals.xlsx", "/api/v1/exports/space-appeals.xlsx"})
    void spaceAppeals(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        var rows = appeals.spaceToDecide(viewer);
        ExportsController.start(response, "space-appeals.xlsx");
        appeals.writeSpaceToDecide(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The rooms where members of a Party organisation the viewer manages live, marked as Party-member "
            + "dorms or not (/party/dorms; org as there), as xlsx; 404 for anyone managing none")
    @GetMapping({"/exports/party-dorms.xlsx", "/api/v1/exports/party-dorms.xlsx"})
    void partyDorms(Viewer viewer, @RequestParam(required = false) String org, Locale locale, HttpServletResponse response)
            throws IOException {
        var shown = party.dorms(viewer, org);
        ExportsController.start(response, "party-dorms.xlsx");
        party.writeDorms(shown, locale, response.getOutputStream());
    }

    @Operation(summary = "A Party organisation's responsibility zones with their figures (/party/{id}/zones), as xlsx; 404 for "
            + "anyone who does not manage it")
    @GetMapping({"/exports/party/{id}/zones.xlsx", "/api/v1/exports/party/{id}/zones.xlsx"})
    void zones(Viewer viewer, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        var rows = party.zones(viewer, id);
        ExportsController.start(response, "zones.xlsx");
        party.writeZones(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The responsibility zones given to the viewer (/party/zone) with their figures, as xlsx")
    @GetMapping({"/exports/my-zones.xlsx", "/api/v1/exports/my-zones.xlsx"})
    void myZones(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        var rows = party.zones(viewer, null);
        ExportsController.start(response, "my-zones.xlsx");
        party.writeZones(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "A Party branch's activities of a year (year yyyy, this year by default) with counts by type and, where "
            + "/party/{id}/activities shows it, members' attendance (political status for Party roles and administrators), "
            + "as xlsx; 404 for no such organisation")
    @GetMapping({"/exports/party/{id}/activities.xlsx", "/api/v1/exports/party/{id}/activities.xlsx"})
    void branchActivities(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String year, Locale locale,
                          HttpServletResponse response) throws IOException {
        var branch = party.activities(viewer, id, year);
        ExportsController.start(response, "branch-activities.xlsx");
        party.writeActivities(branch, viewer, locale, response.getOutputStream());
    }

    @Operation(summary = "Colleges with their counts, their majors and classes (college: only that one), as xlsx; staff only "
            + "(404 for anyone else)")
    @GetMapping({"/exports/colleges.xlsx", "/api/v1/exports/colleges.xlsx"})
    void colleges(Viewer viewer, @RequestParam(required = false) Long college, Locale locale, HttpServletResponse response)
            throws IOException {
        var rows = people.colleges(viewer, college);
        ExportsController.start(response, "colleges.xlsx");
        people.writeColleges(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "The classes the viewer counsels or heads (/classes/mine) with their counts, as xlsx")
    @GetMapping({"/exports/my-classes.xlsx", "/api/v1/exports/my-classes.xlsx"})
    void myClasses(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        var rows = people.myClasses(viewer);
        ExportsController.start(response, "my-classes.xlsx");
        people.writeClasses(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "Communities and buildings with their occupancy (community: only that one; staff only, 404 for anyone "
            + "else) or, with mine=true, the buildings the viewer serves (/buildings/mine), as xlsx")
    @GetMapping({"/exports/buildings.xlsx", "/api/v1/exports/buildings.xlsx"})
    void buildings(Viewer viewer, @RequestParam(required = false) Long community, @RequestParam(defaultValue = "false") boolean mine,
                   Locale locale, HttpServletResponse response) throws IOException {
        var rows = residence.buildings(viewer, community, mine);
        ExportsController.start(response, "buildings.xlsx");
        residence.writeBuildings(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "A building's rooms with beds taken, held and free and the Party-member dorm badge (no occupants), "
            + "as xlsx; 404 for whom /buildings/{id} refuses")
    @GetMapping({"/exports/buildings/{id}/rooms.xlsx", "/api/v1/exports/buildings/{id}/rooms.xlsx"})
    void rooms(Viewer viewer, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        var rows = residence.rooms(viewer, id);
        ExportsController.start(response, "building-" + id + "-rooms.xlsx");
        residence.writeRooms(rows, locale, response.getOutputStream());
    }

    @Operation(summary = "A student's stays (beds, from, until, why ended), as xlsx; 404 outside the viewer's scope")
    @GetMapping({"/exports/students/{id}/stays.xlsx", "/api/v1/exports/students/{id}/stays.xlsx"})
    void stays(Viewer viewer, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        var rows = residence.stays(viewer, id);
        ExportsController.start(response, "stays-" + id + ".xlsx");
        residence.writeStays(rows, locale, response.getOutputStream());
    }
}
