package org.shouwang.party;

/** The fixed list of what an off-campus mentor is good at: the directory's filter. */
public enum MentorExpertise {
    CAREER, LAW, PSYCHOLOGY, MEDICINE, ENTREPRENEURSHIP, CULTURE, SPORTS, PARTY_HISTORY, SAFETY, OTHER
}
