package org.shouwang.party;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.people.People;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Party organisation tree and who runs each node. Administrators build the tree; an
 * organisation is managed by administrators and by the secretary and committee of it or of an
 * organisation above it, so a branch secretary manages only their own branch.
 */
@Service
@Transactional
public class PartyOrganisations {

    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 2000;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final People people;
    private final Clock clock;

    PartyOrganisations(JdbcClient jdbc, @Lazy Accounts accounts, @Lazy People people, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.people = people;
        this.clock = clock;
    }

    // — reading —

    /** The active tree, depth first, each node after its parent; siblings by level, functional branches first, then in order of founding in the system. */
    @Transactional(readOnly = true)
    public List<PartyViews.Node> tree() {
        List<Object[]> rows = jdbc.sql("""
                        SELECT id, name, kind, parent_id, functional, college_id, secretary_account_id
                        FROM party_organisation WHERE active
                        ORDER BY CASE kind WHEN 'COMMITTEE' THEN 0 WHEN 'WORKING_COMMITTEE' THEN 1 WHEN 'GENERAL_BRANCH' THEN 2 ELSE 3 END,
                                 functional DESC, id""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                        rs.getBoolean(5), (Long) rs.getObject(6), (Long) rs.getObject(7)})
                .list();
        Map<Long, String> names = accounts.names(rows.stream().map(r -> (Long) r[6]).filter(java.util.Objects::nonNull).toList());
        Map<Long, List<Object[]>> children = new LinkedHashMap<>();
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> ids.add((Long) r[0]));
        List<Object[]> roots = new ArrayList<>();
        for (Object[] r : rows) {
            Long parent = (Long) r[3];
            if (parent == null || !ids.contains(parent)) {
                roots.add(r);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
            }
        }
        List<PartyViews.Node> out = new ArrayList<>();
        for (Object[] root : roots) {
            walk(root, 0, children, names, out);
        }
        return out;
    }

    private static void walk(Object[] r, int depth, Map<Long, List<Object[]>> children, Map<Long, String> names,
                             List<PartyViews.Node> out) {
        out.add(new PartyViews.Node((Long) r[0], (String) r[1], PartyOrganisationKind.valueOf((String) r[2]), (Long) r[3],
                (Boolean) r[4], (Long) r[5], r[6] == null ? null : names.get((Long) r[6]), depth));
        for (Object[] child : children.getOrDefault((Long) r[0], List.of())) {
            walk(child, depth + 1, children, names, out);
        }
    }

    /** One organisation with its committee; 404 when there is none. */
    @Transactional(readOnly = true)
    public PartyViews.Organisation organisation(long id) {
        return jdbc.sql("""
                        SELECT o.id, o.version, o.name, o.kind, o.parent_id, p.name AS parent_name, o.functional, o.college_id,
                               o.secretary_account_id, o.description, o.founded_on, o.active
                        FROM party_organisation o LEFT JOIN party_organisation p ON p.id = o.parent_id WHERE o.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    Long secretary = (Long) rs.getObject("secretary_account_id");
                    List<PartyViews.CommitteeSeat> committee = committee(id);
                    return new PartyViews.Organisation(id, rs.getInt("version"), rs.getString("name"),
                            PartyOrganisationKind.valueOf(rs.getString("kind")), (Long) rs.getObject("parent_id"),
                            rs.getString("parent_name"), rs.getBoolean("functional"), (Long) rs.getObject("college_id"),
                            secretary, secretary == null ? null : accounts.names(List.of(secretary)).get(secretary),
                            rs.getString("description"), rs.getObject("founded_on", LocalDate.class), rs.getBoolean("active"),
                            committee);
                })
                .optional().orElseThrow(() -> new NotFoundException("party-organisation", id));
    }

    private List<PartyViews.CommitteeSeat> committee(long id) {
        List<Object[]> rows = jdbc.sql("SELECT account_id, position FROM party_committee_member WHERE organisation_id = ? ORDER BY position, account_id")
                .param(id).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        Map<Long, String> names = accounts.names(rows.stream().map(r -> (Long) r[0]).toList());
        return rows.stream().map(r -> new PartyViews.CommitteeSeat((Long) r[0], names.get((Long) r[0]),
                CommitteePosition.valueOf((String) r[1]))).toList();
    }

    /** The organisation and all below it. */
    @Transactional(readOnly = true)
    public Set<Long> subtree(long id) {
        Set<Long> all = new HashSet<>();
        List<Long> frontier = List.of(id);
        while (!frontier.isEmpty()) {
            all.addAll(frontier);
            frontier = jdbc.sql("SELECT id FROM party_organisation WHERE parent_id IN (:ids)").param("ids", frontier)
                    .query(Long.class).list().stream().filter(c -> !all.contains(c)).toList();
        }
        return all;
    }

    /**
     * The organisations the viewer runs — as secretary or committee member of them or of one above
     * them — with everything below; all of them for administrators.
     */
    @Transactional(readOnly = true)
    public Set<Long> managedBy(Viewer viewer) {
        if (viewer.isAdmin()) {
            return Set.copyOf(jdbc.sql("SELECT id FROM party_organisation").query(Long.class).list());
        }
        Set<Long> managed = new HashSet<>();
        for (long top : jdbc.sql("""
                        SELECT id FROM party_organisation WHERE secretary_account_id = :a
                        UNION SELECT organisation_id FROM party_committee_member WHERE account_id = :a""")
                .param("a", viewer.accountId()).query(Long.class).list()) {
            managed.addAll(subtree(top));
        }
        return managed;
    }

    @Transactional(readOnly = true)
    public boolean manages(Viewer viewer, long organisationId) {
        return managedBy(viewer).contains(organisationId);
    }

    /**
     * Holds a Party organisation role (a Party secretary, or a secretary or committee member of some
     * organisation), or administers: may see members' political status (DESIGN §6).
     */
    @Transactional(readOnly = true)
    public boolean holdsPartyRole(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.PARTY_SECRETARY) || !managedBy(viewer).isEmpty();
    }

    // — building the tree (administrators) —

    public long create(Viewer admin, PartyOrganisationDraft draft) {
        if (!admin.isAdmin()) {
            throw new NotFoundException("page", "party/new");
        }
        Checked c = check(null, draft);
        jdbc.sql("""
                        INSERT INTO party_organisation (name, kind, parent_id, functional, college_id, secretary_account_id, description,
                                                        founded_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.name, draft.kind().name(), draft.parentId(), draft.functional(), draft.collegeId(), c.secretary,
                        c.description, draft.foundedOn(), Timestamps.of(clock.instant()))
                .update();
        return jdbc.sql("SELECT id FROM party_organisation WHERE name = ?").param(c.name).query(Long.class).single();
    }

    /**
     * Changes an organisation (its name, place, secretary …) by administrators; a version that is not
     * the current one is refused (someone changed it meanwhile).
     */
    public void update(Viewer admin, long id, PartyOrganisationDraft draft, Integer version) {
        if (!admin.isAdmin()) {
            throw new NotFoundException("party-organisation", id);
        }
        PartyViews.Organisation current = organisation(id);
        Checked c = check(id, draft);
        int changed = jdbc.sql("""
                        UPDATE party_organisation SET name = ?, kind = ?, parent_id = ?, functional = ?, college_id = ?,
                               secretary_account_id = ?, description = ?, founded_on = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(c.name, draft.kind().name(), draft.parentId(), draft.functional(), draft.collegeId(), c.secretary,
                        c.description, draft.foundedOn(), id, version == null ? current.version() : version)
                .update();
        if (changed == 0) {
            throw new RuleViolation("party.changedMeanwhile");
        }
    }

    /** Takes an organisation out of the tree (administrators); refused while it has active organisations below it or members. */
    public void deactivate(Viewer admin, long id, Integer version) {
        if (!admin.isAdmin()) {
            throw new NotFoundException("party-organisation", id);
        }
        PartyViews.Organisation current = organisation(id);
        if (jdbc.sql("SELECT count(*) FROM party_organisation WHERE parent_id = ? AND active").param(id).query(Long.class).single() > 0) {
            throw new RuleViolation("party.hasChildren");
        }
        if (jdbc.sql("SELECT count(*) FROM party_member WHERE organisation_id = ? AND active").param(id).query(Long.class).single() > 0) {
            throw new RuleViolation("party.hasMembers");
        }
        int changed = jdbc.sql("UPDATE party_organisation SET active = FALSE, version = version + 1 WHERE id = ? AND version = ?")
                .params(id, version == null ? current.version() : version).update();
        if (changed == 0) {
            throw new RuleViolation("party.changedMeanwhile");
        }
    }

    /** Every committee seat by organisation, for the tree. */
    @Transactional(readOnly = true)
    public Map<Long, List<PartyViews.CommitteeSeat>> committees() {
        List<Object[]> rows = jdbc.sql("SELECT organisation_id, account_id, position FROM party_committee_member ORDER BY position, account_id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}).list();
        Map<Long, String> names = accounts.names(rows.stream().map(r -> (Long) r[1]).distinct().toList());
        Map<Long, List<PartyViews.CommitteeSeat>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new PartyViews.CommitteeSeat((Long) r[1],
                    names.get((Long) r[1]), CommitteePosition.valueOf((String) r[2])));
        }
        return out;
    }

    private record Checked(String name, String description, Long secretary) {
    }

    private Checked check(Long self, PartyOrganisationDraft draft) {
        Fields f = new Fields();
        String name = f.text(draft.name(), "name", NAME_MAX, true);
        f.required(draft.kind(), "kind");
        String description = f.text(draft.description(), "description", TEXT_MAX, false);
        if (draft.parentId() != null && jdbc.sql("SELECT count(*) FROM party_organisation WHERE id = ?").param(draft.parentId())
                .query(Long.class).single() == 0) {
            f.add("parentId", "party.unknownOrganisation");
        } else if (self != null && draft.parentId() != null && subtree(self).contains(draft.parentId())) {
            f.add("parentId", "party.parentBelow");
        }
        if (draft.collegeId() != null && !people.collegeNames().containsKey(draft.collegeId())) {
            f.add("collegeId", "party.unknownCollege");
        }
        Long secretary = account(draft.secretaryUsername(), "secretaryUsername", f);
        if (name != null && jdbc.sql("SELECT count(*) FROM party_organisation WHERE name = ? AND id <> ?")
                .params(name, self == null ? -1L : self).query(Long.class).single() > 0) {
            f.add("name", "party.nameTaken");
        }
        if (draft.foundedOn() != null && draft.foundedOn().isAfter(LocalDate.now(clock))) {
            f.add("foundedOn", "party.inFuture");
        }
        f.check();
        return new Checked(name, description == null ? "" : description, secretary);
    }

    /** Seats an account on the committee (again: changes the position); by those who manage the organisation. */
    public void seat(Viewer manager, long organisationId, String username, CommitteePosition position) {
        if (!manages(manager, organisationId)) {
            throw new NotFoundException("party-organisation", organisationId);
        }
        Fields f = new Fields();
        f.required(position, "position");
        Long account = account(username, "username", f);
        if (account == null && !f.has("username")) {
            f.add("username", "field.required");
        }
        f.check();
        jdbc.sql("DELETE FROM party_committee_member WHERE organisation_id = ? AND account_id = ?").params(organisationId, account).update();
        jdbc.sql("INSERT INTO party_committee_member (organisation_id, account_id, position) VALUES (?, ?, ?)")
                .params(organisationId, account, position.name()).update();
    }

    /** Account display names, for those who recorded something. */
    @Transactional(readOnly = true)
    public Map<Long, String> accountNames(java.util.Collection<Long> ids) {
        return accounts.names(ids);
    }

    private Long account(String username, String field, Fields f) {
        if (username == null || username.isBlank()) {
            return null;
        }
        Optional<Account> account = accounts.byUsername(username).filter(Account::enabled);
        if (account.isEmpty()) {
            f.add(field, "party.unknownAccount", username.strip());
            return null;
        }
        return account.get().id();
    }
}
