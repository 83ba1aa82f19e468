package org.shouwang.community;

/** A member's position in a student organisation, most senior first. */
public enum Position {
    PRESIDENT, VICE_PRESIDENT, SECRETARY, MINISTER, MEMBER
}
