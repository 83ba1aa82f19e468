package org.shouwang.governance.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.governance.ActionItemStatus;
import org.shouwang.governance.ActionItems;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.governance.GoverningBodies;
import org.shouwang.governance.GoverningBodyDraft;
import org.shouwang.governance.GoverningBodyKind;
import org.shouwang.governance.Meetings;
import org.shouwang.shared.Fields;
import org.shouwang.shared.IfMatch;
import org.shouwang.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Governance over HTTP, the same services as the pages: bodies, meetings, decisions and action items.
 * Who may not read governance (or update an item of another department) gets 404.
 */
@RestController
@RequestMapping("/api/v1/governance")
@Tag(name = "Governance", description = "Bodies leading the community (领导小组, 党委会, 校长办公会, 工作委员会), their meetings "
        + "with agenda, attendance and minutes, and decisions as action items tracked to done and supervised when overdue")
class GovernanceApi {

    private final GoverningBodies bodies;
    private final Meetings meetings;
    private final ActionItems actions;

    GovernanceApi(GoverningBodies bodies, Meetings meetings, ActionItems actions) {
        this.bodies = bodies;
        this.meetings = meetings;
        this.actions = actions;
    }

    record Created(long id) {
    }

    // — bodies —

    @GetMapping("/bodies")
    @Operation(summary = "Every governing body with chairs and members",
            description = "For leaders, administrators, student affairs, department heads and the bodies' members; anyone else 404.")
    List<GovernanceViews.Body> bodies(Viewer viewer) {
        return bodies.list(viewer);
    }

    @GetMapping("/bodies/{id}")
    @Operation(summary = "One governing body")
    GovernanceViews.Body body(Viewer viewer, @PathVariable long id) {
        return bodies.body(viewer, id);
    }

    record BodyBody(@Schema(description = "Unique, at most 100 characters") String name,
                    @Schema(description = "LEADERSHIP_GROUP, PARTY_COMMITTEE, PRESIDENT_OFFICE or WORKING_COMMITTEE") String kind,
                    @Schema(nullable = true) String description,
                    @Schema(description = "Usernames of staff accounts; at least one") List<String> chairs,
                    @Schema(description = "Usernames of staff accounts") List<String> members,
                    @Schema(nullable = true, description = "For PUT: the version read") Integer version) {
    }

    @PostMapping("/bodies")
    @Operation(summary = "Sets up a body (administrators; anyone else 404)")
    ResponseEntity<Created> createBody(Viewer viewer, @RequestBody(required = false) BodyBody body) {
        long id = bodies.create(viewer, draft(body));
        return ResponseEntity.created(URI.create("/api/v1/governance/bodies/" + id)).body(new Created(id));
    }

    @PutMapping("/bodies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Changes a body (administrators; anyone else 404); a stale version (If-Match or body) answers 409")
    void reviseBody(Viewer viewer, @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                    @RequestBody(required = false) BodyBody body) {
        bodies.revise(viewer, id, draft(body), IfMatch.version(ifMatch, body == null ? null : body.version()));
    }

    private static GoverningBodyDraft draft(BodyBody body) {
        BodyBody b = body == null ? new BodyBody(null, null, null, List.of(), List.of(), null) : body;
        Fields f = new Fields();
        GoverningBodyKind kind = f.choice(GoverningBodyKind.class, b.kind(), "kind");
        f.check();
        return new GoverningBodyDraft(b.name(), kind, b.description(), b.chairs(), b.members());
    }

    // — meetings —

    @GetMapping("/meetings")
    @Operation(summary = "Bodies, the year's meetings newest first, and how many dedicated meetings, seminars and regular ones were held",
            description = "year: a campus calendar year, this year when left out.")
    GovernanceViews.Overview meetings(Viewer viewer, @RequestParam(required = false) Integer year) {
        return meetings.overview(viewer, year);
    }

    @GetMapping("/meetings/{id}")
    @Operation(summary = "One meeting: agenda, attendance, minutes and decisions")
    GovernanceViews.Meeting meeting(Viewer viewer, @PathVariable long id) {
        return meetings.meeting(viewer, id);
    }

    record MeetingBody(Long bodyId, @Schema(description = "COMMUNITY, SEMINAR or REGULAR") String kind, String title,
                       @Schema(description = "Campus time, YYYY-MM-DDTHH:MM") String heldAt, String place,
                       @Schema(description = "Agenda items in order") List<String> agenda,
                       @Schema(description = "Usernames of staff accounts") List<String> attendees) {
    }

