package org.shouwang.governance;

/** The bodies that lead the one-stop community, in the order the governance page shows them. */
public enum GoverningBodyKind {
    /** 一站式学生社区建设领导小组: chaired by the Party secretary and the president. */
    LEADERSHIP_GROUP,
    /** 党委会. */
    PARTY_COMMITTEE,
    /** 校长办公会. */
    PRESIDENT_OFFICE,
    /** 学生社区工作委员会. */
    WORKING_COMMITTEE
}
