package org.shouwang.tickets;

/**
 * One change to a request as its history records it. {@code shown} steps appear on the student's
 * timeline; the others (internal notes, returns, supervision…) only to staff.
 */
record Step(Kind kind, TicketState from, TicketState to, String text, String detail) {

    enum Kind {
        SUBMITTED(true), REGISTERED(true), DISPATCHED(true), TRANSFERRED(true), ACCEPTED(true), REPLIED(true),
        STUDENT_REPLIED(true), NOTE(false), ASKED(true), SUPPLIED(true), EXTENSION_REQUESTED(false),
        EXTENSION_APPROVED(true), EXTENSION_REJECTED(false), RESOLVED(true), RETURNED(false), DECIDED(false),
        FOLLOWED_UP(true), REOPENED(true), CLOSED(true), WITHDRAWN(true), MERGED(true), MERGED_IN(true),
        LINKED(false), REMINDED(false), SUPERVISED(false), CRISIS(false);

        private final boolean shown;

        Kind(boolean shown) {
            this.shown = shown;
        }

        boolean shown() {
            return shown;
        }
    }
}
