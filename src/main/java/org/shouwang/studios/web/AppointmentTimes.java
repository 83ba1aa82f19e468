package org.shouwang.studios.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.shouwang.shared.CampusTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Times of slots and appointments as the campus reads them (campus zone), weekdays in the reader's language. */
@Component("appointmentTimes")
public class AppointmentTimes {

    /** 12月3日 周四 / Thu 3 Dec */
    public String day(LocalDate d) {
        Locale l = locale();
        return d == null ? "" : DateTimeFormatter.ofPattern(english(l) ? "EEE d MMM" : "M月d日 EEE", l).format(d);
    }

    /** 14:00–14:50 */
    public String hours(Instant start, Instant end) {
        return time(start) + "–" + time(end);
    }

    /** 12月3日 周四 14:00–14:50 */
    public String span(Instant start, Instant end) {
        return start == null ? "" : day(start.atZone(CampusTime.ZONE).toLocalDate()) + " " + hours(start, end);
    }

    /** 2026-12-03 14:00 */
    public String at(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(t.atZone(CampusTime.ZONE));
    }

    public String time(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(t.atZone(CampusTime.ZONE));
    }

    private static boolean english(Locale l) {
        return "en".equals(l.getLanguage());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
