package org.shouwang.community;

/** The kinds of student organisation in the community. Self-discipline committee members inspect rooms. */
public enum OrganisationKind {
    PRINCIPAL_ASSISTANTS, SELF_DISCIPLINE, VETERANS, CLUB, OTHER
}
