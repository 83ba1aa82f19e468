package org.shouwang.spaces;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

/** What the space pages and API show. */
public final class SpaceViews {

    private SpaceViews() {
    }

    public record Space(long id, int version, String name, SpaceKind kind, long buildingId, String buildingName, int floor,
                        String room, int capacity, String equipment, String description, LocalTime opensAt, LocalTime closesAt,
                        Set<DayOfWeek> openDays, boolean studentsMayBook, boolean organisationsMayBook, boolean staffMayBook,
                        int longestMinutes, int daysAhead, boolean needsApproval, Long managerAccountId, boolean active) {
    }

    public record Closure(long id, long spaceId, Instant startsAt, Instant endsAt, String reason) {
    }

    /** A booking as its booker and the space's managers see it. */
    public record Booking(long id, int version, long spaceId, String spaceName, long bookerAccountId, String bookerName,
                          String organisation, Long activityId, String purpose, int attendees, Instant startsAt, Instant endsAt,
                          BookingState state, String declineReason, Instant checkedInAt, Instant createdAt) {
    }

    /** A taken stretch of a space's time as everyone sees it: no names, only whether an activity holds it. */
    public record Taken(Instant startsAt, Instant endsAt, boolean activity, BookingState state) {
    }
}
