package org.shouwang.studios.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.shouwang.shared.InvalidInput;

/**
 * Values of a page form arrive as text: one that is not a number, a date or one of the choices
 * offered becomes a problem on its field, never a 500.
 */
final class FormValues {

    private FormValues() {
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static <E extends Enum<E>> E choice(Class<E> type, String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput.Problem(field, "studio.web.unknownValue"));
            return null;
        }
    }

    static Long id(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput.Problem(field, "studio.web.wrongValue"));
            return null;
        }
    }

    static LocalDate date(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput.Problem(field, "studio.web.badDate"));
            return null;
        }
    }

    /** The version the form was opened on; null (no check) when it is missing or garbled. */
    static Integer version(String value) {
        try {
            return blank(value) ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A filter value from the address bar: an unknown one is ignored. */
    static <E extends Enum<E>> E filter(Class<E> type, String value) {
        try {
            return blank(value) ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Long filterId(String value) {
        try {
            return blank(value) ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
