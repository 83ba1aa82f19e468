package org.shouwang.activities.web;

import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.shared.InvalidInput;

/** What API clients send to check in, check out and scan at the door. */
final class CheckInBodies {

    private CheckInBodies() {
    }

    /** The code a student scanned (the {@code t} of the code's address), or the pass its page gave them. */
    record CheckInTokenBody(String token) {
    }

    /** A personal code scanned at the door, or a student number typed in; CHECK_IN (the default) or CHECK_OUT. */
    record CheckInScanBody(String code, String purpose) {

        CodePurpose purposeOrIn() {
            return CheckInBodies.purpose(purpose);
        }
    }

    static CodePurpose purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return CodePurpose.CHECK_IN;
        }
        try {
            return CodePurpose.valueOf(purpose.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("purpose", "error.field.type");
        }
    }
}
