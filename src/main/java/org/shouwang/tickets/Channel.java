package org.shouwang.tickets;

/** How a request reached us: submitted online by the student, or registered by staff who heard it. */
public enum Channel {
    ONLINE, IN_PERSON, PHONE
}
