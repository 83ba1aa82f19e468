package org.shouwang.studios;

/** Where an appointment is: booked (ahead, or past and waiting for the staff's mark), cancelled, attended or missed. */
public enum AppointmentState {
    BOOKED, CANCELLED, ATTENDED, NO_SHOW
}
