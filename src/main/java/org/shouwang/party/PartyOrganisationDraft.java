package org.shouwang.party;

import java.time.LocalDate;

/**
 * What an administrator says about a Party organisation: its place in the tree (parent), whether it
 * is a functional branch of the community or belongs to a college, and its secretary (an account's
 * username).
 */
public record PartyOrganisationDraft(String name, PartyOrganisationKind kind, Long parentId, boolean functional,
                                     Long collegeId, String secretaryUsername, String description, LocalDate foundedOn) {
}
