package org.shouwang.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one form or JSON body, field by field, and throws them together: so a
 * user sees every mistake at once and nothing is written. Codes {@code field.required} and
 * {@code field.tooLong} are translated in the web bundle; callers add their own codes with
 * {@link #add}.
 */
public final class Fields {

    private final List<InvalidInput.Problem> problems = new ArrayList<>();

    /** The stripped text, or null when blank; a blank required field or one longer than max is a problem. */
    public String text(String value, String field, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                add(field, "field.required");
            }
            return null;
        }
        if (v.length() > max) {
            add(field, "field.tooLong", max);
        }
        return v;
    }

    /** True when present; a missing value is a problem. */
    public boolean required(Object value, String field) {
        if (value == null) {
            add(field, "field.required");
            return false;
        }
        return true;
    }

    /** A choice offered on a form (see {@link FormValues}); null when blank or not offered (a problem then). */
    public <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        return FormValues.choice(type, field, value, problems);
    }

    public Long id(String value, String field) {
        return FormValues.id(field, value, problems);
    }

    public java.time.LocalDate date(String value, String field) {
        return FormValues.date(field, value, problems);
    }

    public java.time.LocalDateTime dateTime(String value, String field) {
        return FormValues.dateTime(field, value, problems);
    }

    public Fields add(String field, String code, Object... args) {
        problems.add(new InvalidInput.Problem(field, code, args));
        return this;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Throws {@link InvalidInput} with every problem found, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
