package org.shouwang.spaces;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.residence.Residence;
import org.shouwang.shared.Fields;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spaces of the community: administrators and building managers define them (where, what,
 * when open, the rules of booking) and shut them for maintenance or vacations; everyone signed in
 * reads them. Managers of a space are administrators, the manager of its building and the account
 * named as its manager.
 */
@Service
@Transactional
public class Spaces {

    static final int NAME_MAX = 100;
    static final int ROOM_MAX = 50;
    static final int EQUIPMENT_MAX = 1000;
    static final int DESCRIPTION_MAX = 2000;
    static final int REASON_MAX = 200;
    static final int CAPACITY_MAX = 2000;
    static final int LONGEST_MAX = 24 * 60;
    static final int DAYS_AHEAD_MAX = 365;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = """
            id, version, name, kind, building_id, floor, room, capacity, equipment, description, opens_at, closes_at, open_days,
            students_may_book, organisations_may_book, staff_may_book, longest_minutes, days_ahead, needs_approval,
            manager_account_id, active""";

    private final JdbcClient jdbc;
    private final Residence residence;
    private final Accounts accounts;
    private final Clock clock;

    Spaces(JdbcClient jdbc, @Lazy Residence residence, @Lazy Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.residence = residence;
        this.accounts = accounts;
        this.clock = clock;
    }

    // — reading —

    /** One space; 404 when there is none. */
    @Transactional(readOnly = true)
    public SpaceViews.Space space(long id) {
        Map<Long, String> buildings = residence.buildingNames();
        return jdbc.sql("SELECT " + COLUMNS + " FROM space WHERE id = ?").param(id).query((rs, n) -> space(rs, buildings)).optional()
                .orElseThrow(() -> new NotFoundException("space", id));
    }

    /** Active spaces, by building, floor and name; either filter may be null. */
    @Transactional(readOnly = true)
    public List<SpaceViews.Space> list(SpaceKind kind, Long buildingId) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE active");
        if (kind != null) {
            where.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        if (buildingId != null) {
            where.append(" AND building_id = :building");
            params.put("building", buildingId);
        }
        Map<Long, String> buildings = residence.buildingNames();
        return jdbc.sql("SELECT " + COLUMNS + " FROM space" + where + " ORDER BY building_id, floor, name").params(params)
                .query((rs, n) -> space(rs, buildings)).list();
    }

    /** Administrators, the manager of the space's building, and the account named as the space's manager. */
    @Transactional(readOnly = true)
    public boolean manages(Viewer viewer, long spaceId) {
        SpaceViews.Space s = space(spaceId);
        return viewer.isAdmin() || (s.managerAccountId() != null && s.managerAccountId() == viewer.accountId())
                || residence.mayAssign(viewer, s.buildingId());
    }

