package org.shouwang.governance;

/** Who won an honour: the university itself, a department, a studio, a project, a student organisation or a student. */
public enum HonourHolderKind {
    UNIVERSITY,
    DEPARTMENT,
    STUDIO,
    PROJECT,
    ORGANISATION,
    STUDENT
}
