package org.shouwang.activities.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityQueries;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.web.ActivityBodies.ActivityBody;
import org.shouwang.activities.web.ActivityBodies.AttendanceBody;
import org.shouwang.activities.web.ActivityBodies.LeaveBody;
import org.shouwang.activities.web.ActivityBodies.LeaveDecisionBody;
import org.shouwang.activities.web.ActivityBodies.ReasonBody;
import org.shouwang.activities.web.ActivityBodies.VersionBody;
import org.shouwang.shared.IfMatch;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * Activities over HTTP: what the pages can do, the API can do, through the same services. Moves
 * answer 204 (GET the activity for its new state and version); an activity the caller may not see
 * answers 404 on every path; a move its state or the caller's role does not allow answers 409
 * with the reason in the caller's language. The organiser's and approver's moves sent with the
 * version last read (body field {@code version} or header {@code If-Match}) are refused with 409
 * when the activity changed since.
 */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "Activities (活动): plan, approval, registration with a waitlist, leave, attendance entered by hand")
class ActivitiesApi {

    private static final String IF_MATCH_DOC = "The version last read (as the activity's ETag); 409 when it changed since";

    private final Activities activities;
    private final ActivityQueries queries;
    private final CheckIns checkIns;

    ActivitiesApi(Activities activities, ActivityQueries queries, CheckIns checkIns) {
        this.activities = activities;
        this.queries = queries;
        this.checkIns = checkIns;
    }

    // — reading —

