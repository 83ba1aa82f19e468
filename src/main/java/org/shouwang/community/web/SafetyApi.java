package org.shouwang.community.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.community.IncidentCategory;
import org.shouwang.community.IncidentFilter;
import org.shouwang.community.IncidentStatus;
import org.shouwang.community.IncidentViews;
import org.shouwang.community.SafetyLog;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The safety log of the community police office over HTTP, the same service as the pages. Only the
 * police office, the security department and leaders see the log; other staff see the incidents they
 * are named on; students nothing. Whatever the caller may not see answers 404. Every list and every
 * incident read is written to the audit log.
 */
@RestController
@RequestMapping("/api/v1/safety/incidents")
@Tag(name = "Safety log", description = "Incidents logged by the community police office (社区警务室): category, place, "
        + "people involved, actions taken, closing. Confidential: police office, security department and leaders; "
        + "staff named on an incident see that one; every view is audited")
class SafetyApi {

    private final SafetyLog safety;

    SafetyApi(SafetyLog safety) {
        this.safety = safety;
    }

    @GetMapping
    @Operation(summary = "Incidents the caller may see, most recent first",
            description = "All incidents for police officers, the security department (setting shouwang.safety.security-department) "
                    + "and leaders; for other staff those they are named on (often none); students 404. Filters: category, "
                    + "status (OPEN, CLOSED), buildingId, from/to (days the incident occurred on, inclusive, campus time). "
                    + "size at most 100. The ids returned are written to the audit log.")
    IncidentViews.Log list(Viewer viewer, @RequestParam(required = false) IncidentCategory category,
                           @RequestParam(required = false) IncidentStatus status, @RequestParam(required = false) Long buildingId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return safety.log(viewer, new IncidentFilter(category, status, buildingId, from, to), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident with the students involved, the staff named, the actions and the closing",
            description = "404 for anyone who may not see it. The read is written to the audit log. mayUpdate says whether "
                    + "the caller may add actions and close it.")
    IncidentViews.Incident incident(Viewer viewer, @PathVariable long id) {
        return safety.incident(viewer, id);
    }

    @Schema(description = "A student involved in an incident")
    record StudentBody(@Schema(description = "Student number") String studentNumber,
                       @Schema(description = "VICTIM, PARTY or WITNESS") String role) {
    }

    @Schema(description = "A new incident")
    record IncidentBody(
            @Schema(description = "THEFT, FIRE_HAZARD, PROHIBITED_APPLIANCE, FRAUD, CONFLICT, INJURY, INTRUSION, LOST_PROPERTY or OTHER")
            String category,
            @Schema(description = "When it happened: campus time 2026-11-20T14:30, or with an offset; not in the future")
            String occurredAt,
            @Schema(description = "The building it happened in or next to (GET /api/v1/residence/... ids)") Long buildingId,
            @Schema(description = "Where, in words (room 305, the bicycle shed), at most 200 characters") String place,
            @Schema(description = "What happened, at most 4000 characters") String description,
            @Schema(description = "Students involved, at most 30") List<StudentBody> students,
            @Schema(description = "Usernames of staff to be informed (they may read this incident), at most 20") List<String> named) {
    }

    @PostMapping
    @Operation(summary = "Records an incident (police officers, security department)",
            description = "Numbered AQ-<year>-<n>. The named staff are told. 400 with field errors for an unknown category, "
                    + "building, student number, role or username, a time in the future, a blank or too long text; nothing "
                    + "is written then. Anyone else: 404. Answers 201 with the incident.")
    ResponseEntity<IncidentViews.Incident> record(Viewer viewer, @RequestBody(required = false) IncidentBody body) {
        requireRecorder(viewer);
        IncidentBody b = body == null ? new IncidentBody(null, null, null, null, null, null, null) : body;
        List<String[]> students = b.students() == null ? List.of()
                : b.students().stream().map(s -> s == null ? new String[] {"", ""} : new String[] {s.studentNumber(), s.role()}).toList();
        IncidentViews.Incident incident = safety.record(viewer, SafetyForms.draft(b.category(), b.occurredAt(),
                b.buildingId() == null ? null : String.valueOf(b.buildingId()), b.place(), b.description(), students,
                b.named() == null ? List.of() : b.named()));
        return ResponseEntity.created(URI.create("/api/v1/safety/incidents/" + incident.id())).body(incident);
    }

    @Schema(description = "An action taken on an incident")
    record ActionBody(@Schema(description = "When, campus time; now when left out; not in the future") String takenAt,
                      @Schema(description = "What was done, at most 2000 characters") String text) {
    }

    @PostMapping("/{id}/actions")
    @Operation(summary = "Appends an action to an open incident (police officers, security department)",
            description = "Actions are never changed or removed. 400 for a blank text or a time in the future or before the "
                    + "incident; 409 when the incident is closed; 404 for anyone else. Answers the incident.")
    IncidentViews.Incident addAction(Viewer viewer, @PathVariable long id, @RequestBody(required = false) ActionBody body) {
        requireRecorder(viewer);
        SafetyForms.ActionForm form = body == null ? SafetyForms.ActionForm.empty() : new SafetyForms.ActionForm(body.takenAt(), body.text());
        return safety.addAction(viewer, id, form.action());
    }

    @Schema(description = "How the incident ended")
    record CloseBody(@Schema(description = "The closing note, at most 2000 characters") String note) {
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Closes an open incident with a note (police officers, security department)",
            description = "400 for a blank note; 409 when already closed; 404 for anyone else. Answers the incident.")
    IncidentViews.Incident close(Viewer viewer, @PathVariable long id, @RequestBody(required = false) CloseBody body) {
        return safety.close(viewer, id, body == null ? null : body.note());
    }

    /** Whoever may not record learns nothing from a malformed body either: 404 before anything is read. */
    private void requireRecorder(Viewer viewer) {
        if (!safety.mayRecord(viewer)) {
            throw new NotFoundException("page", "safety");
        }
    }
}
