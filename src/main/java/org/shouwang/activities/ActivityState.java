package org.shouwang.activities;

/** An activity is drafted, submitted for approval, then published or rejected (and may be edited and submitted again). */
public enum ActivityState {
    DRAFT, SUBMITTED, PUBLISHED, REJECTED, CANCELLED
}
