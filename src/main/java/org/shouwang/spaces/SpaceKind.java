package org.shouwang.spaces;

/** What a space is for. */
public enum SpaceKind {
    STUDY_ROOM, SEMINAR_ROOM, ACTIVITY_ROOM, TALK_ROOM, STUDIO_ROOM, OFFICE, SPORTS, SERVICE
}