    /** The spaces the viewer manages (all of them for administrators). */
    @Transactional(readOnly = true)
    public Set<Long> managedBy(Viewer viewer) {
        Map<Long, Boolean> buildings = new HashMap<>();
        return list(null, null).stream()
                .filter(s -> viewer.isAdmin() || (s.managerAccountId() != null && s.managerAccountId() == viewer.accountId())
                        || buildings.computeIfAbsent(s.buildingId(), b -> residence.mayAssign(viewer, b)))
                .map(SpaceViews.Space::id).collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    public List<SpaceViews.Closure> closures(long spaceId) {
        return jdbc.sql("SELECT id, space_id, starts_at, ends_at, reason FROM space_closure WHERE space_id = ? ORDER BY starts_at")
                .param(spaceId)
                .query((rs, n) -> new SpaceViews.Closure(rs.getLong(1), rs.getLong(2), Timestamps.read(rs, "starts_at"),
                        Timestamps.read(rs, "ends_at"), rs.getString(5)))
                .list();
    }

    /** The secret printed on the space's door code; only its managers may read it. */
    @Transactional(readOnly = true)
    public String doorKey(Viewer viewer, long spaceId) {
        requireManager(viewer, spaceId);
        return jdbc.sql("SELECT door_key FROM space WHERE id = ?").param(spaceId).query(String.class).single();
    }

    // — defining —

    /** Administrators anywhere; a building manager in their building. */
    public long create(Viewer viewer, SpaceDraft draft) {
        if (!viewer.isAdmin() && !viewer.has(org.shouwang.shared.Role.BUILDING_MANAGER)) {
            throw new NotFoundException("page", "spaces/new");
        }
        Checked c = checked(draft, null);
        if (!viewer.isAdmin() && !residence.mayAssign(viewer, draft.buildingId())) {
            throw new NotFoundException("page", "spaces/new");
        }
        Map<String, Object> p = c.params();
        p.put("key", HexFormat.of().formatHex(RANDOM.generateSeed(16)));
        p.put("now", Timestamps.of(clock.instant()));
        jdbc.sql("""
                        INSERT INTO space (name, kind, building_id, floor, room, capacity, equipment, description, opens_at, closes_at,
                                           open_days, students_may_book, organisations_may_book, staff_may_book, longest_minutes,
                                           days_ahead, needs_approval, manager_account_id, door_key, created_at)
                        VALUES (:name, :kind, :building, :floor, :room, :capacity, :equipment, :description, :opens, :closes,
                                :days, :students, :organisations, :staff, :longest, :ahead, :approval, :manager, :key, :now)""")
                .params(p).update();
        return jdbc.sql("SELECT id FROM space WHERE building_id = ? AND name = ?").params(draft.buildingId(), p.get("name"))
                .query(Long.class).single();
    }

    /** Changes a space; bookings already made stay as they are. */
    public void update(Viewer viewer, long id, SpaceDraft draft, Integer expectedVersion) {
        requireManager(viewer, id);
        Checked c = checked(draft, id);
        if (!viewer.isAdmin() && !residence.mayAssign(viewer, draft.buildingId())) {
            throw new InvalidInput("buildingId", "space.notYourBuilding");
        }
        Map<String, Object> p = c.params();
        p.put("id", id);
        p.put("expected", expectedVersion == null ? space(id).version() : expectedVersion);
        int changed = jdbc.sql("""
                        UPDATE space SET name = :name, kind = :kind, building_id = :building, floor = :floor, room = :room,
                               capacity = :capacity, equipment = :equipment, description = :description, opens_at = :opens,
                               closes_at = :closes, open_days = :days, students_may_book = :students,
                               organisations_may_book = :organisations, staff_may_book = :staff, longest_minutes = :longest,
                               days_ahead = :ahead, needs_approval = :approval, manager_account_id = :manager, version = version + 1
                        WHERE id = :id AND version = :expected""")
                .params(p).update();
        if (changed == 0) {
            throw new RuleViolation("space.changedMeanwhile");
        }
    }

    /** Takes a space out of the list (its past bookings stay) or puts it back. */
    public void setActive(Viewer viewer, long id, boolean active) {
        requireManager(viewer, id);
        jdbc.sql("UPDATE space SET active = ?, version = version + 1 WHERE id = ?").params(active, id).update();
    }

    /** Shuts a space for a stretch; bookings already in it stay until their managers cancel them. */
    public long close(Viewer viewer, long spaceId, Instant startsAt, Instant endsAt, String reason) {
        requireManager(viewer, spaceId);
        Fields f = new Fields();
        String r = f.text(reason, "reason", REASON_MAX, true);
        if (f.required(startsAt, "startsAt") && f.required(endsAt, "endsAt") && !startsAt.isBefore(endsAt)) {
            f.add("endsAt", "space.endBeforeStart");
        }
        f.check();
        jdbc.sql("INSERT INTO space_closure (space_id, starts_at, ends_at, reason) VALUES (?, ?, ?, ?)")
                .params(spaceId, Timestamps.of(startsAt), Timestamps.of(endsAt), r).update();
        return jdbc.sql("SELECT max(id) FROM space_closure WHERE space_id = ?").param(spaceId).query(Long.class).single();
    }

    public void reopen(Viewer viewer, long spaceId, long closureId) {
        requireManager(viewer, spaceId);
        if (jdbc.sql("DELETE FROM space_closure WHERE id = ? AND space_id = ?").params(closureId, spaceId).update() == 0) {
            throw new NotFoundException("closure", closureId);
        }
    }

    void requireManager(Viewer viewer, long spaceId) {
        if (!manages(viewer, spaceId)) {
            throw new NotFoundException("space", spaceId);
        }
    }

    private record Checked(Map<String, Object> values) {
        Map<String, Object> params() {
            return new HashMap<>(values);
        }
    }

    /** Every problem of the draft at once; {@code id} is the space being changed, null for a new one. */
    private Checked checked(SpaceDraft d, Long id) {
        Fields f = new Fields();
        String name = f.text(d.name(), "name", NAME_MAX, true);
        f.required(d.kind(), "kind");
        String room = f.text(d.room(), "room", ROOM_MAX, false);
        String equipment = f.text(d.equipment(), "equipment", EQUIPMENT_MAX, false);
        String description = f.text(d.description(), "description", DESCRIPTION_MAX, false);
        if (f.required(d.buildingId(), "buildingId") && !residence.buildingNames().containsKey(d.buildingId())) {
            f.add("buildingId", "space.unknownBuilding");
        }
        if (f.required(d.floor(), "floor") && (d.floor() < -5 || d.floor() > 100)) {
            f.add("floor", "space.floorRange");
        }
        if (f.required(d.capacity(), "capacity") && (d.capacity() < 1 || d.capacity() > CAPACITY_MAX)) {
            f.add("capacity", "space.capacityRange", CAPACITY_MAX);
        }
        if (f.required(d.opensAt(), "opensAt") && f.required(d.closesAt(), "closesAt") && !d.opensAt().isBefore(d.closesAt())) {
            f.add("closesAt", "space.closesBeforeOpens");
        }
        if (d.openDays() == null || d.openDays().isEmpty()) {
            f.add("openDays", "space.openDaysRequired");
        }
        if (f.required(d.longestMinutes(), "longestMinutes") && (d.longestMinutes() < 15 || d.longestMinutes() > LONGEST_MAX)) {
            f.add("longestMinutes", "space.longestRange", LONGEST_MAX);
        }
        if (f.required(d.daysAhead(), "daysAhead") && (d.daysAhead() < 0 || d.daysAhead() > DAYS_AHEAD_MAX)) {
            f.add("daysAhead", "space.daysAheadRange", DAYS_AHEAD_MAX);
        }
        if (!d.studentsMayBook() && !d.organisationsMayBook() && !d.staffMayBook()) {
            f.add("bookers", "space.nobodyMayBook");
        }
        Long manager = null;
        if (d.managerUsername() != null && !d.managerUsername().isBlank()) {
            Account account = accounts.byUsername(d.managerUsername()).filter(Account::enabled).orElse(null);
            if (account == null || account.studentId() != null) {
                f.add("managerUsername", "space.unknownManager", d.managerUsername().strip());
            } else {
                manager = account.id();
            }
        }
        if (name != null && d.buildingId() != null && jdbc.sql("SELECT count(*) FROM space WHERE building_id = ? AND name = ? AND id <> ?")
                .params(d.buildingId(), name, id == null ? -1L : id).query(Long.class).single() > 0) {
            f.add("name", "space.nameTaken");
        }
        f.check();
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("kind", d.kind().name());
        p.put("building", d.buildingId());
        p.put("floor", d.floor());
        p.put("room", room);
        p.put("capacity", d.capacity());
        p.put("equipment", equipment == null ? "" : equipment);
        p.put("description", description == null ? "" : description);
        p.put("opens", d.opensAt());
        p.put("closes", d.closesAt());
        p.put("days", days(d.openDays()));
        p.put("students", d.studentsMayBook());
        p.put("organisations", d.organisationsMayBook());
        p.put("staff", d.staffMayBook());
        p.put("longest", d.longestMinutes());
        p.put("ahead", d.daysAhead());
        p.put("approval", d.needsApproval());
        p.put("manager", manager);
        return new Checked(p);
    }

    static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining());
    }

    static Set<DayOfWeek> days(String days) {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        days.chars().forEach(c -> set.add(DayOfWeek.of(c - '0')));
        return set;
    }

    private static SpaceViews.Space space(ResultSet rs, Map<Long, String> buildings) throws SQLException {
        long building = rs.getLong("building_id");
        return new SpaceViews.Space(rs.getLong("id"), rs.getInt("version"), rs.getString("name"),
                SpaceKind.valueOf(rs.getString("kind")), building, buildings.get(building), rs.getInt("floor"),
                rs.getString("room"), rs.getInt("capacity"), rs.getString("equipment"), rs.getString("description"),
                rs.getObject("opens_at", LocalTime.class), rs.getObject("closes_at", LocalTime.class),
                days(rs.getString("open_days")), rs.getBoolean("students_may_book"), rs.getBoolean("organisations_may_book"),
                rs.getBoolean("staff_may_book"), rs.getInt("longest_minutes"), rs.getInt("days_ahead"),
                rs.getBoolean("needs_approval"), (Long) rs.getObject("manager_account_id"), rs.getBoolean("active"));
    }
}
