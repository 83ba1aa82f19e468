package org.shouwang.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
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
 * The bodies that lead the community and who sits on them; also who may read governance at all.
 * Administrators create and change bodies. Leaders, administrators, student affairs, department
 * heads and the members of any body read every body, meeting and decision; anyone else is answered
 * as if there were nothing there (404). Administrators, leaders and student affairs (the bodies'
 * secretariat) record meetings.
 */
@Service
@Transactional
public class GoverningBodies {

    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 2000;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    GoverningBodies(JdbcClient jdbc, @Lazy Accounts accounts, @Lazy AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    // — who may —

    /** Reads every body, meeting, its minutes and every decision. */
    @Transactional(readOnly = true)
    public boolean mayRead(Viewer viewer) {
        return mayRecord(viewer) || viewer.has(Role.DEPARTMENT_HEAD) || isMember(viewer);
    }

    /** Records meetings, attendance, minutes and decisions: the secretariat. */
    public boolean mayRecord(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.LEADER) || viewer.has(Role.STUDENT_AFFAIRS);
    }

    void requireRead(Viewer viewer) {
        if (!mayRead(viewer)) {
            throw new NotFoundException("page", "governance");
        }
    }

    void requireRecord(Viewer viewer) {
        if (!mayRecord(viewer)) {
            throw new NotFoundException("page", "governance");
        }
    }

    private boolean isMember(Viewer viewer) {
        return jdbc.sql("SELECT count(*) FROM governing_body_member WHERE account_id = ?").param(viewer.accountId())
                .query(Long.class).single() > 0;
    }

    // — reading —

    /** Every body in the order of its kind, then by name (404 for those who may not read governance). */
    @Transactional(readOnly = true)
    public List<GovernanceViews.Body> list(Viewer viewer) {
        requireRead(viewer);
        List<Long> ids = jdbc.sql("""
                        SELECT id FROM governing_body ORDER BY CASE kind WHEN 'LEADERSHIP_GROUP' THEN 0 WHEN 'PARTY_COMMITTEE' THEN 1
                          WHEN 'PRESIDENT_OFFICE' THEN 2 ELSE 3 END, name""")
                .query(Long.class).list();
        return ids.stream().map(this::body).toList();
    }

    @Transactional(readOnly = true)
    public GovernanceViews.Body body(Viewer viewer, long id) {
        requireRead(viewer);
        return body(id);
    }

    GovernanceViews.Body body(long id) {
        return jdbc.sql("SELECT id, version, name, kind, description FROM governing_body WHERE id = ?").param(id)
                .query((rs, n) -> {
                    List<GovernanceViews.Person> chairs = new ArrayList<>();
                    List<GovernanceViews.Person> members = new ArrayList<>();
                    jdbc.sql("SELECT account_id, chair FROM governing_body_member WHERE body_id = ? ORDER BY chair DESC, account_id")
                            .param(id).query((r, m) -> {
                                GovernanceViews.Person p = person(r.getLong(1));
                                (r.getBoolean(2) ? chairs : members).add(p);
                                return p;
                            }).list();
                    return new GovernanceViews.Body(rs.getLong(1), rs.getInt(2), rs.getString(3),
                            GoverningBodyKind.valueOf(rs.getString(4)), rs.getString(5), chairs, members);
                })
                .optional().orElseThrow(() -> new NotFoundException("governing body", id));
    }

    GovernanceViews.Person person(long accountId) {
        Account a = accounts.get(accountId);
        return new GovernanceViews.Person(a.id(), a.username(), a.displayName());
    }

    // — changing —

    /** An administrator sets up a body (anyone else: 404); its name is unique, chairs and members are enabled staff accounts. */
    public long create(Viewer admin, GoverningBodyDraft draft) {
        requireAdmin(admin);
        Checked c = check(draft, null);
        jdbc.sql("INSERT INTO governing_body (name, kind, description, created_at) VALUES (?, ?, ?, ?)")
                .params(c.name(), draft.kind().name(), c.description(), Timestamps.of(clock.instant())).update();
        long id = jdbc.sql("SELECT id FROM governing_body WHERE name = ?").param(c.name()).query(Long.class).single();
        writeMembers(id, c);
        audit.record(admin, "governance.body.create", "governing body", id, c.name());
        return id;
    }

    /** An administrator changes a body's name, kind, description, chairs or members; a stale version is refused (409). */
    public void revise(Viewer admin, long id, GoverningBodyDraft draft, Integer expectedVersion) {
        requireAdmin(admin);
        GovernanceViews.Body b = body(id);
        if (expectedVersion != null && expectedVersion != b.version()) {
            throw new RuleViolation("governance.body.changedMeanwhile");
        }
        Checked c = check(draft, id);
        int updated = jdbc.sql("UPDATE governing_body SET name = ?, kind = ?, description = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .params(c.name(), draft.kind().name(), c.description(), id, b.version()).update();
        if (updated == 0) {
            throw new RuleViolation("governance.body.changedMeanwhile");
        }
        jdbc.sql("DELETE FROM governing_body_member WHERE body_id = ?").param(id).update();
        writeMembers(id, c);
        audit.record(admin, "governance.body.revise", "governing body", id, c.name());
    }

    private void writeMembers(long id, Checked c) {
        for (long chair : c.chairs()) {
            jdbc.sql("INSERT INTO governing_body_member (body_id, account_id, chair) VALUES (?, ?, TRUE)").params(id, chair).update();
        }
        for (long member : c.members()) {
            if (!c.chairs().contains(member)) {
                jdbc.sql("INSERT INTO governing_body_member (body_id, account_id, chair) VALUES (?, ?, FALSE)").params(id, member)
                        .update();
            }
        }
    }

    private record Checked(String name, String description, Set<Long> chairs, Set<Long> members) {
    }

    private Checked check(GoverningBodyDraft draft, Long id) {
        GoverningBodyDraft d = draft == null ? new GoverningBodyDraft(null, null, null, List.of(), List.of()) : draft;
        Fields f = new Fields();
        String name = f.text(d.name(), "name", NAME_MAX, true);
        f.required(d.kind(), "kind");
        String description = f.text(d.description(), "description", TEXT_MAX, false);
        Set<Long> chairs = staffAccounts(d.chairUsernames(), "chairs", f);
        Set<Long> members = staffAccounts(d.memberUsernames(), "members", f);
        if (chairs.isEmpty() && !f.has("chairs")) {
            f.add("chairs", "field.required");
        }
        if (name != null && jdbc.sql("SELECT count(*) FROM governing_body WHERE name = ? AND id <> ?")
                .params(name, id == null ? -1L : id).query(Long.class).single() > 0) {
            f.add("name", "governance.body.nameTaken");
        }
        f.check();
        return new Checked(name, description == null ? "" : description, chairs, members);
    }

    /** Enabled staff accounts by username, in the order given; an unknown one is a problem of the field. */
    Set<Long> staffAccounts(List<String> usernames, String field, Fields f) {
        Set<Long> ids = new LinkedHashSet<>();
        if (usernames == null) {
            return ids;
        }
        for (String username : usernames) {
            if (username == null || username.isBlank()) {
                continue;
            }
            Optional<Account> a = accounts.byUsername(username.strip()).filter(Account::enabled);
            if (a.isEmpty() || a.get().studentId() != null) {
                f.add(field, "governance.unknownAccount", username.strip());
            } else {
                ids.add(a.get().id());
            }
        }
        return ids;
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("page", "governance/bodies");
        }
    }
}
