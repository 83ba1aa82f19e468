package org.shouwang.activities;

/** Who may register: everyone, one college, one grade, the residents of one building, or Party members. */
public enum Audience {
    EVERYONE, COLLEGE, GRADE, BUILDING, PARTY_MEMBERS
}