    @PostMapping("/meetings")
    @Operation(summary = "Records a meeting (administrators, leaders, student affairs; anyone else 404)")
    ResponseEntity<Created> schedule(Viewer viewer, @RequestBody(required = false) MeetingBody body) {
        MeetingBody b = body == null ? new MeetingBody(null, null, null, null, null, List.of(), List.of()) : body;
        long id = meetings.schedule(viewer, GovernanceController.meetingDraft(b.bodyId() == null ? null : b.bodyId().toString(),
                b.kind(), b.title(), b.heldAt(), b.place(), b.agenda(), b.attendees()));
        return ResponseEntity.created(URI.create("/api/v1/governance/meetings/" + id)).body(new Created(id));
    }

    record MinutesBody(String minutes, @Schema(description = "Account ids of attendees who came; the others were absent")
                       List<Long> present, @Schema(description = "Finishes the meeting: minutes are then required") boolean finish,
                       @Schema(nullable = true) Integer version) {
    }

    @PutMapping("/meetings/{id}/minutes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Writes the minutes and attendance; with finish, blank minutes are a field error")
    void minutes(Viewer viewer, @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                 @RequestBody(required = false) MinutesBody body) {
        MinutesBody b = body == null ? new MinutesBody(null, List.of(), false, null) : body;
        meetings.recordMinutes(viewer, id, b.minutes(), b.present(), b.finish(), IfMatch.version(ifMatch, b.version()));
    }

    record DecisionBody(@Schema(description = "What was decided, at most 1000 characters") String decision,
                        @Schema(description = "The owner department's id") Long departmentId,
                        @Schema(description = "YYYY-MM-DD, not before the meeting") String deadline) {
    }

    @PostMapping("/meetings/{id}/decisions")
    @Operation(summary = "Records a decision: it becomes an open action item of the owner department")
    ResponseEntity<Created> decide(Viewer viewer, @PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        DecisionBody b = body == null ? new DecisionBody(null, null, null) : body;
        long item = meetings.decide(viewer, id, GovernanceController.decisionDraft(b.decision(),
                b.departmentId() == null ? null : b.departmentId().toString(), b.deadline()));
        return ResponseEntity.created(URI.create("/api/v1/governance/actions/" + item)).body(new Created(item));
    }

    @GetMapping("/departments")
    @Operation(summary = "The departments a decision may be given to")
    List<GovernanceViews.Department> departments(Viewer viewer) {
        bodies.list(viewer);
        return meetings.departments();
    }

    // — action items —

    @GetMapping("/actions")
    @Operation(summary = "Action items, overdue first",
            description = "mine=true: the caller's department's items (its heads and handlers; anyone else 404); otherwise every item "
                    + "(those who may read governance; anyone else 404).")
    List<GovernanceViews.ActionItem> actions(Viewer viewer, @RequestParam(defaultValue = "false") boolean mine) {
        return actions.list(viewer, mine);
    }

    @GetMapping("/actions/{id}")
    @Operation(summary = "One action item with its progress notes")
    GovernanceViews.ActionItem action(Viewer viewer, @PathVariable long id) {
        return actions.item(viewer, id);
    }

    record ProgressBody(@Schema(description = "OPEN or IN_PROGRESS (close with /close)") String status, String note,
                        @Schema(nullable = true) Integer version) {
    }

    @PostMapping("/actions/{id}/progress")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Notes progress (the owner department's heads and handlers; anyone else 404)")
    void progress(Viewer viewer, @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                  @RequestBody(required = false) ProgressBody body) {
        ProgressBody b = body == null ? new ProgressBody(null, null, null) : body;
        Fields f = new Fields();
        ActionItemStatus status = f.choice(ActionItemStatus.class, b.status(), "status");
        f.check();
        actions.progress(viewer, id, status, b.note(), IfMatch.version(ifMatch, b.version()));
    }

    record CloseBody(@Schema(description = "The completion note; required") String note, @Schema(nullable = true) Integer version) {
    }

    @PostMapping("/actions/{id}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Closes an item as done, never without a completion note (the owner department; anyone else 404)")
    void close(Viewer viewer, @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
               @RequestBody(required = false) CloseBody body) {
        CloseBody b = body == null ? new CloseBody(null, null) : body;
        actions.close(viewer, id, b.note(), IfMatch.version(ifMatch, b.version()));
    }
}
