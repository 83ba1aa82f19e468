package org.shouwang.studios;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;

/** An ISO week of the campus calendar (Monday to Sunday), written like {@code 2026-W49}: rosters are planned week by week. */
public record DutyWeek(LocalDate monday) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    public DutyWeek {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("not a Monday: " + monday);
        }
    }

    /** The week holding the date. */
    public static DutyWeek of(LocalDate date) {
        return new DutyWeek(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public static DutyWeek current(Clock clock) {
        return of(CampusTime.today(clock));
    }

    /** {@code 2026-W49}; anything else, or a week the year does not have, is a field error on {@code field}. */
    public static DutyWeek parse(String text, String field) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            LocalDate thursday = LocalDate.of(year, 1, 4);
            long weeks = thursday.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
            if (year >= 2000 && year <= 2100 && week >= 1 && week <= weeks) {
                return of(thursday.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
            }
        }
        throw new InvalidInput(field, "duty.badWeek", text == null ? "" : text.strip());
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public List<LocalDate> days() {
        return IntStream.range(0, 7).mapToObj(monday::plusDays).toList();
    }

    public DutyWeek previous() {
        return new DutyWeek(monday.minusWeeks(1));
    }

    public DutyWeek next() {
        return new DutyWeek(monday.plusWeeks(1));
    }

    public String text() {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Override
    public String toString() {
        return text();
    }
}
