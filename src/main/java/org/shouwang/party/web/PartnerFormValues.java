package org.shouwang.party.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.shouwang.shared.InvalidInput;

/** Values of the partner and mentor forms arrive as text: one that cannot be read is a problem on its field, never a 500. */
final class PartnerFormValues {

    private PartnerFormValues() {
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
            problems.add(new InvalidInput.Problem(field, "partner.web.unknownValue"));
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
            problems.add(new InvalidInput.Problem(field, "partner.web.wrongValue"));
            return null;
        }
    }

    static BigDecimal number(String field, String value, List<InvalidInput.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput.Problem(field, "partner.web.wrongValue"));
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
            problems.add(new InvalidInput.Problem(field, "partner.web.badDate"));
            return null;
        }
    }

    static Integer version(String value) {
        try {
            return blank(value) ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E filter(Class<E> type, String value) {
        try {
            return blank(value) ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
