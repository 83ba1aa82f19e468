package org.shouwang.governance;

/** What a meeting is: a dedicated meeting on the community (专题会议, four a year), a seminar (研讨会, two a year) or a regular one. */
public enum MeetingKind {
    COMMUNITY,
    SEMINAR,
    REGULAR
}
