package org.shouwang.party;

/** The levels of the Party organisation tree. */
public enum PartyOrganisationKind {
    /** 党委: the university Party committee. */
    COMMITTEE,
    /** 党工委: the student-community Party working committee. */
    WORKING_COMMITTEE,
    /** 党总支 */
    GENERAL_BRANCH,
    /** 党支部 */
    BRANCH
}
