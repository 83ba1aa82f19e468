package org.shouwang.studios;

import java.time.LocalDateTime;

import org.shouwang.shared.Role;

/**
 * One duty shift (值班) as lists show it: who (their account, name and the role they stand duty
 * in), for which studio, where, when (campus date-times), whether and when they arrived.
 *
 * @param removable the shift has not started yet, so a roster keeper may still take it off the roster
 * @param mayArrive the viewer is the person on duty and the arrival window is open (30 min before the start to the end)
 */
public record DutyShift(long id, long accountId, String person, Role role, Long studioId, String studio, long buildingId,
                        String building, String venue, LocalDateTime start, LocalDateTime end, LocalDateTime arrivedAt,
                        boolean late, Status status, boolean removable, boolean mayArrive) {

    /** Where a shift stands at the moment it is read. */
    public enum Status {
        /** Starts later; arrival not open yet. */
        PLANNED,
        /** Arrival is open (from 30 min before the start) and nobody has arrived. */
        OPEN,
        /** Arrived, not ended. */
        ON_DUTY,
        /** Ended after an arrival. */
        ATTENDED,
        /** Ended without an arrival. */
        MISSED
    }
}
