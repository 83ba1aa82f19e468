package org.shouwang.governance;

/** Whether an invited attendee came: invited until the recorder marks them present or absent. */
public enum MeetingAttendance {
    INVITED,
    PRESENT,
    ABSENT
}