    @GetMapping
    @Operation(summary = "Activities in a scope, filtered and paged",
            description = "scope: PUBLIC (published ones, and those cancelled after publication: upcoming first by start, "
                    + "then past ones), REGISTERED (the calling student's: registered, waitlisted, on leave or attended), "
                    + "ORGANISED (those the caller created or leads, in any state), PENDING (submitted and waiting for "
                    + "approval; student affairs and admins only, empty for others). from/to: dates in the campus zone "
                    + "(an activity counts when it overlaps them). inMyBuilding: held in, or open only to, the calling "
                    + "student's building. q: words of the title, organiser or venue. Each row carries the caller's own "
                    + "registration state (myRegistration).")
    Page<ActivityViews.Row> list(Viewer viewer,
                                 @RequestParam(defaultValue = "PUBLIC") ActivityViews.Scope scope,
                                 @RequestParam(required = false) FiveEducation education,
                                 @RequestParam(required = false) ActivityType type,
                                 @RequestParam(required = false) @Size(max = 100) String series,
                                 @RequestParam(required = false) @Size(max = 100) String brand,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "false") boolean inMyBuilding,
                                 @RequestParam(required = false) @Size(max = 100) String q,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "30") @Min(1) @Max(200) int size) {
        return queries.list(viewer, new ActivityViews.Filter(scope, education, type, series, brand, from, to, inMyBuilding, q),
                page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One activity: its plan, state, seats taken and waiting, the caller's own place and what the caller may do now",
            description = "Drafts, submitted and rejected activities are seen only by their organisers and approvers. "
                    + "mine: the calling student's registration (waitlist position, leave, attendance). moves: which "
                    + "moves the caller may make now. The ETag is the version to send back with an organiser's move.")
    ResponseEntity<ActivityViews.Detail> detail(Viewer viewer, @PathVariable long id) {
        ActivityViews.Detail detail = queries.detail(viewer, id);
        return ResponseEntity.ok().eTag("\"" + detail.version() + "\"").body(detail);
    }

    @GetMapping("/series")
    @Operation(summary = "The series in use (e.g. 求是讲堂), for filters and the organiser's suggestions")
    List<String> series() {
        return queries.seriesInUse();
    }

    @GetMapping("/brands")
    @Operation(summary = "The brands in use (e.g. 守望), for filters and the organiser's suggestions")
    List<String> brands() {
        return queries.brandsInUse();
    }

    @GetMapping("/{id}/registrations")
    @Operation(summary = "Everyone registered, waitlisted (in waitlist order), on leave or cancelled, with leave asked",
            description = "For the activity's organisers and approvers only; 404 for anyone else.")
    List<ActivityViews.RegistrationRow> registrations(Viewer viewer, @PathVariable long id) {
        return queries.registrations(viewer, id);
    }

    // — the organiser and the approver —

    @PostMapping
    @Operation(summary = "Staff draft an activity; they organise it from then on",
            description = "Answers 201 with the new activity and its Location. Every problem of the plan is a field error "
                    + "(end before start, capacity below 1, registration closing after the start, an unknown building, "
                    + "college or leader…); nothing is written then. Students get 404.")
    ResponseEntity<ActivityViews.Detail> create(Viewer viewer, @RequestBody ActivityBody body) {
        long id = activities.create(viewer, body.draft());
        ActivityViews.Detail detail = queries.detail(viewer, id);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).eTag("\"" + detail.version() + "\"").body(detail);
    }

    @PutMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The organiser revises a draft or rejected activity (the whole plan)")
    void revise(Viewer viewer, @PathVariable long id, @RequestBody ActivityBody body,
                @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        activities.revise(viewer, id, body.draft(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/{id}/submit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The organiser submits a draft (or a rejected activity) for approval; student affairs is told")
    void submit(Viewer viewer, @PathVariable long id, @RequestBody(required = false) VersionBody body,
                @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        activities.submit(viewer, id, IfMatch.version(ifMatch, body == null ? null : body.version()));
    }

    @PostMapping("/{id}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Student affairs approves a submitted activity: it is published and the organiser is told")
    void approve(Viewer viewer, @PathVariable long id, @RequestBody(required = false) VersionBody body,
                 @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        activities.approve(viewer, id, IfMatch.version(ifMatch, body == null ? null : body.version()));
    }

    @PostMapping("/{id}/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Student affairs rejects a submitted activity with a reason (required); the organiser may revise and submit again")
    void reject(Viewer viewer, @PathVariable long id, @RequestBody(required = false) ReasonBody body,
                @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        activities.reject(viewer, id, body == null ? null : body.reason(), IfMatch.version(ifMatch, body == null ? null : body.version()));
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The organiser calls the activity off with a reason (required); everyone registered or waitlisted is told")
    void cancel(Viewer viewer, @PathVariable long id, @RequestBody(required = false) ReasonBody body,
                @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        activities.cancel(viewer, id, body == null ? null : body.reason(), IfMatch.version(ifMatch, body == null ? null : body.version()));
    }

    @PostMapping("/{id}/registrations/{studentId}/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The organiser grants or refuses the leave a student asked for; a granted seat before the start goes to the waitlist")
    void decideLeave(Viewer viewer, @PathVariable long id, @PathVariable long studentId, @RequestBody LeaveDecisionBody body) {
        if (body.grant() == null) {
            throw new InvalidInput("grant", "activity.required");
        }
        activities.decideLeave(viewer, id, studentId, body.grant());
    }

    @PostMapping("/{id}/attendance/manual")
    @Operation(summary = "The organiser enters attendance by student number, from shortly before the start until the end",
            description = "Answers which numbers were recorded, which were already recorded (a second check-in counts "
                    + "once) and which are no student's.")
    CheckIns.Entered manualAttendance(Viewer viewer, @PathVariable long id, @RequestBody AttendanceBody body) {
        return checkIns.manual(viewer, id, body.studentNumbers());
    }

    // — the student —

    @PostMapping("/{id}/registration")
    @Operation(summary = "The calling student registers: a seat if one is free, else a place on the waitlist (with its position)",
            description = "409 with the reason when registration is not open, the student is outside the audience, "
                    + "already registered, or seats and waitlist are full.")
    ActivityViews.Outcome register(Viewer viewer, @PathVariable long id) {
        return activities.register(viewer, id);
    }

    @DeleteMapping("/{id}/registration")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The calling student gives up their seat (until the cancellation deadline) or waitlist place (until the start); "
            + "a freed seat goes to the first on the waitlist, who is told")
    void cancelRegistration(Viewer viewer, @PathVariable long id) {
        activities.cancelRegistration(viewer, id);
    }

    @PostMapping("/{id}/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The calling student asks the organiser for leave from a seat they hold, with a reason (required)")
    void askLeave(Viewer viewer, @PathVariable long id, @RequestBody(required = false) LeaveBody body) {
        activities.askLeave(viewer, id, body == null ? null : body.reason());
    }

    // — helpers —

}
