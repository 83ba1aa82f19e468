package org.shouwang.studios;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
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
 * Studios (工作室) stationed in the community: the public directory, one studio with its members,
 * and who works in which studio (a studio's leader and members see its rosters and appointments).
 * Administrators set studios up.
 */
@Service
@Transactional
public class Studios {

    static final int NAME_MAX = 100;
    static final int VENUE_MAX = 200;
    static final int SERVICES_MAX = 1000;
    static final int HOURS_MAX = 200;
    static final int TEXT_MAX = 4000;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Residence residence;
    private final AuditLog audit;
    private final Clock clock;

    Studios(JdbcClient jdbc, @Lazy Accounts accounts, @Lazy Residence residence, @Lazy AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.residence = residence;
        this.audit = audit;
        this.clock = clock;
    }

    // — reading —

    /** Active studios, by type then name; either filter may be null. Everyone signed in may read it. */
    @Transactional(readOnly = true)
    public List<StudioViews.Summary> directory(StudioType type, Long buildingId) {
        return summaries(true, type, buildingId);
    }

    /** Deactivated studios, by type then name: administrators only (they may reactivate them). */
    @Transactional(readOnly = true)
    public List<StudioViews.Summary> deactivated(Viewer admin) {
        requireAdmin(admin);
        return summaries(false, null, null);
    }

    private List<StudioViews.Summary> summaries(boolean active, StudioType type, Long buildingId) {
        Map<Long, String> buildings = residence.buildingNames();
        String where = (type == null ? "" : " AND type = :type") + (buildingId == null ? "" : " AND building_id = :building");
        List<Object[]> rows = jdbc.sql("SELECT id, name, type, building_id, venue, leader_account_id, partner, services,"
                        + " opening_hours FROM studio WHERE active = :active" + where + " ORDER BY type, name")
                .param("active", active)
                .params(type == null ? Map.of() : Map.of("type", type.name()))
                .params(buildingId == null ? Map.of() : Map.of("building", buildingId))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9)})
                .list();
        Map<Long, String> leaders = accounts.names(rows.stream().map(r -> (Long) r[5]).toList());
        return rows.stream().map(r -> new StudioViews.Summary((Long) r[0], (String) r[1], StudioType.valueOf((String) r[2]),
                (Long) r[3], r[3] == null ? null : buildings.get((Long) r[3]), (String) r[4], leaders.get((Long) r[5]),
                (String) r[6], (String) r[7], (String) r[8])).toList();
    }

    /** The buildings that have an active studio, by id with their names: the directory's building filter. */
    @Transactional(readOnly = true)
    public Map<Long, String> buildingsWithStudios() {
        Map<Long, String> names = residence.buildingNames();
        Map<Long, String> result = new LinkedHashMap<>();
        jdbc.sql("SELECT DISTINCT building_id FROM studio WHERE active AND building_id IS NOT NULL ORDER BY building_id")
                .query(Long.class).list().forEach(id -> result.put(id, names.get(id)));
        return result;
    }

    /** Names of the active studios by id, by name: for choosing a studio on other forms (projects, rosters). */
    @Transactional(readOnly = true)
    public Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM studio WHERE active ORDER BY name")
                .query(rs -> { names.put(rs.getLong(1), rs.getString(2)); });
        return names;
    }

    /** The id of the studio of this exact name, active or not (demo data and imports look studios up this way). */
    @Transactional(readOnly = true)
    public Optional<Long> idByName(String name) {
        return name == null ? Optional.empty()
                : jdbc.sql("SELECT id FROM studio WHERE name = ?").param(name.strip()).query(Long.class).optional();
    }

    /** The studio's leader's account; 404 when there is no such studio. */
    @Transactional(readOnly = true)
    public long leaderOf(long studioId) {
        return jdbc.sql("SELECT leader_account_id FROM studio WHERE id = ?").param(studioId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("studio", studioId));
    }

    /** Leads this studio (not only works in it). */
    @Transactional(readOnly = true)
    public boolean leads(Viewer viewer, long studioId) {
        return jdbc.sql("SELECT count(*) FROM studio WHERE id = ? AND leader_account_id = ?")
                .params(studioId, viewer.accountId()).query(Long.class).single() > 0;
    }

    /** One studio with its members; 404 when there is none. */
    @Transactional(readOnly = true)
    public StudioViews.Studio studio(long id) {
        return jdbc.sql("""
                        SELECT id, version, name, type, building_id, venue, leader_account_id, partner, services, opening_hours,
                               description, active FROM studio WHERE id = ?""").param(id)
                .query((rs, n) -> {
                    long leader = rs.getLong("leader_account_id");
                    Long building = (Long) rs.getObject("building_id");
                    List<Long> memberIds = memberAccounts(id, leader);
                    Map<Long, String> names = accounts.names(memberIds);
                    List<StudioViews.Member> members = memberIds.stream()
                            .map(m -> new StudioViews.Member(m, names.get(m), m == leader)).toList();
                    return new StudioViews.Studio(id, rs.getInt("version"), rs.getString("name"),
                            StudioType.valueOf(rs.getString("type")), building,
                            building == null ? null : residence.buildingNames().get(building), rs.getString("venue"), leader,
                            names.get(leader), rs.getString("partner"), rs.getString("services"), rs.getString("opening_hours"),
                            rs.getString("description"), rs.getBoolean("active"), members);
                })
                .optional().orElseThrow(() -> new NotFoundException("studio", id));
    }

    /** The studio's type; 404 when there is none. */
    @Transactional(readOnly = true)
    public StudioType typeOf(long id) {
        return jdbc.sql("SELECT type FROM studio WHERE id = ?").param(id).query(String.class).optional()
                .map(StudioType::valueOf).orElseThrow(() -> new NotFoundException("studio", id));
    }

    /** The studios the viewer leads or is a member of (studio staff work in these). */
    @Transactional(readOnly = true)
    public Set<Long> studiosOf(Viewer viewer) {
        return Set.copyOf(jdbc.sql("""
                        SELECT id FROM studio WHERE leader_account_id = :a
                        UNION SELECT studio_id FROM studio_member WHERE account_id = :a""")
                .param("a", viewer.accountId()).query(Long.class).list());
    }

    /** Leads or is a member of this studio. */
    @Transactional(readOnly = true)
    public boolean worksIn(Viewer viewer, long studioId) {
        return studiosOf(viewer).contains(studioId);
    }

    /** The leader first, then the members: whom to tell about the studio's appointments. */
    @Transactional(readOnly = true)
    public List<Long> staffOf(long studioId) {
        Long leader = jdbc.sql("SELECT leader_account_id FROM studio WHERE id = ?").param(studioId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("studio", studioId));
        return memberAccounts(studioId, leader);
    }

    private List<Long> memberAccounts(long studioId, long leader) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(leader);
        ids.addAll(jdbc.sql("SELECT account_id FROM studio_member WHERE studio_id = ? ORDER BY account_id")
                .param(studioId).query(Long.class).list());
        return new ArrayList<>(ids);
    }

    // — setting up (administrators) —

    /** Sets up a studio; every problem of the draft is a field error and nothing is written then. */
    public long create(Viewer admin, StudioDraft draft) {
        requireAdmin(admin);
        Checked c = checked(draft, null);
        jdbc.sql("""
                        INSERT INTO studio (name, type, building_id, venue, leader_account_id, partner, services, opening_hours,
                                            description, created_at)
                        VALUES (:name, :type, :building, :venue, :leader, :partner, :services, :hours, :description, :now)""")
                .params(c.params()).param("now", Timestamps.of(clock.instant())).update();
        long id = idOf(c.draft().name());
        audit.record(admin, "studio.create", "studio", id, c.draft().name());
        return id;
    }

    /**
     * Changes a studio; with the version the administrator read, refused ({@code studio.changed})
     * when someone changed it since. A null version skips the check.
     */
    public void update(Viewer admin, long id, StudioDraft draft, Integer expectedVersion) {
        requireAdmin(admin);
        int version = versionOf(id);
        Checked c = checked(draft, id);
        if (expectedVersion != null && expectedVersion != version) {
            throw new RuleViolation("studio.changed");
        }
        int changed = jdbc.sql("""
                        UPDATE studio SET name = :name, type = :type, building_id = :building, venue = :venue,
                               leader_account_id = :leader, partner = :partner, services = :services, opening_hours = :hours,
                               description = :description, version = version + 1
                        WHERE id = :id AND version = :version""")
                .params(c.params()).param("id", id).param("version", version).update();
        if (changed == 0) {
            throw new RuleViolation("studio.changed");
        }
        audit.record(admin, "studio.update", "studio", id, c.draft().name());
    }

    /** Takes a studio out of the directory (its history stays); again changes nothing. */
    public void deactivate(Viewer admin, long id) {
        setActive(admin, id, false);
    }

    /** Puts a deactivated studio back into the directory. */
    public void reactivate(Viewer admin, long id) {
        setActive(admin, id, true);
    }

    private void setActive(Viewer admin, long id, boolean active) {
        requireAdmin(admin);
        versionOf(id);
        if (jdbc.sql("UPDATE studio SET active = ?, version = version + 1 WHERE id = ? AND active <> ?")
                .params(active, id, active).update() > 0) {
            audit.record(admin, active ? "studio.reactivate" : "studio.deactivate", "studio", id, null);
        }
    }

    /** Adds a staff member by username; adding someone twice changes nothing. */
    public void addMember(Viewer admin, long studioId, String username) {
        requireAdmin(admin);
        typeOf(studioId);
        if (new Fields().text(username, "username", 64, true) == null) {
            throw new InvalidInput("username", "field.required");
        }
        Account account = staffAccount(username, "username");
        if (jdbc.sql("SELECT count(*) FROM studio_member WHERE studio_id = ? AND account_id = ?")
                .params(studioId, account.id()).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO studio_member (studio_id, account_id) VALUES (?, ?)").params(studioId, account.id()).update();
            audit.record(admin, "studio.addMember", "studio", studioId, account.username());
        }
    }

    /**
     * Removes a member by username; someone who is not a member changes nothing. The leader is not
     * removed this way ({@code studio.leaderStays}): name another leader first.
     */
    public void removeMember(Viewer admin, long studioId, String username) {
        requireAdmin(admin);
        long leader = leaderOf(studioId);
        Account account = accounts.byUsername(username)
                .orElseThrow(() -> new InvalidInput("username", "studio.unknownAccount", username == null ? "" : username.strip()));
        if (account.id() == leader && jdbc.sql("SELECT count(*) FROM studio_member WHERE studio_id = ? AND account_id = ?")
                .params(studioId, account.id()).query(Long.class).single() == 0) {
            throw new RuleViolation("studio.leaderStays", account.displayName());
        }
        if (jdbc.sql("DELETE FROM studio_member WHERE studio_id = ? AND account_id = ?").params(studioId, account.id()).update() > 0) {
            audit.record(admin, "studio.removeMember", "studio", studioId, account.username());
        }
    }

    private int versionOf(long id) {
        return jdbc.sql("SELECT version FROM studio WHERE id = ?").param(id).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("studio", id));
    }

    void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("page", "studios/admin");
        }
    }

    record Checked(StudioDraft draft, long leaderAccountId) {
        Map<String, Object> params() {
            Map<String, Object> p = new java.util.HashMap<>();
            p.put("name", draft.name());
            p.put("type", draft.type().name());
            p.put("building", draft.buildingId());
            p.put("venue", draft.venue());
            p.put("leader", leaderAccountId);
            p.put("partner", draft.partner());
            p.put("services", draft.services());
            p.put("hours", draft.openingHours());
            p.put("description", draft.description() == null ? "" : draft.description());
            return p;
        }
    }

    /** Every problem of the draft at once; {@code id} is the studio being changed, null for a new one. */
    Checked checked(StudioDraft d, Long id) {
        Fields f = new Fields();
        String name = f.text(d.name(), "name", NAME_MAX, true);
        f.required(d.type(), "type");
        String venue = f.text(d.venue(), "venue", VENUE_MAX, true);
        String partner = f.text(d.partner(), "partner", NAME_MAX, false);
        String services = f.text(d.services(), "services", SERVICES_MAX, true);
        String hours = f.text(d.openingHours(), "openingHours", HOURS_MAX, true);
        String description = f.text(d.description(), "description", TEXT_MAX, false);
        if (d.buildingId() != null && !residence.buildingNames().containsKey(d.buildingId())) {
            f.add("buildingId", "studio.unknownBuilding");
        }
        if (name != null && jdbc.sql("SELECT count(*) FROM studio WHERE name = ? AND id <> ?")
                .params(name, id == null ? -1L : id).query(Long.class).single() > 0) {
            f.add("name", "studio.nameTaken");
        }
        long leader = 0;
        if (f.text(d.leaderUsername(), "leaderUsername", 64, true) != null) {
            try {
                leader = staffAccount(d.leaderUsername(), "leaderUsername").id();
            } catch (InvalidInput e) {
                e.problems().forEach(p -> f.add(p.field(), p.code(), p.args()));
            }
        }
        f.check();
        return new Checked(new StudioDraft(name, d.type(), d.buildingId(), venue, d.leaderUsername().strip(), partner, services,
                hours, description), leader);
    }

    private Account staffAccount(String username, String field) {
        Account account = accounts.byUsername(username).filter(Account::enabled)
                .orElseThrow(() -> new InvalidInput(field, "studio.unknownAccount", username == null ? "" : username.strip()));
        if (account.studentId() != null) {
            throw new InvalidInput(field, "studio.notStaff", account.username());
        }
        return account;
    }

    private long idOf(String name) {
        return jdbc.sql("SELECT id FROM studio WHERE name = ?").param(name).query(Long.class).single();
    }
}
