package org.shouwang.spaces.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.shouwang.shared.CampusTime;
import org.shouwang.spaces.SpaceViews;

/**
 * A space's week as half-hour slots from opening to closing time: free, taken (no names), held by
 * an activity, closed (a closure or a day it is not open) or past. The phone shows one day's column
 * as rows; the desktop shows the whole week as a table.
 */
public record SpaceGrid(LocalDate day, LocalDate weekStart, List<LocalDate> days, List<LocalTime> times, List<List<Slot>> columns) {

    static final int SLOT_MINUTES = 30;

    public enum State {
        FREE, TAKEN, ACTIVITY, CLOSED, PAST, LATER;

        public String css() {
            return "sp-" + name().toLowerCase();
        }

        public String messageKey() {
            return "spaces.grid." + name().toLowerCase();
        }
    }

    /** One half hour of one day. */
    public record Slot(LocalDate day, LocalTime time, State state) {

        public boolean free() {
            return state == State.FREE;
        }

        /** "08:00" for the hour row this slot starts in. */
        public String hour() {
            return String.format("%02d:00", time.getHour());
        }
    }

    /** The week (Monday to Sunday) of {@code day}. */
    static SpaceGrid of(SpaceViews.Space space, LocalDate day, List<SpaceViews.Taken> taken, List<SpaceViews.Closure> closures,
                        Instant now) {
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(monday.plusDays(i));
        }
        List<LocalTime> times = new ArrayList<>();
        LocalTime t = space.opensAt();
        boolean untilMidnight = space.closesAt().equals(LocalTime.MIDNIGHT);
        while (true) {
            times.add(t);
            LocalTime next = t.plusMinutes(SLOT_MINUTES);
            if (next.isBefore(t) || next.equals(LocalTime.MIDNIGHT) || (!untilMidnight && !next.isBefore(space.closesAt()))) {
                break;
            }
            t = next;
        }
        List<List<Slot>> columns = new ArrayList<>();
        for (LocalDate d : days) {
            List<Slot> column = new ArrayList<>();
            for (LocalTime time : times) {
                Instant from = d.atTime(time).atZone(CampusTime.ZONE).toInstant();
                Instant to = end(d, time, space);
                column.add(new Slot(d, time, state(space, d, from, to, taken, closures, now)));
            }
            columns.add(column);
        }
        return new SpaceGrid(day, monday, days, times, columns);
    }

    /** The slot's end: half an hour later, or the closing time when that comes first. */
    private static Instant end(LocalDate d, LocalTime time, SpaceViews.Space space) {
        ZonedDateTime next = d.atTime(time).atZone(CampusTime.ZONE).plusMinutes(SLOT_MINUTES);
        if (!space.closesAt().equals(LocalTime.MIDNIGHT) && next.toLocalDate().equals(d) && next.toLocalTime().isAfter(space.closesAt())) {
            return d.atTime(space.closesAt()).atZone(CampusTime.ZONE).toInstant();
        }
        return next.toInstant();
    }

    private static State state(SpaceViews.Space space, LocalDate d, Instant from, Instant to, List<SpaceViews.Taken> taken,
                               List<SpaceViews.Closure> closures, Instant now) {
        if (!space.openDays().contains(d.getDayOfWeek())
                || closures.stream().anyMatch(c -> c.startsAt().isBefore(to) && c.endsAt().isAfter(from))) {
            return State.CLOSED;
        }
        boolean activity = false;
        boolean held = false;
        for (SpaceViews.Taken t : taken) {
            if (t.startsAt().isBefore(to) && t.endsAt().isAfter(from)) {
                held = true;
                activity |= t.activity();
            }
        }
        if (held) {
            return activity ? State.ACTIVITY : State.TAKEN;
        }
        if (from.isBefore(now.minusSeconds(60))) {
            return State.PAST;
        }
        return d.isAfter(now.atZone(CampusTime.ZONE).toLocalDate().plusDays(space.daysAhead())) ? State.LATER : State.FREE;
    }

    /** The instants the grid spans, to ask for taken times. */
    static Instant from(LocalDate day) {
        return day.with(DayOfWeek.MONDAY).atStartOfDay(CampusTime.ZONE).toInstant();
    }

    static Instant to(LocalDate day) {
        return day.with(DayOfWeek.MONDAY).plusDays(7).atStartOfDay(CampusTime.ZONE).toInstant();
    }

    /** The chosen day's slots, for the phone's day view. */
    public List<Slot> dayColumn() {
        return columns.get(day.getDayOfWeek().getValue() - 1);
    }

    /** The chosen day's slots by hour, for the phone's hour rows. */
    public List<List<Slot>> dayHours() {
        java.util.Map<Integer, List<Slot>> hours = new java.util.LinkedHashMap<>();
        for (Slot s : dayColumn()) {
            hours.computeIfAbsent(s.time().getHour(), h -> new ArrayList<>()).add(s);
        }
        return new ArrayList<>(hours.values());
    }

    /** One time's slots across the week, for a row of the desktop table. */
    public List<Slot> row(int timeIndex) {
        return columns.stream().map(c -> c.get(timeIndex)).toList();
    }
}
