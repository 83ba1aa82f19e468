package org.shouwang.activities;

/** How an attendance was recorded. */
public enum AttendanceMethod {
    /** The student scanned the activity's rotating code. */
    QR,
    /** Staff scanned the student's personal code. */
    PERSONAL_CODE,
    /** Staff entered the student number at the activity. */
    MANUAL,
    /** Entered after the activity (补录), approved by an approver. */
    LATE_ENTRY,
    /** Restored on the student's appeal. */
    APPEAL
}
