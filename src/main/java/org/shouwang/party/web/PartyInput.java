package org.shouwang.party.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.shouwang.party.PartyMemberDraft;
import org.shouwang.party.PartyMemberStatus;
import org.shouwang.party.PartyOrganisationDraft;
import org.shouwang.party.PartyOrganisationKind;
import org.shouwang.shared.Fields;

/**
 * What pages and API clients type, read as the service's values: a value that is not one of those
 * offered, not a date or not a number is a field error (collected in {@link Fields}), never a 500.
 */
final class PartyInput {

    private PartyInput() {
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Fields f) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            f.add(field, "party.unknownValue");
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
            f.add(field, "party.date");
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
            f.add(field, "party.unknownOrganisation");
            return null;
        }
    }

    /** A version typed into a hidden field; null (no check) when missing or garbled. */
    static Integer version(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The draft, or every problem of the values that could not be read (with the required ones left empty). */
    static PartyOrganisationDraft organisation(String name, String kind, String parentId, boolean functional, String collegeId,
                                               String secretaryUsername, String description, String foundedOn) {
        Fields f = new Fields();
        PartyOrganisationKind k = choice(PartyOrganisationKind.class, kind, "kind", f);
        Long parent = id(parentId, "parentId", f);
        Long college = null;
        if (collegeId != null && !collegeId.isBlank()) {
            try {
                college = Long.valueOf(collegeId.strip());
            } catch (NumberFormatException e) {
                f.add("collegeId", "party.unknownCollege");
            }
        }
        LocalDate founded = date(foundedOn, "foundedOn", f);
        if (!f.ok()) {
            f.text(name, "name", Integer.MAX_VALUE, true);
            if (kind == null || kind.isBlank()) {
                f.add("kind", "field.required");
            }
            f.check();
        }
        return new PartyOrganisationDraft(name, k, parent, functional, college, secretaryUsername, description, founded);
    }

    static PartyMemberDraft member(String number, String status, String appliedOn, String activistOn, String probationaryOn,
                                   String fullOn) {
        Fields f = new Fields();
        PartyMemberStatus s = choice(PartyMemberStatus.class, status, "status", f);
        LocalDate applied = date(appliedOn, "appliedOn", f);
        LocalDate activist = date(activistOn, "activistOn", f);
        LocalDate probationary = date(probationaryOn, "probationaryOn", f);
        LocalDate full = date(fullOn, "fullOn", f);
        if (!f.ok()) {
            f.text(number, "number", Integer.MAX_VALUE, true);
            if (status == null || status.isBlank()) {
                f.add("status", "field.required");
            }
            f.check();
        }
        return new PartyMemberDraft(number, s, applied, activist, probationary, full);
    }

    /** Campus time for the pages (templates call {@code times.at(...)}). */
    public static final class Times {
        private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        public String at(java.time.Instant at) {
            return at == null ? "" : SHOWN.format(at.atZone(org.shouwang.shared.CampusTime.ZONE));
        }
    }
}
