package org.shouwang.community;

/**
 * What a defect of a rubric item asks for beyond its deduction: nothing more (ordinary), a repair
 * (a repair request is registered for the room), or putting a safety hazard right (a room with an
 * unresolved one is not rated civilised).
 */
public enum DefectKind {
    ORDINARY, NEEDS_REPAIR, SAFETY_HAZARD
}
