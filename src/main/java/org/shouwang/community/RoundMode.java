package org.shouwang.community;

/** Which rooms a round visits: every room of the building or floor, or a stored random spot-check list. */
public enum RoundMode {
    ALL_ROOMS, SPOT_CHECK
}
