package org.shouwang.community.web;

import org.shouwang.community.OrganisationDraft;
import org.shouwang.community.OrganisationViews;

/** The organisation pages' forms, kept as typed so that they can be shown again with each problem beside its field. */
final class OrganisationForms {

    private OrganisationForms() {
    }

    /** An organisation's particulars (administrators). */
    public record OrganisationForm(String name, String kind, String advisorUsername, String description, String foundedOn,
                                   String version) {

        static OrganisationForm empty() {
            return new OrganisationForm("", "", "", "", "", "");
        }

        static OrganisationForm of(OrganisationViews.Detail d) {
            return new OrganisationForm(d.name(), d.kind().name(), d.advisorUsername() == null ? "" : d.advisorUsername(),
                    d.description(), d.foundedOn() == null ? "" : d.foundedOn().toString(), String.valueOf(d.version()));
        }

        OrganisationDraft draft() {
            return OrganisationInput.draft(name, kind, advisorUsername, description, foundedOn);
        }
    }

    /** Appointing a student (by student number) to a position for a term. */
    public record AppointForm(String studentNumber, String position, String termStart, String termEnd) {

        static AppointForm empty() {
            return new AppointForm("", "MEMBER", "", "");
        }
    }

    /** Ending one member's term on a day, or moving them to another position from a day. */
    public record MemberForm(String position, String from, String termEnd) {
    }
}
