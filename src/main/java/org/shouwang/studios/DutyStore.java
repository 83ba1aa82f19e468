package org.shouwang.studios;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.shouwang.identity.Accounts;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The duty_shift table: reading rows in a scope, the per-person lock, overlaps, writing. */
@Component
class DutyStore {

    /** Arrival opens this long before the start. */
    static final Duration EARLY = Duration.ofMinutes(30);
    /** Arrivals later than this after the start are late. */
    static final Duration GRACE = Duration.ofMinutes(10);
    static final int STRIPES = 64;

    /** The roles a person stands duty in, the first one held naming them in lists. */
    private static final List<Role> DUTY_ROLES = List.of(Role.POLICE_OFFICER, Role.COUNSELLOR, Role.HEAD_TEACHER,
            Role.PSYCHOLOGY_CENTRE, Role.BUILDING_MANAGER, Role.STUDIO_STAFF, Role.LEADER, Role.STUDENT_AFFAIRS,
            Role.PARTY_SECRETARY, Role.DEPARTMENT_HEAD, Role.DEPARTMENT_HANDLER, Role.DISPATCH_DESK, Role.ADMIN);

    private static final String SELECT = """
            SELECT s.id, s.account_id, s.studio_id, st.name AS studio, s.building_id, s.venue, s.starts_at, s.ends_at,
                   s.arrived_at, s.late
            FROM duty_shift s LEFT JOIN studio st ON st.id = s.studio_id
            """;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Residence residence;
    private final Clock clock;

    DutyStore(JdbcClient jdbc, @Lazy Accounts accounts, @Lazy Residence residence, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.residence = residence;
        this.clock = clock;
    }

    record Row(long id, long accountId, Long studioId, String studio, long buildingId, String venue, Instant startsAt,
               Instant endsAt, Instant arrivedAt, boolean late) {
    }

    /**
     * Shifts that overlap [from, to), optionally only of some studios (an empty set: none), one building,
     * one person; by start, then building.
     */
    List<Row> between(Instant from, Instant to, Collection<Long> studios, Long buildingId, Long accountId) {
        if (studios != null && studios.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE s.starts_at < :to AND s.ends_at > :from");
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamps.of(from));
        params.put("to", Timestamps.of(to));
        if (studios != null) {
            sql.append(" AND s.studio_id IN (:studios)");
            params.put("studios", studios);
        }
        if (buildingId != null) {
            sql.append(" AND s.building_id = :building");
            params.put("building", buildingId);
        }
        if (accountId != null) {
            sql.append(" AND s.account_id = :account");
            params.put("account", accountId);
        }
        sql.append(" ORDER BY s.starts_at, s.building_id, s.id");
        return jdbc.sql(sql.toString()).params(params).query(DutyStore::row).list();
    }

    /** Shifts starting in [from, to), for reports and copying. */
    List<Row> starting(Instant from, Instant to, Collection<Long> studios) {
        if (studios != null && studios.isEmpty()) {
            return List.of();
        }
        String sql = SELECT + " WHERE s.starts_at >= :from AND s.starts_at < :to"
                + (studios == null ? "" : " AND s.studio_id IN (:studios)") + " ORDER BY s.starts_at, s.id";
        return jdbc.sql(sql).param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .params(studios == null ? Map.of() : Map.of("studios", studios)).query(DutyStore::row).list();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query(DutyStore::row).optional();
    }

