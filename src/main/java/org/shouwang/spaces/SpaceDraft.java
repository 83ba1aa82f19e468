package org.shouwang.spaces;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * What an administrator or building manager says about a space: where it is, what it holds, when
 * it is open and the rules of booking it. {@code managerUsername} names the account that approves
 * its bookings besides the building's manager (optional).
 */
public record SpaceDraft(String name, SpaceKind kind, Long buildingId, Integer floor, String room, Integer capacity,
                         String equipment, String description, LocalTime opensAt, LocalTime closesAt, Set<DayOfWeek> openDays,
                         boolean studentsMayBook, boolean organisationsMayBook, boolean staffMayBook, Integer longestMinutes,
                         Integer daysAhead, boolean needsApproval, String managerUsername) {
}
