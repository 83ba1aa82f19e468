package org.shouwang.community.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.shouwang.community.OrganisationDraft;
import org.shouwang.community.OrganisationKind;
import org.shouwang.community.Position;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;

/**
 * What pages and API clients type, read as the service's values: a value that is not one of those
 * offered or not a date is a field error (collected in {@link Fields}), never a 500.
 */
final class OrganisationInput {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private OrganisationInput() {
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Fields f) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            f.add(field, "organisation.unknownValue");
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
            f.add(field, "organisation.date");
            return null;
        }
    }

    /** The draft, or every problem of the values that could not be read (with the required ones left empty). */
    static OrganisationDraft draft(String name, String kind, String advisorUsername, String description, String foundedOn) {
        Fields f = new Fields();
        OrganisationKind k = choice(OrganisationKind.class, kind, "kind", f);
        LocalDate founded = date(foundedOn, "foundedOn", f);
        if (!f.ok()) {
            f.text(name, "name", Integer.MAX_VALUE, true);
            f.text(advisorUsername, "advisorUsername", Integer.MAX_VALUE, true);
            f.check();
        }
        return new OrganisationDraft(name, k, advisorUsername, description, founded);
    }

    static Position position(String value, String field, Fields f) {
        return choice(Position.class, value, field, f);
    }

    /** A version typed into a hidden field; null (no check) when missing or garbled. */
    static Integer version(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Campus time for the pages (templates call {@code times.at(...)}). */
    public static final class Times {
        public String at(Instant at) {
            return at == null ? "" : SHOWN.format(at.atZone(CampusTime.ZONE));
        }
    }
}
