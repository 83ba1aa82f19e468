package org.shouwang.governance;

/** What a published document is: an implementation plan (实施方案), a responsibility list (责任清单), rules, a work report… */
public enum DocumentKind {
    IMPLEMENTATION_PLAN,
    RESPONSIBILITY_LIST,
    RULES,
    WORK_REPORT,
    NOTICE,
    OTHER
}
