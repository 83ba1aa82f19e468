package org.shouwang.party;

/** A seat on a Party organisation's committee besides its secretary. */
public enum CommitteePosition {
    DEPUTY_SECRETARY, ORGANISATION, PROPAGANDA, DISCIPLINE, MEMBER
}
