package org.shouwang.studios;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Education projects (育人项目), featured and quality ones, with their milestones. Everyone signed
 * in may read them; an administrator, the project's owner and the leader of its studio may change
 * a project and tick its milestones done; anyone else is answered 404. A milestone is overdue when
 * it was due before today (campus time) and is not done.
 */
@Service
@Transactional
public class Projects {

    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 4000;
    static final int TITLE_MAX = 200;
    static final int NOTE_MAX = 1000;

    private final JdbcClient jdbc;
    private final Studios studios;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    Projects(JdbcClient jdbc, Studios studios, @Lazy Accounts accounts, @Lazy AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.studios = studios;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    // — reading —

    /** The projects the filter asks for, featured first, then by name. */
    @Transactional(readOnly = true)
    public List<ProjectViews.Row> list(Viewer viewer, ProjectViews.Filter filter) {
        ProjectViews.Filter f = filter == null ? ProjectViews.Filter.everything() : filter;
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        params.put("today", today());
        if (f.level() != null) {
            where.append(" AND p.level = :level");
            params.put("level", f.level().name());
        }
        if (f.status() != null) {
            where.append(" AND p.status = :status");
            params.put("status", f.status().name());
        }
        if (f.studioId() != null) {
            where.append(" AND p.studio_id = :studio");
            params.put("studio", f.studioId());
        }
        if (f.overdueOnly()) {
            where.append(" AND EXISTS (SELECT 1 FROM project_milestone m WHERE m.project_id = p.id AND m.done_on IS NULL"
                    + " AND m.due_on < :today)");
        }
        List<Object[]> rows = jdbc.sql("""
                        SELECT p.id, p.name, p.level, p.status, p.studio_id, s.name AS studio, p.owner_account_id,
                               p.starts_on, p.ends_on,
                               (SELECT count(*) FROM project_milestone m WHERE m.project_id = p.id) AS milestones,
                               (SELECT count(*) FROM project_milestone m WHERE m.project_id = p.id
                                  AND m.done_on IS NOT NULL) AS done,
                               (SELECT count(*) FROM project_milestone m WHERE m.project_id = p.id
                                  AND m.done_on IS NULL AND m.due_on < :today) AS overdue
                        FROM project p LEFT JOIN studio s ON s.id = p.studio_id""" + where + " ORDER BY p.level, p.name")
                .params(params)
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("name"), rs.getString("level"),
                        rs.getString("status"), rs.getObject("studio_id", Long.class), rs.getString("studio"),
                        rs.getLong("owner_account_id"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class), rs.getInt("milestones"), rs.getInt("done"),
                        rs.getInt("overdue")})
                .list();
        Map<Long, String> owners = accounts.names(rows.stream().map(r -> (Long) r[6]).distinct().toList());
        return rows.stream().map(r -> new ProjectViews.Row((Long) r[0], (String) r[1], ProjectLevel.valueOf((String) r[2]),
                ProjectStatus.valueOf((String) r[3]), (Long) r[4], (String) r[5], owners.get((Long) r[6]), (LocalDate) r[7],
                (LocalDate) r[8], (Integer) r[9], (Integer) r[10], (Integer) r[11])).toList();
    }

    /** One project with its milestones by due date; 404 when there is none. */
    @Transactional(readOnly = true)
    public ProjectViews.Project project(Viewer viewer, long id) {
        Stored p = stored(id);
        LocalDate today = today();
        List<ProjectViews.Milestone> milestones = jdbc.sql("""
                        SELECT id, title, due_on, done_on, note FROM project_milestone WHERE project_id = ?
                        ORDER BY due_on, id""").param(id)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    LocalDate done = rs.getObject("done_on", LocalDate.class);
                    return new ProjectViews.Milestone(rs.getLong("id"), rs.getString("title"), due, done, rs.getString("note"),
                            done == null && due.isBefore(today));
                })
                .list();
        Account owner = accounts.get(p.ownerAccountId());
        String studio = p.studioId() == null ? null : studios.studio(p.studioId()).name();
        return new ProjectViews.Project(id, p.version(), p.name(), p.level(), p.status(), p.studioId(), studio,
                owner.id(), owner.username(), owner.displayName(), p.goals(), p.startsOn(), p.endsOn(), p.outcome(),
                milestones, mayEdit(viewer, p));
    }

    // — changing —

    /**
     * Starts a project. An administrator may start any; other staff one they own themselves or one
     * of a studio they lead; anyone else is answered 404. Every problem is a field error and
     * nothing is written then.
     */
    public long create(Viewer viewer, ProjectDraft draft) {
        if (!viewer.isStaff()) {
            throw new NotFoundException("page", "projects/new");
        }
        Checked c = checked(draft, null);
        if (!viewer.isAdmin() && c.ownerAccountId() != viewer.accountId()
                && (c.draft().studioId() == null || !studios.leads(viewer, c.draft().studioId()))) {
            throw new NotFoundException("page", "projects/new");
        }
        jdbc.sql("""
                        INSERT INTO project (name, level, studio_id, owner_account_id, goals, starts_on, ends_on, status, outcome,
                                             created_at)
                        VALUES (:name, :level, :studio, :owner, :goals, :starts, :ends, :status, :outcome, :now)""")
                .params(c.params()).param("now", Timestamps.of(clock.instant())).update();
        long id = jdbc.sql("SELECT id FROM project WHERE name = ?").param(c.draft().name()).query(Long.class).single();
        audit.record(viewer, "project.create", "project", id, c.draft().name());
        return id;
    }

    /**
     * Changes a project (its whole description), with the version the editor read: refused
     * ({@code project.changed}) when someone changed it since; a null version skips the check.
     */
    public void update(Viewer viewer, long id, ProjectDraft draft, Integer expectedVersion) {
        Stored p = editable(viewer, id);
        Checked c = checked(draft, id);
        if (expectedVersion != null && expectedVersion != p.version()) {
            throw new RuleViolation("project.changed");
        }
        int changed = jdbc.sql("""
                        UPDATE project SET name = :name, level = :level, studio_id = :studio, owner_account_id = :owner,
                               goals = :goals, starts_on = :starts, ends_on = :ends, status = :status, outcome = :outcome,
                               version = version + 1
                        WHERE id = :id AND version = :version""")
                .params(c.params()).param("id", id).param("version", p.version()).update();
        if (changed == 0) {
            throw new RuleViolation("project.changed");
        }
        audit.record(viewer, "project.update", "project", id, c.draft().name());
    }

    /** Adds a milestone due within the project's dates. */
    public long addMilestone(Viewer viewer, long projectId, MilestoneDraft draft) {
        Stored p = editable(viewer, projectId);
        MilestoneDraft m = checked(draft, p);
        jdbc.sql("INSERT INTO project_milestone (project_id, title, due_on, note) VALUES (?, ?, ?, ?)")
                .params(projectId, m.title(), m.dueOn(), m.note()).update();
        long id = jdbc.sql("SELECT max(id) FROM project_milestone WHERE project_id = ?").param(projectId).query(Long.class).single();
        audit.record(viewer, "project.addMilestone", "project", projectId, m.title());
        return id;
    }

    /** Changes a milestone's title, due date or note (whether it is done stays). */
    public void changeMilestone(Viewer viewer, long projectId, long milestoneId, MilestoneDraft draft) {
        Stored p = editable(viewer, projectId);
        requireMilestone(projectId, milestoneId);
        MilestoneDraft m = checked(draft, p);
        jdbc.sql("UPDATE project_milestone SET title = ?, due_on = ?, note = ? WHERE id = ?")
                .params(m.title(), m.dueOn(), m.note(), milestoneId).update();
        audit.record(viewer, "project.changeMilestone", "project", projectId, m.title());
    }

    /**
     * Ticks a milestone done on a day (today when null), not in the future nor before the project
     * started; a note given replaces the milestone's note. Ticking it again moves the day.
     */
    public void markDone(Viewer viewer, long projectId, long milestoneId, LocalDate doneOn, String note) {
        Stored p = editable(viewer, projectId);
        requireMilestone(projectId, milestoneId);
        Fields f = new Fields();
        LocalDate day = doneOn == null ? today() : doneOn;
        if (day.isAfter(today())) {
            f.add("doneOn", "project.milestone.doneInFuture");
        } else if (day.isBefore(p.startsOn())) {
            f.add("doneOn", "project.milestone.doneBeforeStart", p.startsOn());
        }
        String n = f.text(note, "note", NOTE_MAX, false);
        f.check();
        if (n != null) {
            jdbc.sql("UPDATE project_milestone SET done_on = ?, note = ? WHERE id = ?").params(day, n, milestoneId).update();
        } else {
            jdbc.sql("UPDATE project_milestone SET done_on = ? WHERE id = ?").params(day, milestoneId).update();
        }
        audit.record(viewer, "project.milestoneDone", "project", projectId, String.valueOf(milestoneId));
    }

    /** Takes the tick off a milestone ticked by mistake. */
    public void reopenMilestone(Viewer viewer, long projectId, long milestoneId) {
        editable(viewer, projectId);
        requireMilestone(projectId, milestoneId);
        jdbc.sql("UPDATE project_milestone SET done_on = NULL WHERE id = ?").param(milestoneId).update();
        audit.record(viewer, "project.milestoneReopened", "project", projectId, String.valueOf(milestoneId));
    }

    public void removeMilestone(Viewer viewer, long projectId, long milestoneId) {
        editable(viewer, projectId);
        requireMilestone(projectId, milestoneId);
        jdbc.sql("DELETE FROM project_milestone WHERE id = ?").param(milestoneId).update();
        audit.record(viewer, "project.removeMilestone", "project", projectId, String.valueOf(milestoneId));
    }

    // — rules —

    private record Stored(long id, int version, String name, ProjectLevel level, ProjectStatus status, Long studioId,
                          long ownerAccountId, String goals, LocalDate startsOn, LocalDate endsOn, String outcome) {
    }

    private Stored stored(long id) {
        return jdbc.sql("""
                        SELECT id, version, name, level, status, studio_id, owner_account_id, goals, starts_on, ends_on, outcome
                        FROM project WHERE id = ?""").param(id)
                .query(Projects::stored).optional().orElseThrow(() -> new NotFoundException("project", id));
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getInt("version"), rs.getString("name"), ProjectLevel.valueOf(rs.getString("level")),
                ProjectStatus.valueOf(rs.getString("status")), rs.getObject("studio_id", Long.class),
                rs.getLong("owner_account_id"), rs.getString("goals"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("outcome"));
    }

    private boolean mayEdit(Viewer viewer, Stored p) {
        return viewer.isAdmin() || p.ownerAccountId() == viewer.accountId()
                || (p.studioId() != null && studios.leads(viewer, p.studioId()));
    }

    /** The project, when the viewer may change it; 404 otherwise, as if it were not there. */
    private Stored editable(Viewer viewer, long id) {
        Stored p = stored(id);
        if (!mayEdit(viewer, p)) {
            throw new NotFoundException("project", id);
        }
        return p;
    }

    private void requireMilestone(long projectId, long milestoneId) {
        if (jdbc.sql("SELECT count(*) FROM project_milestone WHERE id = ? AND project_id = ?")
                .params(milestoneId, projectId).query(Long.class).single() == 0) {
            throw new NotFoundException("milestone", milestoneId);
        }
    }

    private record Checked(ProjectDraft draft, long ownerAccountId) {
        Map<String, Object> params() {
            Map<String, Object> p = new HashMap<>();
            p.put("name", draft.name());
            p.put("level", draft.level().name());
            p.put("studio", draft.studioId());
            p.put("owner", ownerAccountId);
            p.put("goals", draft.goals());
            p.put("starts", draft.startsOn());
            p.put("ends", draft.endsOn());
            p.put("status", draft.status().name());
            p.put("outcome", draft.outcome());
            return p;
        }
    }

    /** Every problem of the draft at once; {@code id} is the project being changed, null for a new one. */
    private Checked checked(ProjectDraft d, Long id) {
        Fields f = new Fields();
        String name = f.text(d.name(), "name", NAME_MAX, true);
        f.required(d.level(), "level");
        f.required(d.status(), "status");
        String goals = f.text(d.goals(), "goals", TEXT_MAX, true);
        String outcome = f.text(d.outcome(), "outcome", TEXT_MAX, false);
        f.required(d.startsOn(), "startsOn");
        f.required(d.endsOn(), "endsOn");
        if (d.startsOn() != null && d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
            f.add("endsOn", "project.endsBeforeStart");
        }
        if (d.studioId() != null && jdbc.sql("SELECT count(*) FROM studio WHERE id = ?").param(d.studioId())
                .query(Long.class).single() == 0) {
            f.add("studioId", "project.unknownStudio");
        }
        if (name != null && jdbc.sql("SELECT count(*) FROM project WHERE name = ? AND id <> ?")
                .params(name, id == null ? -1L : id).query(Long.class).single() > 0) {
            f.add("name", "project.nameTaken");
        }
        long owner = 0;
        String username = f.text(d.ownerUsername(), "ownerUsername", 64, true);
        if (username != null) {
            Account account = accounts.byUsername(username).filter(Account::enabled).orElse(null);
            if (account == null) {
                f.add("ownerUsername", "project.unknownOwner", username);
            } else if (account.studentId() != null) {
                f.add("ownerUsername", "project.ownerNotStaff", account.username());
            } else {
                owner = account.id();
            }
        }
        if (id != null && d.startsOn() != null && d.endsOn() != null && !d.endsOn().isBefore(d.startsOn())
                && jdbc.sql("SELECT count(*) FROM project_milestone WHERE project_id = ? AND (due_on < ? OR due_on > ?)")
                .params(id, d.startsOn(), d.endsOn()).query(Long.class).single() > 0) {
            f.add("endsOn", "project.milestonesOutside");
        }
        f.check();
        return new Checked(new ProjectDraft(name, d.level(), d.studioId(), username, goals, d.startsOn(), d.endsOn(), d.status(),
                outcome), owner);
    }

    private MilestoneDraft checked(MilestoneDraft d, Stored p) {
        Fields f = new Fields();
        String title = f.text(d.title(), "title", TITLE_MAX, true);
        String note = f.text(d.note(), "note", NOTE_MAX, false);
        if (f.required(d.dueOn(), "dueOn") && (d.dueOn().isBefore(p.startsOn()) || d.dueOn().isAfter(p.endsOn()))) {
            f.add("dueOn", "project.milestone.outsideDates", p.startsOn(), p.endsOn());
        }
        f.check();
        return new MilestoneDraft(title, d.dueOn(), note);
    }

    private LocalDate today() {
        return CampusTime.today(clock);
    }
}
