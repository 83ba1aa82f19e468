package org.shouwang.shared;

/**
 * Nothing there, or nothing there for this viewer: both answer 404, so a forbidden user learns
 * nothing about what exists. An expected answer, not a fault: it keeps no stack trace.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found", null, false, false);
    }
}
