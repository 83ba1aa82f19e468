package org.shouwang.party;

/** Where a person stands on the way into the Party, from the first step to the last. */
public enum PartyMemberStatus {
    /** 入党申请人 */
    APPLICANT,
    /** 入党积极分子 */
    ACTIVIST,
    /** 预备党员 */
    PROBATIONARY,
    /** 正式党员 */
    FULL;

    /** A member or probationary member (党员), as opposed to those on the way. */
    public boolean member() {
        return this == FULL || this == PROBATIONARY;
    }
}
