package org.shouwang.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Values of a page form arrive as text: one that is not a number, a date or one of the choices
 * offered becomes a problem on its field (codes {@code field.choice}, {@code field.value},
 * {@code field.date}, {@code field.dateTime} in the web bundle), never a 500. A blank value is null;
 * whether it is required is the service's to say. {@link Fields} offers the same on its own problems.
 */
public final class FormValues {

    private FormValues() {
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput.Problem(field, "field.choice"));
            return null;
        }
    }

    public static Long id(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput.Problem(field, "field.value"));
            return null;
        }
    }

    public static BigDecimal number(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput.Problem(field, "field.value"));
            return null;
        }
    }

    /** 2026-11-29, as a date field sends it. */
    public static LocalDate date(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput.Problem(field, "field.date"));
            return null;
        }
    }

    /** "2026-03-12T14:30" (a datetime-local field) or "2026-03-12 14:30". */
    public static LocalDateTime dateTime(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput.Problem(field, "field.dateTime"));
            return null;
        }
    }

    /** The version a form was opened on; null (no check) when it is missing or garbled. */
    public static Integer version(String value) {
        try {
            return blank(value) ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A filter value from the address bar: an unknown one is ignored. */
    public static <E extends Enum<E>> E filter(Class<E> type, String value) {
        try {
            return blank(value) ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A value as a form field shows it: empty for none. */
    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** An id from the address bar: a garbled one is ignored. */
    public static Long filterId(String value) {
        try {
            return blank(value) ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
