package org.shouwang.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;

import org.shouwang.activities.ActivityType;
import org.shouwang.shared.CampusTime;

/**
 * "The demo year": the twelve months ending today on the campus clock, from today minus one year
 * plus one day to today, both inclusive. In the academic-year mode
 * ({@code shouwang.demo.academic-year=true}) the demo fills it at the scale of the seed article
 * (常州工业职业技术学院, 党建引领越“关山”): the figures below are what the year holds, counted the
 * way the reports count them: requests submitted in the year (withdrawn ones aside, none are
 * made), published activities starting in it.
 *
 * @param from the first day of the year (campus date)
 * @param to   the last day, today (campus date)
 */
public record DemoYear(LocalDate from, LocalDate to) {

    /** Requests of the year (the seed: 1,900 and more, response rate 100%). */
    public static final int REQUESTS = 1950;

    /** Lectures of each series in the year (the seed: 150 and more of 求是讲堂, 20 master lectures, 8 alumni lectures). */
    public static final Map<String, Integer> SERIES = series();

    /**
     * Activities of each type in the year (the seed: 81 club activities, 88 volunteer services, 59
     * social-practice activities, the culture festival and skills competitions; about a hundred
     * leaders' dinner meetings and afternoon teas).
     */
    public static final Map<ActivityType, Integer> TYPES = types();

    /** The year ending today on the campus clock. */
    public static DemoYear endingToday(Clock clock) {
        LocalDate today = CampusTime.today(clock);
        return new DemoYear(today.minusYears(1).plusDays(1), today);
    }

    /** The first moment of the year. */
    public Instant start() {
        return from.atStartOfDay(CampusTime.ZONE).toInstant();
    }

    /** The first moment after the year (the start of tomorrow). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(CampusTime.ZONE).toInstant();
    }

    /** The winter (16 January to the end of February) and summer (11 July to 30 August) vacations, roughly. */
    static boolean vacation(LocalDate day) {
        MonthDay d = MonthDay.from(day);
        return (!d.isBefore(MonthDay.of(1, 16)) && !d.isAfter(MonthDay.of(2, 28)))
                || (!d.isBefore(MonthDay.of(7, 11)) && !d.isAfter(MonthDay.of(8, 30)));
    }

    private static Map<String, Integer> series() {
        Map<String, Integer> series = new LinkedHashMap<>();
        series.put("求是讲堂", 152);
        series.put("大师讲堂", 20);
        series.put("校友讲堂", 8);
        return java.util.Collections.unmodifiableMap(series);
    }

    private static Map<ActivityType, Integer> types() {
        Map<ActivityType, Integer> types = new LinkedHashMap<>();
        types.put(ActivityType.CLUB_ACTIVITY, 81);
        types.put(ActivityType.VOLUNTEER_SERVICE, 88);
        types.put(ActivityType.SOCIAL_PRACTICE, 59);
        types.put(ActivityType.DINNER_MEETING, 52);
        types.put(ActivityType.AFTERNOON_TEA, 48);
        types.put(ActivityType.FESTIVAL, 3);
        types.put(ActivityType.COMPETITION, 6);
        return java.util.Collections.unmodifiableMap(types);
    }
}
