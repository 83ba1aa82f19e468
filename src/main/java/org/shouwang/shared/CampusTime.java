package org.shouwang.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The campus's wall clock (China Standard Time), whatever zone the server runs in: dates of terms,
 * shifts, slots and inspection rounds are campus dates.
 */
public final class CampusTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CampusTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static ZonedDateTime now(Clock clock) {
        return ZonedDateTime.now(clock.withZone(ZONE));
    }
}
