package org.shouwang.tickets.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.shouwang.tickets.BusinessCalendar;

/** The chosen year as month grids (Monday first), each day marked as the calendar counts it. */
final class CalendarMonths {

    private CalendarMonths() {
    }

    /** A Monday-to-Sunday week, for the grid's column heads. */
    static final List<LocalDate> WEEK = LocalDate.of(2024, 1, 1).datesUntil(LocalDate.of(2024, 1, 8)).toList();

    enum Mark { WORKDAY, WEEKEND, HOLIDAY, MAKEUP }

    record Cell(LocalDate day, Mark mark, String name, boolean vacation) {
    }

    record Month(YearMonth month, List<List<Cell>> weeks) {
    }

    /** The answer of the deadline calculator, in the calendar's time zone. */
    record Due(LocalDateTime start, int hours, boolean urgent, Instant startInstant, Instant due, LocalDateTime dueLocal,
               String zone) {
    }

    static List<Month> of(int year, List<BusinessCalendar.Day> days, List<BusinessCalendar.Term> terms) {
        Map<LocalDate, BusinessCalendar.Day> byDate = days.stream().collect(Collectors.toMap(BusinessCalendar.Day::day, Function.identity()));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int i = 1; i < month.atDay(1).getDayOfWeek().getValue(); i++) {
                week.add(null);
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate day = month.atDay(d);
                week.add(cell(day, byDate.get(day), terms));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(month, weeks));
        }
        return months;
    }

    private static Cell cell(LocalDate day, BusinessCalendar.Day special, List<BusinessCalendar.Term> terms) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        boolean vacation = terms.stream().anyMatch(t -> t.kind() == BusinessCalendar.TermKind.VACATION
                && !day.isBefore(t.starts()) && !day.isAfter(t.ends()));
        if (special != null) {
            return new Cell(day, special.kind() == BusinessCalendar.DayKind.HOLIDAY ? Mark.HOLIDAY : Mark.MAKEUP, special.name(), vacation);
        }
        return new Cell(day, weekend ? Mark.WEEKEND : Mark.WORKDAY, null, vacation);
    }

    static Due due(BusinessCalendar calendar, ZoneId zone, CalendarForms.Deadline question) {
        Instant start = question.start().atZone(zone).toInstant();
        Instant due = calendar.after(start, question.hours() * 60L, question.isUrgent());
        return new Due(question.start(), question.hours(), question.isUrgent(), start, due, LocalDateTime.ofInstant(due, zone),
                zone.getId());
    }
}
