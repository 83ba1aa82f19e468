package org.shouwang.spaces;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute, on one node at a time: releases no-shows and lapses undecided requests ({@link SpaceBookings#release}). */
@Component
class SpaceScan {

    private final SpaceBookings bookings;

    SpaceScan(SpaceBookings bookings) {
        this.bookings = bookings;
    }

    @Scheduled(fixedDelayString = "${shouwang.spaces.scan-every:PT1M}", initialDelayString = "${shouwang.spaces.scan-delay:PT1M}")
    @SchedulerLock(name = "spaces.release", lockAtMostFor = "PT10M")
    void scheduled() {
        bookings.release();
    }
}
