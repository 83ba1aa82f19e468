package org.shouwang.spaces;

/** Where a booking stands. PENDING, CONFIRMED and CHECKED_IN hold their time; the others do not. */
public enum BookingState {
    PENDING, CONFIRMED, CHECKED_IN, NO_SHOW, DECLINED, CANCELLED;

    public boolean holdsTime() {
        return this == PENDING || this == CONFIRMED || this == CHECKED_IN;
    }
}
