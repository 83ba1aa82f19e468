package org.shouwang.studios.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.AppointmentService;
import org.shouwang.studios.AppointmentViews;
import org.shouwang.studios.Appointments;
import org.shouwang.studios.SlotDraft;
import org.shouwang.studios.SlotSeries;
import org.shouwang.studios.Slots;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * Appointments over HTTP, through the same services as the pages. An appointment or slot the caller
 * may not see answers 404 (a confidential appointment to everyone but its student and the
 * psychology centre); a move not allowed now (slot taken, past the cut-off, one appointment per
 * studio) answers 409 with the reason in the caller's language; bad input answers 400 naming each field.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Appointments", description = "Appointments (预约) with studio staff: slots, booking, cancel and reschedule "
        + "until a cut-off, outcome and private session notes; psychology appointments are confidential")
class AppointmentsApi {

    private final Appointments appointments;
    private final Slots slots;

    AppointmentsApi(Appointments appointments, Slots slots) {
        this.appointments = appointments;
        this.slots = slots;
    }

    /**
     * One slot (startsAt, endsAt) or a series (from, to, weekdays, startTimes, minutes: any of these
     * makes it a series). staffAccountId: who receives, the caller when left out; place: the studio's
     * venue when left out.
     */
    record SlotBody(AppointmentService service, Long staffAccountId, String place, Instant startsAt, Instant endsAt,
                    LocalDate from, LocalDate to, Set<DayOfWeek> weekdays, List<LocalTime> startTimes, Integer minutes) {

        boolean series() {
            return from != null || to != null || weekdays != null || startTimes != null || minutes != null;
        }
    }

    record BookingBody(String topic) {
    }

    record RescheduleBody(Long slotId) {
    }

    record OutcomeBody(AppointmentViews.Outcome outcome) {
    }

    record NoteBody(String note) {
    }

    // — slots —

    @GetMapping("/studios/{id}/slots")
    @Operation(summary = "A studio's slots by day, from..to (campus dates; default today and 13 days on, at most 62 days)",
            description = "Everyone signed in sees the free slots not yet started; the studio's staff see booked ones too, "
                    + "with the appointment's id.")
    List<AppointmentViews.Day> slotsOf(Viewer viewer, @PathVariable long id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return slots.days(viewer, id, from, to);
    }

    @PostMapping("/studios/{id}/slots")
    @Operation(summary = "The studio's staff publish one slot or a series; answers 201 with the slots made",
            description = "Every problem is a field error and nothing is written: a slot in the past, end before start, "
                    + "a slot overlapping another of the same staff member, psychology counselling outside a psychology "
                    + "studio, a receiver who is not the studio's staff. 404 for anyone but the studio's staff.")
    ResponseEntity<List<AppointmentViews.Slot>> publish(Viewer viewer, @PathVariable long id, @RequestBody SlotBody body) {
        List<Long> ids = body.series()
                ? slots.publish(viewer, id, new SlotSeries(body.service(), body.staffAccountId(), body.place(), body.from(),
                body.to(), body.weekdays(), body.startTimes(), body.minutes()))
                : List.of(slots.publish(viewer, id, new SlotDraft(body.service(), body.staffAccountId(), body.place(),
                body.startsAt(), body.endsAt())));
        List<AppointmentViews.Slot> made = new ArrayList<>();
        for (long slotId : ids) {
            made.add(slots.slot(viewer, slotId));
        }
        return ResponseEntity.created(URI.create("/api/v1/studios/" + id + "/slots")).body(made);
    }

    @DeleteMapping("/slots/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The studio's staff withdraw a free slot (409 when it is booked)")
    void withdraw(Viewer viewer, @PathVariable long id) {
        slots.withdraw(viewer, id);
    }

    @PostMapping("/slots/{id}/booking")
    @Operation(summary = "The calling student books the slot, with an optional topic (at most 200 characters)",
            description = "Answers 201 with the appointment. 409 when the slot is taken or has started, or the student "
                    + "already holds a future appointment in this studio.")
    ResponseEntity<AppointmentViews.Detail> book(Viewer viewer, @PathVariable long id,
                                                 @RequestBody(required = false) BookingBody body) {
        long appointment = appointments.book(viewer, id, body == null ? null : body.topic());
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + appointment))
                .body(appointments.detail(viewer, appointment));
    }

    // — appointments —

    @GetMapping("/appointments")
    @Operation(summary = "The caller's appointments",
            description = "scope MINE: the calling student's, newest first. STUDIOS: those of the studios the caller works "
                    + "in, from..to (default a month back and a year on); confidential ones only for the psychology "
                    + "centre (others get their count as withheld).")
    AppointmentViews.Listing list(Viewer viewer, @RequestParam(defaultValue = "MINE") AppointmentViews.Scope scope,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return appointments.list(viewer, scope, from, to);
    }

    @GetMapping("/appointments/{id}")
    @Operation(summary = "One appointment, with what the caller may do now",
            description = "For its student (never with the session note) and the studio's staff (with the note); a "
                    + "confidential one only for its student and the psychology centre, each staff view audited.")
    AppointmentViews.Detail detail(Viewer viewer, @PathVariable long id) {
        return appointments.detail(viewer, id);
    }

    @PostMapping("/appointments/{id}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The student cancels, until the cut-off before the start (409 after it)")
    void cancel(Viewer viewer, @PathVariable long id) {
        appointments.cancel(viewer, id);
    }

    @PostMapping("/appointments/{id}/reschedule")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The student moves the appointment to another free slot of the same studio, until the cut-off")
    void reschedule(Viewer viewer, @PathVariable long id, @RequestBody(required = false) RescheduleBody body) {
        appointments.reschedule(viewer, id, body == null ? null : body.slotId());
    }

    @PostMapping("/appointments/{id}/outcome")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "After the start, the staff mark the appointment ATTENDED or NO_SHOW")
    void outcome(Viewer viewer, @PathVariable long id, @RequestBody(required = false) OutcomeBody body) {
        appointments.recordOutcome(viewer, id, body == null ? null : body.outcome());
    }

    @PutMapping("/appointments/{id}/note")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The staff write the private session note (at most 4000 characters; blank clears it)")
    void note(Viewer viewer, @PathVariable long id, @RequestBody(required = false) NoteBody body) {
        appointments.writeNote(viewer, id, body == null ? null : body.note());
    }

}
