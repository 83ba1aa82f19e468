package org.shouwang.tickets;

import java.time.Instant;

/** Time as deadlines count it: working time on the business calendar, or natural hours when urgent. */
interface Deadlines {

    Instant after(Instant start, long minutes, boolean urgent);

    long minutesBetween(Instant from, Instant to, boolean urgent);
}
