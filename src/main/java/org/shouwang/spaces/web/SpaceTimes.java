package org.shouwang.spaces.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.shouwang.shared.CampusTime;

/** Campus wall-clock times as the space pages write them, in the viewer's language. */
public final class SpaceTimes {

    private final DateTimeFormatter day;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");

    SpaceTimes(Locale locale) {
        boolean zh = !"en".equals(locale.getLanguage());
        this.day = DateTimeFormatter.ofPattern(zh ? "M月d日 EEE" : "EEE d MMM", zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        this.shortDay = DateTimeFormatter.ofPattern(zh ? "EEE M/d" : "EEE d/M", zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    /** "12月1日 周二 14:00–16:00". */
    public String when(Instant start, Instant end) {
        ZonedDateTime s = start.atZone(CampusTime.ZONE);
        ZonedDateTime e = end.atZone(CampusTime.ZONE);
        String to = e.toLocalDate().equals(s.toLocalDate()) || e.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? e.format(time).replace("00:00", "24:00") : day.format(e) + " " + e.format(time);
        return day.format(s) + " " + s.format(time) + "–" + to;
    }

    public String at(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime z = instant.atZone(CampusTime.ZONE);
        return day.format(z) + " " + z.format(time);
    }

    public String day(LocalDate d) {
        return day.format(d);
    }

    public String shortDay(LocalDate d) {
        return shortDay.format(d);
    }

    /** For date-and-time fields: 2026-12-01T14:00. */
    static String local(Instant instant) {
        return instant == null ? "" : instant.atZone(CampusTime.ZONE).toLocalDateTime().toString();
    }
}
