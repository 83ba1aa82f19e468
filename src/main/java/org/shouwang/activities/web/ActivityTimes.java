package org.shouwang.activities.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Instants as the campus reads them: in the campus zone (not the server's), with the weekday in
 * the reader's language; and the {@code datetime-local} values of the forms, read in that zone.
 */
public final class ActivityTimes {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;

    ActivityTimes(ZoneId zone) {
        this.zone = zone;
    }

    /** 2026-12-03 周四 14:00 */
    public String at(Instant t) {
        return t == null ? "" : format(t, "yyyy-MM-dd EEE HH:mm");
    }

    /** 2026-12-03 周四 14:00–16:00, or both ends in full when it runs over midnight. */
    public String span(Instant start, Instant end) {
        if (start == null || end == null) {
            return at(start);
        }
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        return s.toLocalDate().equals(e.toLocalDate()) ? at(start) + "–" + format(end, "HH:mm") : at(start) + " – " + at(end);
    }

    public String date(Instant t) {
        return t == null ? "" : format(t, "yyyy-MM-dd EEE");
    }

    /** The value of a {@code datetime-local} field. */
    public String input(Instant t) {
        return t == null ? "" : INPUT.format(t.atZone(zone));
    }

    /** A {@code datetime-local} value (seconds allowed) as an instant in the campus zone; null when it is none. */
    Instant parse(String value) {
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    ZoneId zone() {
        return zone;
    }

    private String format(Instant t, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, LocaleContextHolder.getLocale()).format(t.atZone(zone));
    }
}
