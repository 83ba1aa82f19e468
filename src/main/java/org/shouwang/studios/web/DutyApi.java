package org.shouwang.studios.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.DutyDraft;
import org.shouwang.studios.DutyQueries;
import org.shouwang.studios.DutyRosters;
import org.shouwang.studios.DutyShift;
import org.shouwang.studios.DutyViews;
import org.shouwang.studios.DutyWeek;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Duty rosters over HTTP, through the same services as the pages. Times are campus date-times
 * (Asia/Shanghai) like {@code 2026-12-01T18:30}. Rosters the caller does not keep, and shifts that
 * are not theirs to arrive at, answer 404; a move the rules do not allow now (an overlap, a shift
 * already started, arrival outside its window) answers 409 with the reason.
 */
@RestController
@RequestMapping("/api/v1/duty")
@Tag(name = "Duty rosters", description = "Stationing (队伍入驻): who is on duty where and when, arrivals, coverage")
class DutyApi {

    private final DutyRosters rosters;
    private final DutyQueries queries;
    private final java.time.Clock clock;

    DutyApi(DutyRosters rosters, DutyQueries queries, java.time.Clock clock) {
        this.rosters = rosters;
        this.queries = queries;
        this.clock = clock;
    }

    /** A shift to plan. */
    record ShiftBody(String username, Long buildingId, String venue, Long studioId, String start, String end) {
        DutyDraft draft() {
            return new DutyDraft(username, buildingId, venue, studioId, start, end);
        }
    }

    @GetMapping("/now")
    @Operation(summary = "Who is on duty now, and who comes next today, by building",
            description = "A student gets the building they live in (buildingId is ignored; nothing when they have no bed); "
                    + "staff get every building with shifts today, or the one asked for. studioId narrows to one studio's shifts.")
    DutyViews.Now now(Viewer viewer, @RequestParam(required = false) Long buildingId,
                      @RequestParam(required = false) Long studioId) {
        return queries.now(viewer, buildingId, studioId);
    }

    @GetMapping("/shifts")
    @Operation(summary = "A week of the rosters the caller keeps, day by day",
            description = "week: like 2026-W49 (this week when left out). Student affairs and administrators keep every roster; "
                    + "a studio's leader and members their studio's. Anyone else, or a studio the caller does not keep: 404.")
    DutyViews.Week week(Viewer viewer, @RequestParam(required = false) String week, @RequestParam(required = false) Long studioId,
                        @RequestParam(required = false) Long buildingId) {
        return queries.week(viewer, week == null || week.isBlank() ? DutyWeek.current(clock) : DutyWeek.parse(week, "week"),
                studioId, buildingId);
    }

    @GetMapping("/shifts/mine")
    @Operation(summary = "The caller's own shifts from today on (two weeks), with mayArrive where arrival is open now")
    List<DutyShift> mine(Viewer viewer) {
        return queries.mine(viewer);
    }

    @PostMapping("/shifts")
    @Operation(summary = "Plan a shift", description = "Answers 201 with the id. Field errors (400, nothing written): unknown or "
            + "student username, unknown building or studio, no venue, unreadable start/end, end not after start, start in the "
            + "past, longer than 12 hours. 409 duty.overlap when the person has a shift at that time. Studio staff plan only "
            + "for their studio (studioId required).")
    ResponseEntity<Created> plan(Viewer viewer, @RequestBody ShiftBody body) {
        if (body == null) {
            throw new InvalidInput("username", "field.required");
        }
        long id = rosters.plan(viewer, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/duty/shifts/" + id)).body(new Created(id));
    }

    record Created(long id) {
    }

    @DeleteMapping("/shifts/{id}")
    @Operation(summary = "Take a shift that has not started off the roster", description = "204; 409 duty.alreadyStarted once it started.")
    ResponseEntity<Void> remove(Viewer viewer, @PathVariable long id) {
        rosters.remove(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/shifts/{id}/arrival")
    @Operation(summary = "The person on duty says \"I'm here\"",
            description = "From 30 minutes before the start to the end; more than 10 minutes after the start is late. "
                    + "Saying it again changes nothing. Someone else's shift: 404.")
    DutyShift arrive(Viewer viewer, @PathVariable long id) {
        return rosters.arrive(viewer, id);
    }

    @PostMapping("/weeks/{week}/copy")
    @Operation(summary = "Copy the previous week's shifts into this week",
            description = "Within the caller's rosters (one studio's with studioId); shifts that would overlap one the person "
                    + "has, or start in the past, are skipped and counted.")
    DutyViews.Copied copy(Viewer viewer, @PathVariable String week, @RequestParam(required = false) Long studioId) {
        return rosters.copyPreviousWeek(viewer, DutyWeek.parse(week, "week"), studioId);
    }

    @GetMapping("/coverage")
    @Operation(summary = "Planned against attended shifts from one date to another (both included)",
            description = "By person, studio and building, with late and missed shifts and the attendance rate (attended over "
                    + "shifts started). Student affairs, administrators and leaders: every roster; a studio's staff: theirs.")
    DutyViews.Coverage coverage(Viewer viewer,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) Long studioId) {
        return queries.coverage(viewer, from, to, studioId);
    }
}
