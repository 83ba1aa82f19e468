package org.shouwang.community;

import java.time.LocalDate;

/** What an administrator says about a student organisation; the advisor is a staff account's username. */
public record OrganisationDraft(String name, OrganisationKind kind, String advisorUsername, String description,
                                LocalDate foundedOn) {
}
