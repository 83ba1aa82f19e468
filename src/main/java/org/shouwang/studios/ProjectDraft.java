package org.shouwang.studios;

import java.time.LocalDate;

/**
 * What is said about an education project: its owner is a staff account named by username, its
 * studio optional; the outcome is written as the project goes and when it ends.
 */
public record ProjectDraft(String name, ProjectLevel level, Long studioId, String ownerUsername, String goals,
                           LocalDate startsOn, LocalDate endsOn, ProjectStatus status, String outcome) {
}
