package org.shouwang.studios;

import java.time.LocalDateTime;

/**
 * A shift as a roster keeper writes it: the person on duty by account username, the building and
 * the venue in it, the studio it is kept for (optional for student affairs and administrators),
 * and start and end as campus date-times ({@code 2026-12-01T18:30}, or with an offset). Every
 * problem is a field error named after these components.
 */
public record DutyDraft(String username, Long buildingId, String venue, Long studioId, String start, String end) {

    public static DutyDraft of(String username, long buildingId, String venue, Long studioId, LocalDateTime start,
                               LocalDateTime end) {
        return new DutyDraft(username, buildingId, venue, studioId, start.toString(), end.toString());
    }
}
