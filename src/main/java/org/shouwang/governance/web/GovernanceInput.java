package org.shouwang.governance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;

/** What pages and API clients type, read as the services' values: anything unreadable is a field error, never a 500. */
final class GovernanceInput {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private GovernanceInput() {
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Fields f) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            f.add(field, "governance.unknownValue");
            return null;
        }
    }

    static LocalDate date(String value, String field, Fields f) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            f.add(field, "governance.date");
            return null;
        }
    }

    /** "2026-03-12T14:30" (a datetime-local field) or "2026-03-12 14:30". */
    static LocalDateTime dateTime(String value, String field, Fields f) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            f.add(field, "governance.dateTime");
            return null;
        }
    }

    static Long id(String value, String field, Fields f) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            f.add(field, "governance.unknownValue");
            return null;
        }
    }

    /** Lines (or commas, for usernames) of a text area, blanks dropped. */
    static List<String> lines(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> usernames(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split("[,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Integer version(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Campus time for the pages. */
    public static final class Times {
        public String at(Instant at) {
            return at == null ? "" : SHOWN.format(at.atZone(CampusTime.ZONE));
        }
    }
}
