package org.shouwang.community;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What an officer records about an incident.
 *
 * @param occurredAt when it happened, campus time (not in the future)
 * @param buildingId the building it happened in or next to
 * @param place      where in or by the building, in words (room 305, the bicycle shed…)
 * @param students   students involved, by student number, each with their part
 * @param named      usernames of staff to be informed (a counsellor…): they may read this incident
 */
public record IncidentDraft(IncidentCategory category, LocalDateTime occurredAt, Long buildingId, String place,
                            String description, List<Involved> students, List<String> named) {

    public IncidentDraft {
        students = students == null ? List.of() : List.copyOf(students);
        named = named == null ? List.of() : List.copyOf(named);
    }

    /** A student involved: their number as typed and their part (victim, party, witness). */
    public record Involved(String studentNumber, IncidentRole role) {
    }

    /**
     * An action taken on an incident, appended to its record.
     *
     * @param takenAt when, campus time; now when null
     */
    public record Action(LocalDateTime takenAt, String text) {
    }
}
