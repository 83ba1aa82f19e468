package org.shouwang.community.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.community.OrganisationViews;
import org.shouwang.community.Organisations;
import org.shouwang.community.Position;
import org.shouwang.shared.Fields;
import org.shouwang.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Student organisations over HTTP, the same service as the pages. Values that are not one of those
 * offered and dates that are not YYYY-MM-DD are field errors (400); what the caller may not see or
 * do answers 404.
 */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Student organisations", description = "The principal-assistant group (校长助理团), the self-discipline committee "
        + "(自律委员会), the veterans' association (退役大学生士兵协会) and clubs: members with positions and terms, and the "
        + "activities they organise")
class OrganisationsApi {

    private final Organisations organisations;

    OrganisationsApi(Organisations organisations) {
        this.organisations = organisations;
    }

    record Directory(List<OrganisationViews.Summary> organisations, List<OrganisationViews.Membership> mine) {
    }

    @GetMapping
    @Operation(summary = "The active organisations by kind then name, with their advisor and members serving today",
            description = "mine: the organisations the caller (a student) serves in or will serve in; empty for staff.")
    Directory list(Viewer viewer) {
        return new Directory(organisations.list(), organisations.mine(viewer));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation: members whose term has not ended, past members and activities",
            description = "Student numbers and past members only for staff. A deactivated organisation only for its advisor and "
                    + "administrators (404 for anyone else). moves says what the caller may do.")
    OrganisationViews.Detail detail(Viewer viewer, @PathVariable long id) {
        return organisations.detail(viewer, id);
    }

    @GetMapping("/{id}/activities")
    @Operation(summary = "The activities the organisation organised, newest first",
            description = "Activities whose organiser kind is STUDENT_ORGANISATION and organiser the organisation's name: "
                    + "published ones (and cancelled after publication) for everyone; every state for its advisor and administrators.")
    List<OrganisationViews.Activity> activities(Viewer viewer, @PathVariable long id) {
        return organisations.activities(viewer, id);
    }

    record OrganisationBody(@Schema(description = "Unique, at most 100 characters") String name,
                            @Schema(description = "PRINCIPAL_ASSISTANTS, SELF_DISCIPLINE, VETERANS, CLUB or OTHER") String kind,
                            @Schema(description = "The username of an enabled staff account") String advisorUsername,
                            @Schema(description = "At most 4000 characters") String description,
                            @Schema(description = "YYYY-MM-DD, not in the future", nullable = true) String foundedOn,
                            @Schema(description = "For PUT: the version read; a stale one answers 409", nullable = true) Integer version) {
    }

    record Created(long id) {
    }

    @PostMapping
    @Operation(summary = "Founds an organisation (administrators; anyone else 404)",
            description = "400 with every field error at once; nothing is written then.")
    ResponseEntity<Created> create(Viewer viewer, @RequestBody OrganisationBody body) {
        OrganisationBody b = body == null ? new OrganisationBody(null, null, null, null, null, null) : body;
        long id = organisations.create(viewer, OrganisationInput.draft(b.name(), b.kind(), b.advisorUsername(), b.description(),
                b.foundedOn()));
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + id)).body(new Created(id));
    }

    @PutMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Changes an organisation's particulars (administrators; anyone else 404)",
            description = "With version, refuses (409) when someone changed it meanwhile. 400 with field errors; nothing written then.")
    void revise(Viewer viewer, @PathVariable long id, @RequestBody OrganisationBody body) {
        OrganisationBody b = body == null ? new OrganisationBody(null, null, null, null, null, null) : body;
        organisations.revise(viewer, id, OrganisationInput.draft(b.name(), b.kind(), b.advisorUsername(), b.description(),
                b.foundedOn()), b.version());
    }

    record VersionBody(@Schema(nullable = true) Integer version) {
    }

    @PostMapping("/{id}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivates an organisation: it leaves the directory, its history stays (administrators)")
    void deactivate(Viewer viewer, @PathVariable long id, @RequestBody(required = false) VersionBody body) {
        organisations.deactivate(viewer, id, body == null ? null : body.version());
    }

    @PostMapping("/{id}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Brings a deactivated organisation back (administrators)")
    void reactivate(Viewer viewer, @PathVariable long id, @RequestBody(required = false) VersionBody body) {
        organisations.reactivate(viewer, id, body == null ? null : body.version());
    }

    record AppointBody(String studentNumber,
                       @Schema(description = "PRESIDENT, VICE_PRESIDENT, SECRETARY, MINISTER or MEMBER") String position,
                       @Schema(description = "YYYY-MM-DD; today when left out", nullable = true) String termStart,
                       @Schema(description = "YYYY-MM-DD, the last day served; open when left out", nullable = true) String termEnd) {
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Appoints a student to a position for a term (the advisor or administrators; anyone else 404)",
            description = "A student holds one position at a time in an organisation: an overlapping term is a field error.")
    ResponseEntity<Created> appoint(Viewer viewer, @PathVariable long id, @RequestBody AppointBody body) {
        requireManager(viewer, id);
        AppointBody b = body == null ? new AppointBody(null, null, null, null) : body;
        Fields f = new Fields();
        Position position = OrganisationInput.position(b.position(), "position", f);
        LocalDate start = f.date(b.termStart(), "termStart");
        LocalDate end = f.date(b.termEnd(), "termEnd");
        f.check();
        long member = organisations.appoint(viewer, id, b.studentNumber(), position, start, end);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(member));
    }

    record EndBody(@Schema(description = "YYYY-MM-DD, the last day served; today when left out", nullable = true) String termEnd) {
    }

    @PostMapping("/{id}/members/{memberId}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Ends a member's term (the advisor or administrators; anyone else 404)",
            description = "409 when the term has already ended; 400 when the last day is before the term started.")
    void endTerm(Viewer viewer, @PathVariable long id, @PathVariable long memberId, @RequestBody(required = false) EndBody body) {
        requireManager(viewer, id);
        Fields f = new Fields();
        LocalDate end = f.date(body == null ? null : body.termEnd(), "termEnd");
        f.check();
        organisations.endTerm(viewer, id, memberId, end);
    }

    record PositionBody(@Schema(description = "The new position") String position,
                        @Schema(description = "YYYY-MM-DD, the first day in the new position; today when left out",
                                nullable = true) String from) {
    }

    @PostMapping("/{id}/members/{memberId}/position")
    @Operation(summary = "Moves a member to another position (the advisor or administrators; anyone else 404)",
            description = "The term in the old position ends the day before and a new term starts, so the history keeps both; "
                    + "answers the id of the new term.")
    Created changePosition(Viewer viewer, @PathVariable long id, @PathVariable long memberId, @RequestBody PositionBody body) {
        requireManager(viewer, id);
        PositionBody b = body == null ? new PositionBody(null, null) : body;
        Fields f = new Fields();
        Position position = OrganisationInput.position(b.position(), "position", f);
        LocalDate from = f.date(b.from(), "from");
        f.check();
        return new Created(organisations.changePosition(viewer, id, memberId, position, from));
    }

    private void requireManager(Viewer viewer, long id) {
        if (!organisations.mayManage(viewer, id)) {
            throw new org.shouwang.shared.NotFoundException("organisation", id);
        }
    }
}
