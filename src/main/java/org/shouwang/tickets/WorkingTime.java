package org.shouwang.tickets;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Working time on one calendar: Monday to Friday within the working periods, except the days
 * listed as holidays, plus the weekend days listed as make-up working days (调休上班).
 * Deadlines count only working time; pure arithmetic, no database.
 */
public final class WorkingTime {

    /** How far a deadline may lie ahead: longer limits are a configuration error. */
    private static final int HORIZON_DAYS = 3 * 366;

    private final List<Period> periods;
    private final Map<LocalDate, Boolean> exceptions;
    private final ZoneId zone;

    public WorkingTime(List<Period> periods, Map<LocalDate, Boolean> exceptions, ZoneId zone) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("no working periods");
        }
        this.periods = periods.stream().sorted(Comparator.comparing(Period::starts)).toList();
        this.exceptions = Map.copyOf(exceptions);
        this.zone = zone;
    }

    /** One span of a working day, e.g. 08:00–12:00. */
    public record Period(LocalTime starts, LocalTime ends) {
        public Period {
            if (!starts.isBefore(ends)) {
                throw new IllegalArgumentException("period ends before it starts");
            }
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The instant when {@code amount} of working time has passed after {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative working time");
        }
        LocalDateTime from = LocalDateTime.ofInstant(start, zone);
        long remaining = amount.getSeconds();
        if (remaining == 0) {
            return start;
        }
        LocalDate day = from.toLocalDate();
        for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period period : periods) {
                LocalDateTime begins = max(day.atTime(period.starts()), from);
                LocalDateTime ends = day.atTime(period.ends());
                if (!begins.isBefore(ends)) {
                    continue;
                }
                long available = Duration.between(begins, ends).getSeconds();
                if (remaining <= available) {
                    return begins.plusSeconds(remaining).atZone(zone).toInstant();
                }
                remaining -= available;
            }
        }
        throw new IllegalArgumentException("deadline beyond the calendar's horizon");
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        long seconds = 0;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period period : periods) {
                LocalDateTime begins = max(day.atTime(period.starts()), start);
                LocalDateTime ends = min(day.atTime(period.ends()), end);
                if (begins.isBefore(ends)) {
                    seconds += Duration.between(begins, ends).getSeconds();
                }
            }
        }
        return Duration.ofSeconds(seconds);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
