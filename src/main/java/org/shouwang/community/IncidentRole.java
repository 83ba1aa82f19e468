package org.shouwang.community;

/** A student's part in an incident. */
public enum IncidentRole {
    VICTIM, PARTY, WITNESS
}
