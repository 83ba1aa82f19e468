package org.shouwang.party;

/** What kind of body a partner (共建单位) is. */
public enum PartnerKind {
    HOSPITAL, POLICE, SCHOOL, VILLAGE, COMMUNITY, ENTERPRISE
}
