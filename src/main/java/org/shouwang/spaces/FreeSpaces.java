package org.shouwang.spaces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

import org.shouwang.people.Housing;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Find a free study seat now": the study rooms, then the seminar rooms, that students may book and
 * that are open now (an open day, within hours, not shut) and not taken now, with how long they stay
 * free — in the viewer's own building first, then the others. A room free for less than
 * {@link #SHORTEST} is left out.
 */
@Service
@Transactional(readOnly = true)
public class FreeSpaces {

    static final Duration SHORTEST = Duration.ofMinutes(15);
    private static final List<SpaceKind> KINDS = List.of(SpaceKind.STUDY_ROOM, SpaceKind.SEMINAR_ROOM);

    private final JdbcClient jdbc;
    private final Spaces spaces;
    private final Residence residence;
    private final Clock clock;

    FreeSpaces(JdbcClient jdbc, Spaces spaces, @Lazy Residence residence, Clock clock) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.residence = residence;
        this.clock = clock;
    }

    /** A space free now: until when and for how many minutes, and whether it is in the viewer's building. */
    public record Free(long spaceId, String name, SpaceKind kind, long buildingId, String buildingName, int floor, String room,
                       int capacity, String equipment, Instant freeUntil, long freeMinutes, boolean ownBuilding) {
    }

    public List<Free> now(Viewer viewer) {
        Instant now = clock.instant();
        ZonedDateTime here = now.atZone(CampusTime.ZONE);
        LocalTime time = here.toLocalTime();
        Long own = viewer.studentId() == null ? null
                : residence.placeOf(viewer.studentId()).map(Housing.Place::buildingId).orElse(null);
        return KINDS.stream().flatMap(k -> spaces.list(k, null).stream())
                .filter(s -> s.studentsMayBook() && s.openDays().contains(here.getDayOfWeek())
                        && !time.isBefore(s.opensAt()) && time.isBefore(s.closesAt()))
                .map(s -> free(s, now, here, own))
                .filter(f -> f != null && f.freeMinutes() >= SHORTEST.toMinutes())
                .sorted(Comparator.comparing((Free f) -> !f.ownBuilding()).thenComparing(f -> KINDS.indexOf(f.kind()))
                        .thenComparing(f -> -f.freeMinutes()).thenComparing(Free::buildingName, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Free::floor).thenComparing(Free::name))
                .toList();
    }

    /** Null when the space is taken or shut now; else until when it stays free today. */
    private Free free(SpaceViews.Space s, Instant now, ZonedDateTime here, Long own) {
        Instant closes = here.toLocalDate().atTime(s.closesAt()).atZone(CampusTime.ZONE).toInstant();
        if (s.closesAt().equals(LocalTime.MAX.withNano(0)) || s.closesAt().equals(LocalTime.MIDNIGHT)) {
            closes = here.toLocalDate().plusDays(1).atStartOfDay(CampusTime.ZONE).toInstant();
        }
        long takenOrShut = jdbc.sql("""
                        SELECT (SELECT count(*) FROM space_booking WHERE space_id = :s AND state IN ('PENDING', 'CONFIRMED', 'CHECKED_IN')
                                  AND starts_at <= :now AND ends_at > :now)
                             + (SELECT count(*) FROM space_closure WHERE space_id = :s AND starts_at <= :now AND ends_at > :now)""")
                .param("s", s.id()).param("now", Timestamps.of(now)).query(Long.class).single();
        if (takenOrShut > 0) {
            return null;
        }
        Instant until = closes;
        for (String table : List.of(
                "SELECT min(starts_at) AS next FROM space_booking WHERE space_id = :s AND state IN ('PENDING', 'CONFIRMED', 'CHECKED_IN') AND starts_at > :now",
                "SELECT min(starts_at) AS next FROM space_closure WHERE space_id = :s AND starts_at > :now")) {
            Instant next = jdbc.sql(table).param("s", s.id()).param("now", Timestamps.of(now))
                    .query((rs, n) -> Timestamps.read(rs, "next")).list().get(0);
            if (next != null && next.isBefore(until)) {
                until = next;
            }
        }
        return new Free(s.id(), s.name(), s.kind(), s.buildingId(), s.buildingName(), s.floor(), s.room(), s.capacity(),
                s.equipment(), until, Duration.between(now, until).toMinutes(), own != null && own == s.buildingId());
    }
}
