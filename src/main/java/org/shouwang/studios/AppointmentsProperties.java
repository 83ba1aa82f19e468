package org.shouwang.studios;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of appointments ({@code shouwang.appointments.*}).
 *
 * @param changeCutOff   how long before the start a student may still cancel or reschedule
 * @param remindBefore   how long before the start the student and the staff member are reminded (once)
 * @param remindEvery    how often the reminder job looks for appointments to remind of
 * @param remindDelay    how long after start-up the reminder job first looks
 * @param seriesMaxDays  the longest date range of one series
 * @param seriesMaxSlots the most slots one series may make
 */
@ConfigurationProperties("shouwang.appointments")
public record AppointmentsProperties(
        @DefaultValue("PT2H") Duration changeCutOff,
        @DefaultValue("PT24H") Duration remindBefore,
        @DefaultValue("PT5M") Duration remindEvery,
        @DefaultValue("PT1M") Duration remindDelay,
        @DefaultValue("92") int seriesMaxDays,
        @DefaultValue("300") int seriesMaxSlots) {
}
