package org.shouwang.tickets;

/** Where a request stands in the closed loop (DESIGN §4). Supervision is a level, not a state. */
public enum TicketState {
    SUBMITTED, DISPATCHED, ACCEPTED, IN_PROGRESS, WAITING_ON_STUDENT, RESOLVED, CLOSED, RETURNED, REOPENED, WITHDRAWN, MERGED;

    /** Still to be handled: deadlines run and supervision applies. */
    public boolean open() {
        return this != RESOLVED && this != CLOSED && this != WITHDRAWN && this != MERGED;
    }

    /** Over for good: closed (after follow-up, unrated, or solved on the spot), withdrawn, or merged into another. */
    public boolean ended() {
        return this == CLOSED || this == WITHDRAWN || this == MERGED;
    }

    /** With a department, which holds it now. */
    public boolean withDepartment() {
        return this == DISPATCHED || this == ACCEPTED || this == IN_PROGRESS || this == WAITING_ON_STUDENT || this == REOPENED;
    }
}
