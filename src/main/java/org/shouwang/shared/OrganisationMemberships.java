package org.shouwang.shared;

/**
 * Whether a student may act in the name of a student organisation (book a space for it). The
 * community module keeps the organisations and answers; modules it depends on (spaces, which
 * activities use) ask through this interface, so no cycle arises.
 */
public interface OrganisationMemberships {

    /**
     * False when an active student organisation has this name and the student does not serve in it
     * today; true otherwise (a name the community module does not keep, such as a Party branch, is
     * not its to refuse).
     */
    boolean mayActFor(long studentId, String organisationName);
}
