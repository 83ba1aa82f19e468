package org.shouwang.activities;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.shouwang.tickets.BusinessCalendar;
import org.shouwang.tickets.WorkingTime;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * How long after an activity its attendance may still change: late entries (补录) until the end of
 * the N-th working day after the day it ended (holidays and make-up working days as the business
 * calendar has them), appeals for N days after the end.
 */
@Component
class AttendanceDeadlines {

    private final BusinessCalendar calendar;
    private final ActivitiesProperties properties;

    AttendanceDeadlines(@Lazy BusinessCalendar calendar, ActivitiesProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    Instant lateEntryUntil(Activity a) {
        WorkingTime time = calendar.workingTime();
        LocalDate day = a.plan.endsAt().atZone(properties.zone()).toLocalDate();
        int counted = 0;
        while (counted < properties.lateEntryDays()) {
            day = day.plusDays(1);
            if (time.isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(properties.zone()).toInstant();
    }

    Instant appealUntil(Activity a) {
        return a.plan.endsAt().plus(Duration.ofDays(properties.appealDays()));
    }
}
