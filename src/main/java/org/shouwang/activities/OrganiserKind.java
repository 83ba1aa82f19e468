package org.shouwang.activities;

/** Who organises an activity. */
public enum OrganiserKind {
    DEPARTMENT, COLLEGE, STUDIO, STUDENT_ORGANISATION, PARTY_BRANCH, PARTNER
}
