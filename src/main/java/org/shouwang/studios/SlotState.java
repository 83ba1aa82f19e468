package org.shouwang.studios;

/** A bookable slot is free, booked by one student, or withdrawn by the staff (only a free one may be). */
public enum SlotState {
    FREE, BOOKED, WITHDRAWN
}
