package org.shouwang.community;

/** An incident is open until an officer closes it with a note. */
public enum IncidentStatus {
    OPEN, CLOSED
}
