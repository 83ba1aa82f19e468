package org.shouwang.people;

/** 政治面貌 */
public enum PoliticalStatus {
    PARTY_MEMBER, PROBATIONARY_MEMBER, LEAGUE_MEMBER, MASSES
}
