package org.shouwang.studios;

/** Where an education project stands. */
public enum ProjectStatus {
    PLANNED, ACTIVE, COMPLETED, SUSPENDED
}
