package org.shouwang.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the member pages and API show; only to those who may see political status. */
public final class PartyMemberViews {

    private PartyMemberViews() {
    }

    /** One person on a roster (a student or a staff member; number is the student or staff number). */
    public record Member(long id, int version, long organisationId, String organisationName, Long studentId, Long staffId,
                         String number, String name, PartyMemberStatus status, LocalDate appliedOn, LocalDate activistOn,
                         LocalDate probationaryOn, LocalDate fullOn, boolean active, LocalDate leftOn, String leftReason) {

        public boolean student() {
            return studentId != null;
        }
    }

    /** JOINED, STATUS, TRANSFER or LEFT. */
    public record Event(long id, long memberId, String memberName, String action, Long fromOrganisationId,
                        String fromOrganisationName, Long toOrganisationId, String toOrganisationName,
                        PartyMemberStatus fromStatus, PartyMemberStatus toStatus, String note, String byName, Instant at) {
    }

    /** Active members by status: what everyone may see of an organisation. */
    public record Counts(int full, int probationary, int activist, int applicant) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public int members() {
            return full + probationary;
        }

        public int total() {
            return full + probationary + activist + applicant;
        }
    }

    /** An organisation's active members and the transfers in and out of it, newest first. */
    public record Roster(long organisationId, List<Member> members, List<Event> transfers) {
    }

    /** One member with what happened to them, and what the viewer may do. */
    public record Detail(Member member, List<Event> history, boolean manageable) {
    }
}
