package org.shouwang.party;

import java.time.LocalDate;

/**
 * A person put on a Party organisation's roster: a student or staff number, the status and the
 * dates known so far (the date of the status is required; all in order; full membership no earlier
 * than a year after probationary).
 */
public record PartyMemberDraft(String number, PartyMemberStatus status, LocalDate appliedOn, LocalDate activistOn,
                               LocalDate probationaryOn, LocalDate fullOn) {
}
