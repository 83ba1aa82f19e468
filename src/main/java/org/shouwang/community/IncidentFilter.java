package org.shouwang.community;

import java.time.LocalDate;

/**
 * What the safety log list is narrowed to; every part may be null.
 *
 * @param from first day the incident occurred on, inclusive, campus time
 * @param to   last day, inclusive
 */
public record IncidentFilter(IncidentCategory category, IncidentStatus status, Long buildingId, LocalDate from,
                             LocalDate to) {

    public static IncidentFilter everything() {
        return new IncidentFilter(null, null, null, null, null);
    }
}
