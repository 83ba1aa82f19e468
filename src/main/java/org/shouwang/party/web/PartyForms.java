package org.shouwang.party.web;

import org.shouwang.party.PartyMemberDraft;
import org.shouwang.party.PartyOrganisationDraft;
import org.shouwang.party.PartyViews;

/** The Party pages' forms, kept as typed so that they can be shown again with each problem beside its field. */
final class PartyForms {

    private PartyForms() {
    }

    /** An organisation's particulars (administrators). */
    public record OrganisationForm(String name, String kind, String parentId, Boolean functional, String collegeId,
                                   String secretaryUsername, String description, String foundedOn, String version) {

        static OrganisationForm empty() {
            return new OrganisationForm("", "BRANCH", "", false, "", "", "", "", "");
        }

        static OrganisationForm of(PartyViews.Organisation o, String secretaryUsername) {
            return new OrganisationForm(o.name(), o.kind().name(), o.parentId() == null ? "" : o.parentId().toString(), o.functional(),
                    o.collegeId() == null ? "" : o.collegeId().toString(), secretaryUsername == null ? "" : secretaryUsername,
                    o.description(), o.foundedOn() == null ? "" : o.foundedOn().toString(), String.valueOf(o.version()));
        }

        PartyOrganisationDraft draft() {
            return PartyInput.organisation(name, kind, parentId, Boolean.TRUE.equals(functional), collegeId, secretaryUsername,
                    description, foundedOn);
        }
    }

    /** A student or staff member put on the roster by number. */
    public record MemberForm(String number, String status, String appliedOn, String activistOn, String probationaryOn,
                             String fullOn) {

        static MemberForm empty() {
            return new MemberForm("", "APPLICANT", "", "", "", "");
        }

        PartyMemberDraft draft() {
            return PartyInput.member(number, status, appliedOn, activistOn, probationaryOn, fullOn);
        }
    }

    /** Seating an account on the committee. */
    public record SeatForm(String username, String position) {

        static SeatForm empty() {
            return new SeatForm("", "MEMBER");
        }
    }

    /** Moving a member on, transferring them or recording that they left. */
    public record StatusForm(String status, String on, String version) {
    }

    public record TransferForm(String organisationId, String note, String version) {
    }

    public record LeaveForm(String on, String reason, String version) {
    }
}
