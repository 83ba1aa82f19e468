package org.shouwang.community;

/** What a rubric item looks at: hygiene (卫生) or safety (安全). */
public enum InspectionArea {
    HYGIENE, SAFETY
}
