package org.shouwang.people;

/** A student in a list: no personal identifiers. */
public record StudentSummary(long id, String studentNumber, String name, Gender gender, long classId, String className) {
}
