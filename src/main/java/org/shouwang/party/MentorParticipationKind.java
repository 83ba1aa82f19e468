package org.shouwang.party;

/** What a mentor's time was spent on. */
public enum MentorParticipationKind {
    TALK, ACTIVITY, STUDIO_SHIFT, MENTORING
}
