package org.shouwang.studios;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A series of slots: on each chosen weekday from {@code from} to {@code to} (campus dates, both
 * included), one slot of {@code minutes} at each start time (campus time).
 *
 * @param staffAccountId who receives the students; null means the one publishing
 */
public record SlotSeries(AppointmentService service, Long staffAccountId, String place, LocalDate from, LocalDate to,
                         Set<DayOfWeek> weekdays, List<LocalTime> startTimes, Integer minutes) {
}
