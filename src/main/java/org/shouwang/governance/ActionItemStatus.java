package org.shouwang.governance;

/** Where a decision stands: open, in progress, done (only with a completion note). */
public enum ActionItemStatus {
    OPEN,
    IN_PROGRESS,
    DONE
}
