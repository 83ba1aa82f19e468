package org.shouwang.studios;

import java.time.Instant;

/**
 * One slot a staff member publishes.
 *
 * @param staffAccountId who receives the student; null means the one publishing
 */
public record SlotDraft(AppointmentService service, Long staffAccountId, String place, Instant startsAt, Instant endsAt) {
}
