package org.shouwang.spaces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the spaces are used over a period, per space and per kind: hours booked, hours used, no-shows
 * and the busiest times of the week — plain records, ready for the insights module.
 * <ul>
 * <li>booked: bookings that held their time (confirmed, checked in, no-show; activities included),
 *     by their start in the period;</li>
 * <li>used: checked in, and activities' reservations that have ended (activities do not check in);</li>
 * <li>no-show rate: no-shows ÷ (checked in + no-shows) of personal bookings; null when there are none;
 *     no-shows excused on appeal are counted apart and not as no-shows;</li>
 * <li>busiest times: booked hours by weekday (Monday first) and hour of the day, campus time.</li>
 * </ul>
 * Administrators, leaders and student affairs see every space; space managers their own spaces;
 * anyone else gets 404.
 */
@Service
@Transactional(readOnly = true)
public class SpaceUsage {

    /** The longest period one report covers. */
    static final int MAX_DAYS = 366;
    /** The default period: the last four weeks, today included. */
    static final int DEFAULT_DAYS = 28;

    private final JdbcClient jdbc;
    private final Spaces spaces;
    private final Clock clock;

    SpaceUsage(JdbcClient jdbc, Spaces spaces, Clock clock) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.clock = clock;
    }

    /** What a report counts; hours to one decimal. */
    public record Figures(int bookings, double hoursBooked, double hoursUsed, int checkedIn, int noShows, int excused,
                          Double noShowRate) {
    }

    public record SpaceRow(long spaceId, String name, SpaceKind kind, long buildingId, String buildingName, int capacity,
                           Figures figures) {
    }

    public record KindRow(SpaceKind kind, int spaces, Figures figures) {
    }

    /**
     * @param from    first day, inclusive
     * @param to      last day, inclusive
     * @param heat    booked hours by weekday (0 = Monday) and hour (0–23)
     */
    public record Report(LocalDate from, LocalDate to, SpaceKind kind, Long buildingId, List<SpaceRow> spaces, List<KindRow> kinds,
                         Figures total, double[][] heat, double heatMax) {
    }

    /** Whether the viewer may read usage figures at all. */
    public boolean maySee(Viewer viewer) {
        return seesAll(viewer) || !spaces.managedBy(viewer).isEmpty();
    }

    /**
     * The usage of the spaces the viewer may see from {@code from} to {@code to} (days inclusive; default the last four
     * weeks), narrowed to a kind and a building when given. A period backwards or over a year is a
     * field error.
     */
    public Report report(Viewer viewer, LocalDate from, LocalDate to, SpaceKind kind, Long buildingId) {
        if (!maySee(viewer)) {
            throw new NotFoundException("page", "spaces/usage");
        }
        LocalDate today = CampusTime.today(clock);
        LocalDate last = to == null ? (from == null ? today : from.plusDays(DEFAULT_DAYS - 1)) : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        Fields f = new Fields();
        if (last.isBefore(first)) {
            f.add("to", "spaceUsage.toBeforeFrom");
        } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            f.add("to", "spaceUsage.tooLong", MAX_DAYS);
        }
        f.check();

        Set<Long> visible = seesAll(viewer) ? null : spaces.managedBy(viewer);
        List<SpaceViews.Space> chosen = spaces.list(kind, buildingId).stream()
                .filter(s -> visible == null || visible.contains(s.id())).toList();
        Map<Long, Tally> bySpace = new LinkedHashMap<>();
        chosen.forEach(s -> bySpace.put(s.id(), new Tally()));
        double[][] heat = new double[7][24];
        Tally total = new Tally();
        if (!chosen.isEmpty()) {
            Instant start = first.atStartOfDay(CampusTime.ZONE).toInstant();
            Instant end = last.plusDays(1).atStartOfDay(CampusTime.ZONE).toInstant();
            Instant now = clock.instant();
            Set<Long> excused = Set.copyOf(jdbc.sql("""
                            SELECT a.booking_id FROM space_no_show_appeal a JOIN space_booking b ON b.id = a.booking_id
                            WHERE a.state = 'ACCEPTED' AND a.space_id IN (:spaces) AND b.starts_at >= :start AND b.starts_at < :end""")
                    .param("spaces", bySpace.keySet()).param("start", Timestamps.of(start)).param("end", Timestamps.of(end))
                    .query(Long.class).list());
            jdbc.sql("""
                            SELECT id, space_id, activity_id, starts_at, ends_at, state FROM space_booking
                            WHERE space_id IN (:spaces) AND starts_at >= :start AND starts_at < :end
                              AND state IN ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW', 'CANCELLED')""")
                    .param("spaces", bySpace.keySet()).param("start", Timestamps.of(start)).param("end", Timestamps.of(end))
                    .query((rs, n) -> {
                        long id = rs.getLong("id");
                        String state = rs.getString("state");
                        if (state.equals("CANCELLED") && !excused.contains(id)) {
                            return null;
                        }
                        Tally t = bySpace.get(rs.getLong("space_id"));
                        Instant s = Timestamps.read(rs, "starts_at");
                        Instant e = Timestamps.read(rs, "ends_at");
                        boolean activity = rs.getObject("activity_id") != null;
                        for (Tally each : List.of(t, total)) {
                            each.add(state, activity, excused.contains(id), s, e, now);
                        }
                        if (!state.equals("CANCELLED")) {
                            spread(heat, s, e);
                        }
                        return null;
                    }).list();
        }
        List<SpaceRow> rows = chosen.stream().map(s -> new SpaceRow(s.id(), s.name(), s.kind(), s.buildingId(), s.buildingName(),
                s.capacity(), bySpace.get(s.id()).figures())).toList();
        Map<SpaceKind, List<SpaceViews.Space>> kinds = chosen.stream().collect(Collectors.groupingBy(SpaceViews.Space::kind,
                () -> new java.util.EnumMap<>(SpaceKind.class), Collectors.toList()));
        List<KindRow> kindRows = new ArrayList<>();
        kinds.forEach((k, list) -> {
            Tally t = new Tally();
            list.forEach(s -> t.merge(bySpace.get(s.id())));
            kindRows.add(new KindRow(k, list.size(), t.figures()));
        });
        double max = 0;
        for (double[] day : heat) {
            for (int h = 0; h < 24; h++) {
                day[h] = round(day[h]);
                max = Math.max(max, day[h]);
            }
        }
        return new Report(first, last, kind, buildingId,
                rows.stream().sorted(Comparator.comparing((SpaceRow r) -> -r.figures().hoursBooked())).toList(), kindRows,
                total.figures(), heat, max);
    }

    private boolean seesAll(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.LEADER) || viewer.has(Role.STUDENT_AFFAIRS);
    }

    /** Adds the booked minutes from s to e to the weekday × hour cells they fall in, campus time. */
    static void spread(double[][] heat, Instant s, Instant e) {
        ZonedDateTime at = s.atZone(CampusTime.ZONE);
        ZonedDateTime end = e.atZone(CampusTime.ZONE);
        while (at.isBefore(end)) {
            ZonedDateTime next = at.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            if (next.isAfter(end)) {
                next = end;
            }
            heat[at.getDayOfWeek().getValue() - 1][at.getHour()] += Duration.between(at, next).toMinutes() / 60.0;
            at = next;
        }
    }

    static double round(double hours) {
        return Math.round(hours * 10) / 10.0;
    }

    private static final class Tally {
        int bookings;
        long minutesBooked;
        long minutesUsed;
        int checkedIn;
        int noShows;
        int excused;

        void add(String state, boolean activity, boolean wasExcused, Instant s, Instant e, Instant now) {
            if (wasExcused) {
                excused++;
                return;
            }
            long minutes = Duration.between(s, e).toMinutes();
            bookings++;
            minutesBooked += minutes;
            switch (state) {
                case "CHECKED_IN" -> {
                    checkedIn++;
                    minutesUsed += minutes;
                }
                case "NO_SHOW" -> noShows++;
                default -> {
                    if (activity && !e.isAfter(now)) {
                        minutesUsed += minutes;
                    }
                }
            }
        }

        void merge(Tally o) {
            bookings += o.bookings;
            minutesBooked += o.minutesBooked;
            minutesUsed += o.minutesUsed;
            checkedIn += o.checkedIn;
            noShows += o.noShows;
            excused += o.excused;
        }

        Figures figures() {
            int judged = checkedIn + noShows;
            return new Figures(bookings, round(minutesBooked / 60.0), round(minutesUsed / 60.0), checkedIn, noShows, excused,
                    judged == 0 ? null : Math.round(noShows * 1000.0 / judged) / 1000.0);
        }
    }
}
