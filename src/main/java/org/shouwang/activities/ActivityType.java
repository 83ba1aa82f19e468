package org.shouwang.activities;

/** What kind of activity it is; the leader exchanges and Party activities a leader leads count on the front line. */
public enum ActivityType {
    LECTURE,
    PARTY_LESSON,
    LEAGUE_LESSON,
    CLASS_MEETING,
    CEREMONY,
    CLUB_ACTIVITY,
    VOLUNTEER_SERVICE,
    SOCIAL_PRACTICE,
    /** Leader exchanges (领导交流): 政策宣讲, 晚餐会, 下午茶. */
    POLICY_TALK,
    DINNER_MEETING,
    AFTERNOON_TEA,
    /** A branch's organisation life (组织生活) a leader joins. */
    ORGANISATION_LIFE,
    PARTY_DAY,
    COMPETITION,
    FESTIVAL,
    /** Anti-fraud, cyber safety, first aid… */
    EDUCATION_CAMPAIGN;

    /** Counts on a leader's front line when a leader leads it. */
    public boolean frontLine() {
        return switch (this) {
            case POLICY_TALK, DINNER_MEETING, AFTERNOON_TEA, ORGANISATION_LIFE, PARTY_DAY -> true;
            default -> false;
        };
    }

    /** Its hours count as volunteer hours on the growth record. */
    public boolean volunteering() {
        return this == VOLUNTEER_SERVICE;
    }
}
