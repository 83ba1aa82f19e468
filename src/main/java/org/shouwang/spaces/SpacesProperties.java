package org.shouwang.spaces;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkInGrace       how long after the start a booker may still check in; after it the booking is released as a no-show
 * @param checkInOpensBefore how long before the start check-in opens
 * @param maxFutureBookings  how many bookings a student may hold that have not ended
 * @param noShowLimit        this many no-shows within {@code noShowWindow} block booking
 * @param noShowWindow       the stretch over which no-shows are counted
 * @param blockFor           how long a block lasts
 * @param appealDays         how long after a no-show its booker may appeal it
 */
@ConfigurationProperties("shouwang.spaces")
public record SpacesProperties(@DefaultValue("15m") Duration checkInGrace, @DefaultValue("10m") Duration checkInOpensBefore,
                               @DefaultValue("3") int maxFutureBookings, @DefaultValue("3") int noShowLimit,
                               @DefaultValue("30d") Duration noShowWindow, @DefaultValue("14d") Duration blockFor,
                               @DefaultValue("7") int appealDays) {
}
