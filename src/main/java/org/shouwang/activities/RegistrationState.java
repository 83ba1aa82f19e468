package org.shouwang.activities;

/** A student's place on an activity. */
public enum RegistrationState {
    REGISTERED, WAITLISTED, CANCELLED, ON_LEAVE
}
