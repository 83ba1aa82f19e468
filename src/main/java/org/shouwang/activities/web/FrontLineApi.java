package org.shouwang.activities.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.activities.FrontLine;
import org.shouwang.activities.FrontLineViews;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.TicketViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leaders' front line (一线规则) over HTTP, the same service as the pages: each leader's record
 * of a year against the target, setting targets, and the issues raised at a front-line activity.
 * What the caller may not see answers 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Front line", description = "Leaders' front line (一线规则): policy talks, dinner meetings, afternoon teas, "
        + "organisation lives and Party days a leader leads, against a yearly target; issues raised there become requests")
class FrontLineApi {

    private final FrontLine frontLine;

    FrontLineApi(FrontLine frontLine) {
        this.frontLine = frontLine;
    }

    @GetMapping("/front-line")
    @Operation(summary = "Each leader's front line in a year against the target",
            description = "Counts published front-line activities (POLICY_TALK, DINNER_MEETING, AFTERNOON_TEA, "
                    + "ORGANISATION_LIFE, PARTY_DAY) a leader leads that start in the year (campus time): held (over by now) "
                    + "and upcoming, by type, with the issues raised at them and how many have ended. Student affairs and "
                    + "admins get every leader; a leader only themself; anyone else 404. year: this year when left out.")
    FrontLineViews.Summary summary(Viewer viewer, @RequestParam(required = false) Integer year) {
        return frontLine.summary(viewer, year == null ? frontLine.currentYear() : year);
    }

    @GetMapping("/front-line/leaders/{leaderAccountId}")
    @Operation(summary = "One leader's front-line activities of a year, with seats taken, attendance and issues",
            description = "For the leader themself, student affairs and admins; anyone else 404.")
    FrontLineViews.LeaderRecord record(Viewer viewer, @PathVariable long leaderAccountId,
                                       @RequestParam(required = false) Integer year) {
        return frontLine.record(viewer, leaderAccountId, year == null ? frontLine.currentYear() : year);
    }

    record TargetBody(@Parameter(description = "How many front-line activities, 0 to 1000") Integer target) {
    }

    @PutMapping("/front-line/leaders/{leaderAccountId}/targets/{year}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sets a leader's yearly front-line target (student affairs, admins)",
            description = "Replaces the target of that year if one was set. 400 with field errors when the account is not "
                    + "a leader, the year is not between 2000 and 2100 or the target not between 0 and 1000; nothing is "
                    + "written then. Anyone but student affairs and admins: 404.")
    void setTarget(Viewer viewer, @PathVariable long leaderAccountId, @PathVariable int year, @RequestBody TargetBody body) {
        frontLine.setTarget(viewer, leaderAccountId, year, body == null ? null : body.target());
    }

    @GetMapping("/activities/{id}/issues")
    @Operation(summary = "The issues raised at a front-line activity: the requests registered for them, their state, "
            + "and the digest sent to the attendees once all had ended",
            description = "For the activity's organisers and its leader; 404 for anyone else and for an activity that is "
                    + "not a front-line one led by a leader. Who raised an issue and what it says only when the caller may "
                    + "read the request; mayRaise says whether the caller may register another now (cannotRaise: why not).")
    FrontLineViews.Issues issues(Viewer viewer, @PathVariable long id) {
        return frontLine.issues(viewer, id);
    }

    record IssueBody(String studentNumber, String category, String subcategory, String text, String location) {
    }

    @PostMapping("/activities/{id}/issues")
    @Operation(summary = "Registers an issue a student raised at a front-line activity as a request, the leader its "
            + "first-inquiry owner, linked to the activity",
            description = "The student (by student number) must have checked in or hold a seat. category as in GET "
                    + "/api/v1/requests/categories (REPAIRS needs a subcategory); location is optional when the student has "
                    + "a bed (their room is the place). From the start of the activity until the digest went out; 409 "
                    + "otherwise. Answers 201 with the request's number and where it went; Location is the request.")
    ResponseEntity<TicketViews.Submitted> raise(Viewer viewer, @PathVariable long id, @RequestBody IssueBody body) {
        FrontLineForms.IssueForm form = body == null ? FrontLineForms.IssueForm.empty()
                : new FrontLineForms.IssueForm(body.studentNumber(), body.category(), body.subcategory(), body.text(), body.location());
        TicketViews.Submitted submitted = frontLine.raise(viewer, id, form.draft());
        return ResponseEntity.created(URI.create("/api/v1/requests/" + submitted.id())).body(submitted);
    }
}