    /** Locks the shift's row until the transaction ends; false when there is none. */
    boolean lockShift(long id) {
        return jdbc.sql("SELECT id FROM duty_shift WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional().isPresent();
    }

    /**
     * Locks the stripes of these people, in ascending order (so two copies never wait on each other
     * in a circle), until the transaction ends: whoever holds a person's stripe may look for
     * overlaps and write that person's shift, and nobody else may at the same time.
     */
    void lockPeople(Collection<Long> accountIds) {
        Set<Integer> stripes = new TreeSet<>();
        accountIds.forEach(a -> stripes.add((int) Math.floorMod(a, (long) STRIPES)));
        for (int stripe : stripes) {
            jdbc.sql("SELECT stripe FROM duty_lock WHERE stripe = ? FOR UPDATE").param(stripe).query(Integer.class).single();
        }
    }

    /** The person's shifts overlapping [start, end) (touching ends do not overlap). */
    List<Row> overlapping(long accountId, Instant start, Instant end) {
        return jdbc.sql(SELECT + " WHERE s.account_id = :a AND s.starts_at < :end AND s.ends_at > :start ORDER BY s.starts_at")
                .param("a", accountId).param("start", Timestamps.of(start)).param("end", Timestamps.of(end))
                .query(DutyStore::row).list();
    }

    long insert(long accountId, Long studioId, long buildingId, String venue, Instant start, Instant end, Instant arrivedAt,
                boolean late, long plannedBy) {
        Map<String, Object> p = new HashMap<>();
        p.put("account", accountId);
        p.put("studio", studioId);
        p.put("building", buildingId);
        p.put("venue", venue);
        p.put("start", Timestamps.of(start));
        p.put("end", Timestamps.of(end));
        p.put("arrived", Timestamps.of(arrivedAt));
        p.put("late", late);
        p.put("by", plannedBy);
        p.put("now", Timestamps.of(clock.instant()));
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO duty_shift (account_id, studio_id, building_id, venue, starts_at, ends_at, arrived_at, late,
                                                planned_by, created_at)
                        VALUES (:account, :studio, :building, :venue, :start, :end, :arrived, :late, :by, :now)""")
                .params(p).update(keys, "id");
        return keys.getKey().longValue();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM duty_shift WHERE id = ?").param(id).update();
    }

    void arrive(long id, Instant at, boolean late) {
        jdbc.sql("UPDATE duty_shift SET arrived_at = ?, late = ? WHERE id = ?").params(Timestamps.of(at), late, id).update();
    }

    // — rows as lists show them —

    /** The shifts as views at this moment; {@code viewerAccountId} marks which ones the viewer may arrive at. */
    List<DutyShift> views(List<Row> rows, long viewerAccountId) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<Long> people = new TreeSet<>();
        rows.forEach(r -> people.add(r.accountId()));
        Map<Long, String> names = accounts.names(people);
        Map<Long, Role> roles = new HashMap<>();
        people.forEach(p -> roles.put(p, dutyRole(p)));
        Map<Long, String> buildings = residence.buildingNames();
        return rows.stream().map(r -> {
            DutyShift.Status status = status(r, now);
            boolean mayArrive = r.accountId() == viewerAccountId && status == DutyShift.Status.OPEN;
            return new DutyShift(r.id(), r.accountId(), names.getOrDefault(r.accountId(), "#" + r.accountId()),
                    roles.get(r.accountId()), r.studioId(), r.studio(), r.buildingId(), buildings.get(r.buildingId()), r.venue(),
                    local(r.startsAt()), local(r.endsAt()), r.arrivedAt() == null ? null : local(r.arrivedAt()), r.late(), status,
                    r.startsAt().isAfter(now), mayArrive);
        }).toList();
    }

    static DutyShift.Status status(Row r, Instant now) {
        if (!now.isBefore(r.endsAt())) {
            return r.arrivedAt() != null ? DutyShift.Status.ATTENDED : DutyShift.Status.MISSED;
        }
        if (r.arrivedAt() != null) {
            return DutyShift.Status.ON_DUTY;
        }
        return now.isBefore(r.startsAt().minus(EARLY)) ? DutyShift.Status.PLANNED : DutyShift.Status.OPEN;
    }

    Role dutyRole(long accountId) {
        Set<Role> held = accounts.get(accountId).roles();
        return DUTY_ROLES.stream().filter(held::contains).findFirst().orElse(null);
    }

    Map<Long, String> names(Collection<Long> accountIds) {
        return new LinkedHashMap<>(accounts.names(accountIds));
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, CampusTime.ZONE);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("account_id"), (Long) rs.getObject("studio_id"), rs.getString("studio"),
                rs.getLong("building_id"), rs.getString("venue"), Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
                Timestamps.read(rs, "arrived_at"), rs.getBoolean("late"));
    }
}
