package org.shouwang.tickets.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.shouwang.shared.InvalidInput;
import org.shouwang.tickets.BusinessCalendar;
import org.shouwang.tickets.WorkingTime;
import org.springframework.format.annotation.DateTimeFormat;

/** What an administrator types into the business calendar's forms (pages and API alike). */
final class CalendarForms {

    /** The longest range of days set at once: a month covers any holiday of the State Council's schedule. */
    static final int MAX_RANGE_DAYS = 31;

    private CalendarForms() {
    }

    /** The working periods of a day as rows of start and end times ("08:00"); rows left empty are ignored. */
    record Periods(List<String> starts, List<String> ends) {

        static Periods of(List<WorkingTime.Period> periods) {
            List<String> starts = new ArrayList<>();
            List<String> ends = new ArrayList<>();
            periods.forEach(p -> {
                starts.add(p.starts().toString());
                ends.add(p.ends().toString());
            });
            for (int i = 0; i < 2; i++) {
                starts.add("");
                ends.add("");
            }
            return new Periods(starts, ends);
        }

        List<WorkingTime.Period> periods() {
            List<String> s = starts == null ? List.of() : starts;
            List<String> e = ends == null ? List.of() : ends;
            List<WorkingTime.Period> periods = new ArrayList<>();
            for (int i = 0; i < Math.max(s.size(), e.size()); i++) {
                String from = i < s.size() && s.get(i) != null ? s.get(i).trim() : "";
                String to = i < e.size() && e.get(i) != null ? e.get(i).trim() : "";
                if (from.isEmpty() && to.isEmpty()) {
                    continue;
                }
                periods.add(period(i + 1, from, to));
            }
            return periods;
        }

        private static WorkingTime.Period period(int row, String from, String to) {
            try {
                return period(row, LocalTime.parse(from), LocalTime.parse(to));
            } catch (DateTimeParseException e) {
                throw new InvalidInput("periods", "businessCalendar.periodInvalid", row);
            }
        }

        static WorkingTime.Period period(int row, LocalTime from, LocalTime to) {
            if (from == null || to == null || !from.isBefore(to)) {
                throw new InvalidInput("periods", "businessCalendar.periodInvalid", row);
            }
            return new WorkingTime.Period(from, to);
        }
    }

    /** One day that breaks the weekday rule: a holiday or a make-up working day. */
    record Day(
            @NotNull(message = "{businessCalendar.day.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @NotNull(message = "{businessCalendar.kind.required}") BusinessCalendar.DayKind kind,
            @NotBlank(message = "{businessCalendar.name.required}") @Size(max = 64, message = "{businessCalendar.name.size}") String name) {

        BusinessCalendar.Day toDay() {
            return new BusinessCalendar.Day(day, kind, name.trim());
        }
    }

    /** A day's kind and name, when the API names the day in the address. */
    record DayMark(
            @NotNull(message = "{businessCalendar.kind.required}") BusinessCalendar.DayKind kind,
            @NotBlank(message = "{businessCalendar.name.required}") @Size(max = 64, message = "{businessCalendar.name.size}") String name) {
    }

    /** Several consecutive days of one kind and name, e.g. 国庆节 10-01 to 10-07. */
    record DayRange(
            @NotNull(message = "{businessCalendar.day.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @NotNull(message = "{businessCalendar.day.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @NotNull(message = "{businessCalendar.kind.required}") BusinessCalendar.DayKind kind,
            @NotBlank(message = "{businessCalendar.name.required}") @Size(max = 64, message = "{businessCalendar.name.size}") String name) {

        List<BusinessCalendar.Day> days() {
            if (to.isBefore(from)) {
                throw new InvalidInput("to", "businessCalendar.endsBeforeStart");
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
                throw new InvalidInput("to", "businessCalendar.rangeTooLong", MAX_RANGE_DAYS);
            }
            return from.datesUntil(to.plusDays(1)).map(d -> new BusinessCalendar.Day(d, kind, name.trim())).toList();
        }
    }

    /** A term or a vacation. */
    record Term(
            @NotBlank(message = "{businessCalendar.name.required}") @Size(max = 64, message = "{businessCalendar.name.size}") String name,
            @NotNull(message = "{businessCalendar.kind.required}") BusinessCalendar.TermKind kind,
            @NotNull(message = "{businessCalendar.day.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate starts,
            @NotNull(message = "{businessCalendar.day.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate ends) {
    }

    /** The deadline calculator's question: when is a limit of so many hours up, started at this moment? */
    record Deadline(
            @NotNull(message = "{businessCalendar.start.required}")
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime start,
            @NotNull(message = "{businessCalendar.hours}") @Min(value = 1, message = "{businessCalendar.hours}")
            @Max(value = ClauseForm.MAX_HOURS, message = "{businessCalendar.hours}") Integer hours,
            Boolean urgent) {

        public boolean isUrgent() {
            return Boolean.TRUE.equals(urgent);
        }
    }
}
