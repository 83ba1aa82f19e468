package org.shouwang.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.shouwang.shared.Viewer;
import org.shouwang.tickets.BusinessCalendar;
import org.shouwang.tickets.BusinessCalendar.Day;
import org.shouwang.tickets.BusinessCalendar.DayKind;
import org.shouwang.tickets.BusinessCalendar.TermKind;
import org.shouwang.tickets.WorkingTime;
import org.springframework.stereotype.Component;

/**
 * The demo's business calendar: office hours 8:00–12:00 and 14:00–17:30, the State Council's
 * 2026 holiday schedule (国办发明电〔2025〕7号) with its make-up working days, and the academic year's
 * terms and vacations.
 */
@Component
class DemoCalendar {

    private final BusinessCalendar calendar;

    DemoCalendar(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    void load(Viewer admin) {
        calendar.setPeriods(admin, List.of(new WorkingTime.Period(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new WorkingTime.Period(LocalTime.of(14, 0), LocalTime.of(17, 30))));
        List<Day> days = new ArrayList<>();
        holidays(days, "元旦", "2026-01-01", "2026-01-03");
        workday(days, "元旦调休上班", "2026-01-04");
        holidays(days, "春节", "2026-02-15", "2026-02-23");
        workday(days, "春节调休上班", "2026-02-14");
        workday(days, "春节调休上班", "2026-02-28");
        holidays(days, "清明节", "2026-04-04", "2026-04-06");
        holidays(days, "劳动节", "2026-05-01", "2026-05-05");
        workday(days, "劳动节调休上班", "2026-05-09");
        holidays(days, "端午节", "2026-06-19", "2026-06-21");
        holidays(days, "中秋节", "2026-09-25", "2026-09-27");
        holidays(days, "国庆节", "2026-10-01", "2026-10-07");
        workday(days, "国庆节调休上班", "2026-09-20");
        workday(days, "国庆节调休上班", "2026-10-10");
        calendar.setDays(admin, days);
        calendar.addTerm(admin, "2025–2026 学年第二学期", TermKind.TERM, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-07-10"));
        calendar.addTerm(admin, "2026 年暑假", TermKind.VACATION, LocalDate.parse("2026-07-11"), LocalDate.parse("2026-08-30"));
        calendar.addTerm(admin, "2026–2027 学年第一学期", TermKind.TERM, LocalDate.parse("2026-08-31"), LocalDate.parse("2027-01-15"));
        calendar.addTerm(admin, "2027 年寒假", TermKind.VACATION, LocalDate.parse("2027-01-16"), LocalDate.parse("2027-02-28"));
    }

    private static void holidays(List<Day> days, String name, String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            days.add(new Day(d, DayKind.HOLIDAY, name));
        }
    }

    private static void workday(List<Day> days, String name, String day) {
        days.add(new Day(LocalDate.parse(day), DayKind.WORKDAY, name));
    }
}
