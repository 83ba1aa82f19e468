package org.shouwang.party.web;

import java.time.LocalDate;

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

    /** The draft, or every problem of the values that could not be read (with the required ones left empty). */
    static PartyOrganisationDraft organisation(String name, String kind, String parentId, boolean functional, String collegeId,
                                               String secretaryUsername, String description, String foundedOn) {
        Fields f = new Fields();
        PartyOrganisationKind k = f.choice(PartyOrganisationKind.class, kind, "kind");
        Long parent = f.id(parentId, "parentId");
        Long college = null;
        if (collegeId != null && !collegeId.isBlank()) {
            try {
                college = Long.valueOf(collegeId.strip());
            } catch (NumberFormatException e) {
                f.add("collegeId", "party.unknownCollege");
            }
        }
        LocalDate founded = f.date(foundedOn, "foundedOn");
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
        PartyMemberStatus s = f.choice(PartyMemberStatus.class, status, "status");
        LocalDate applied = f.date(appliedOn, "appliedOn");
        LocalDate activist = f.date(activistOn, "activistOn");
        LocalDate probationary = f.date(probationaryOn, "probationaryOn");
        LocalDate full = f.date(fullOn, "fullOn");
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
