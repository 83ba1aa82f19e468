package org.shouwang.community;

import java.time.OffsetDateTime;
import java.util.List;

/** What the safety log pages and API show. Times are campus time (+08:00). */
public final class IncidentViews {

    private IncidentViews() {
    }

    public record Summary(long id, String number, IncidentCategory category, OffsetDateTime occurredAt, long buildingId,
                          String buildingName, String place, IncidentStatus status, int actions) {
    }

    /** @param mayRecord whether the viewer may record incidents (police office, security department) */
    public record Log(List<Summary> items, int page, int size, long total, boolean mayRecord) {
    }

    public record Student(long studentId, String studentNumber, String name, String className, IncidentRole role) {
    }

    public record Staff(long accountId, String username, String name) {
    }

    public record Action(long id, OffsetDateTime takenAt, String by, String text, OffsetDateTime recordedAt) {
    }

    /** @param mayUpdate whether the viewer may add actions and close it (police office, security department; open) */
    public record Incident(long id, String number, IncidentCategory category, OffsetDateTime occurredAt, long buildingId,
                           String buildingName, String place, String description, IncidentStatus status,
                           String recordedBy, OffsetDateTime recordedAt, List<Student> students, List<Staff> named,
                           List<Action> actions, String closedBy, OffsetDateTime closedAt, String closingNote,
                           boolean mayUpdate) {
    }
}
