package org.shouwang.shared;

import java.util.Set;

/**
 * Which rooms of a building carry a badge the residence pages show: a Party-member dorm (党员宿舍).
 * The party module keeps the badges and answers; residence, which party depends on, asks through
 * this interface, so no cycle arises.
 */
public interface RoomBadges {

    /** The rooms of this building that are Party-member dorms of some branch. */
    Set<Long> partyMemberDorms(long buildingId);
}
