package org.shouwang.tickets.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.BusinessCalendar;
import org.shouwang.tickets.WorkingTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/calendar")
@Validated
@Tag(name = "Business calendar (admin)", description = "Working periods, holidays and make-up working days, terms and vacations "
        + "that request deadlines run on, and a deadline calculator; administrators only")
class CalendarApi {

    private final BusinessCalendar calendar;
    private final Clock clock;

    CalendarApi(BusinessCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    record Period(@NotNull(message = "{businessCalendar.time.required}") LocalTime starts,
                  @NotNull(message = "{businessCalendar.time.required}") LocalTime ends) {
    }

    record Periods(@NotEmpty(message = "{calendar.periodsRequired}") List<@Valid @NotNull Period> periods) {
    }

    record Created(long id) {
    }

    @GetMapping("/periods")
    @Operation(summary = "The working periods of a working day, e.g. 08:00–12:00 and 14:00–17:30")
    Periods periods() {
        return new Periods(calendar.periods().stream().map(p -> new Period(p.starts(), p.ends())).toList());
    }

    @PutMapping("/periods")
    @Operation(summary = "Replace the working periods; each must end after it starts and none may overlap (audited)")
    Periods setPeriods(Viewer admin, @Validated @RequestBody Periods body) {
        List<WorkingTime.Period> periods = new ArrayList<>();
        for (int i = 0; i < body.periods().size(); i++) {
            Period p = body.periods().get(i);
            periods.add(CalendarForms.Periods.period(i + 1, p.starts(), p.ends()));
        }
        calendar.setPeriods(admin, periods);
        return periods();
    }

    @GetMapping("/days")
    @Operation(summary = "The holidays and make-up working days of a year")
    List<BusinessCalendar.Day> days(@RequestParam @Min(CalendarAdminController.FIRST_YEAR) @Max(CalendarAdminController.LAST_YEAR) int year) {
        return calendar.days(year);
    }

    @PutMapping("/days/{day}")
    @Operation(summary = "Mark a day as a holiday or a make-up working day, replacing what was there (audited)")
    BusinessCalendar.Day setDay(Viewer admin, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                @Validated @RequestBody CalendarForms.DayMark body) {
        BusinessCalendar.Day marked = new BusinessCalendar.Day(day, body.kind(), body.name().trim());
        calendar.setDay(admin, marked);
        return marked;
    }

    @PostMapping("/days")
    @Operation(summary = "Mark a range of days (at most 31) at once, e.g. a week of National Day holidays (audited)")
    List<BusinessCalendar.Day> setDays(Viewer admin, @Validated @RequestBody CalendarForms.DayRange body) {
        List<BusinessCalendar.Day> days = body.days();
        calendar.setDays(admin, days);
        return days;
    }

    @DeleteMapping("/days/{day}")
    @Operation(summary = "Make a day an ordinary day again (audited)")
    ResponseEntity<Void> removeDay(Viewer admin, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        calendar.removeDay(admin, day);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/terms")
    @Operation(summary = "Terms and vacations, in date order")
    List<BusinessCalendar.Term> terms() {
        return calendar.terms();
    }

    @PostMapping("/terms")
    @Operation(summary = "Add a term or a vacation (audited)")
    ResponseEntity<BusinessCalendar.Term> addTerm(Viewer admin, @Validated @RequestBody CalendarForms.Term body) {
        long id = calendar.addTerm(admin, body.name().trim(), body.kind(), body.starts(), body.ends());
        BusinessCalendar.Term term = calendar.terms().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/admin/calendar/terms/" + id)).body(term);
    }

    @DeleteMapping("/terms/{id}")
    @Operation(summary = "Remove a term or a vacation (audited)")
    ResponseEntity<Void> removeTerm(Viewer admin, @PathVariable long id) {
        calendar.removeTerm(admin, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deadline")
    @Operation(summary = "When a limit of so many hours, started at this moment, is up: working hours on the calendar, "
            + "or natural hours when urgent (as request deadlines are computed)")
    CalendarMonths.Due deadline(
            @Parameter(description = "local date-time in the calendar's time zone, e.g. 2026-09-30T16:00")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
            @RequestParam @Min(1) @Max(ClauseForm.MAX_HOURS) int hours,
            @RequestParam(defaultValue = "false") boolean urgent) {
        try {
            return CalendarMonths.due(calendar, clock.getZone(), new CalendarForms.Deadline(start, hours, urgent));
        } catch (IllegalArgumentException beyond) {
            throw new InvalidInput("hours", "businessCalendar.beyondHorizon");
        }
    }
}
