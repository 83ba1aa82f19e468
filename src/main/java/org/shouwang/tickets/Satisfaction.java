package org.shouwang.tickets;

/** The student's answer to "are you satisfied?" at follow-up. */
public enum Satisfaction {
    SATISFIED, BASICALLY, NOT;

    public boolean content() {
        return this != NOT;
    }
}
