package org.shouwang.tickets;

/**
 * How a request reached us: submitted online by the student, registered by staff who heard it in
 * person or by phone, or raised by a dormitory inspection that found something to repair.
 */
public enum Channel {
    ONLINE, IN_PERSON, PHONE, INSPECTION;

    /** What staff may say when they register a request by hand. */
    public boolean staffMayChoose() {
        return this == IN_PERSON || this == PHONE;
    }
}
