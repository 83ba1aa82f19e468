package org.shouwang.tickets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working time on the 2026 autumn calendar: office hours 8:00–12:00 and 14:00–17:30, Mid-Autumn
 * (09-25..27) and National Day (10-01..07) holidays, make-up working Sunday 09-20 and Saturday 10-10.
 */
class WorkingTimeTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final WorkingTime time = new WorkingTime(
            List.of(new WorkingTime.Period(LocalTime.of(14, 0), LocalTime.of(17, 30)),
                    new WorkingTime.Period(LocalTime.of(8, 0), LocalTime.of(12, 0))),
            autumn2026(), SHANGHAI);

    private static Map<LocalDate, Boolean> autumn2026() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        LocalDate.parse("2026-09-25").datesUntil(LocalDate.parse("2026-09-28")).forEach(d -> days.put(d, false));
        LocalDate.parse("2026-10-01").datesUntil(LocalDate.parse("2026-10-08")).forEach(d -> days.put(d, false));
        days.put(LocalDate.parse("2026-09-20"), true);
        days.put(LocalDate.parse("2026-10-10"), true);
        return days;
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private Instant plus(String start, String amount) {
        return time.plus(at(start), Duration.parse(amount));
    }

    @Test
    void withinADayTheDeadlineIsTheStartPlusTheHours() {
        assertThat(plus("2026-09-14T09:00", "PT2H")).isEqualTo(at("2026-09-14T11:00"));
        assertThat(plus("2026-09-14T14:00", "PT3H30M")).isEqualTo(at("2026-09-14T17:30"));
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(plus("2026-09-14T11:00", "PT2H")).isEqualTo(at("2026-09-14T15:00"));
        assertThat(plus("2026-09-14T12:30", "PT1H")).as("started during lunch").isEqualTo(at("2026-09-14T15:00"));
    }

    @Test
    void aWeekendIsSkipped() {
        assertThat(plus("2026-09-11T16:30", "PT3H")).as("Friday afternoon to Monday").isEqualTo(at("2026-09-14T10:00"));
        assertThat(plus("2026-09-12T10:00", "PT1H")).as("started on a Saturday").isEqualTo(at("2026-09-14T09:00"));
        assertThat(time.isWorkingDay(LocalDate.parse("2026-09-13"))).isFalse();
    }

    @Test
    void aHolidayWeekIsSkipped() {
        assertThat(plus("2026-09-30T16:00", "PT4H")).as("National Day: Wednesday to the Thursday after")
                .isEqualTo(at("2026-10-08T10:30"));
        assertThat(plus("2026-09-24T17:00", "PT1H")).as("Mid-Autumn Friday to Monday").isEqualTo(at("2026-09-28T08:30"));
        assertThat(time.isWorkingDay(LocalDate.parse("2026-10-05"))).as("a Monday in the holiday").isFalse();
    }

    @Test
    void aMakeUpWeekendDayCounts() {
        assertThat(plus("2026-09-18T17:00", "PT1H")).as("make-up Sunday 09-20").isEqualTo(at("2026-09-20T08:30"));
        assertThat(plus("2026-10-09T16:00", "PT4H")).as("make-up Saturday 10-10").isEqualTo(at("2026-10-10T10:30"));
        assertThat(time.isWorkingDay(LocalDate.parse("2026-09-19"))).as("the Saturday before stays off").isFalse();
    }

    @Test
    void aLongLimitRunsOverHolidaysAndMakeUpDays() {
        // 1.5 h on 09-30, holidays 10-01..07, 7.5 h on each of 10-08, 10-09 and the make-up Saturday 10-10
        assertThat(plus("2026-09-30T16:00", "PT24H")).isEqualTo(at("2026-10-10T17:30"));
        assertThat(plus("2026-09-30T16:00", "PT24H1M")).isEqualTo(at("2026-10-12T08:01"));
    }

    @Test
    void zeroTimeIsTheStart() {
        assertThat(plus("2026-10-03T03:00", "PT0S")).isEqualTo(at("2026-10-03T03:00"));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-09-14T09:00, PT2H", "2026-09-14T11:00, PT2H", "2026-09-11T16:30, PT3H", "2026-09-12T10:00, PT1H",
            "2026-09-30T16:00, PT4H", "2026-09-18T17:00, PT1H", "2026-10-09T16:00, PT4H", "2026-09-30T16:00, PT24H",
            "2026-09-01T08:00, PT300H", "2026-09-14T12:45, PT7M"})
    void betweenIsTheInverseOfPlus(String start, String amount) {
        Instant from = at(start);
        Instant due = time.plus(from, Duration.parse(amount));
        assertThat(time.between(from, due)).isEqualTo(Duration.parse(amount));
    }

    @Test
    void betweenCountsOnlyWorkingTime() {
        assertThat(time.between(at("2026-09-30T08:00"), at("2026-10-08T08:00"))).isEqualTo(Duration.ofMinutes(450));
        assertThat(time.between(at("2026-10-10T08:00"), at("2026-10-09T08:00"))).isZero();
        assertThat(time.between(at("2026-10-03T00:00"), at("2026-10-04T23:59"))).as("inside the holiday").isZero();
    }
}
