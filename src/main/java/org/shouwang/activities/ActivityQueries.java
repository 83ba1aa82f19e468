package org.shouwang.activities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.residence.Residence;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Page;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists of activities, one activity with the viewer's place and moves, and an activity's registrations. */
@Service
@Transactional(readOnly = true)
public class ActivityQueries {

    private final JdbcClient jdbc;
    private final ActivityStore store;
    private final Registrations registrations;
    private final ActivitiesProperties properties;
    private final People people;
    private final Residence residence;
    private final Accounts accounts;
    private final Clock clock;

    ActivityQueries(JdbcClient jdbc, ActivityStore store, Registrations registrations, ActivitiesProperties properties,
                    @Lazy People people, @Lazy Residence residence, @Lazy Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.registrations = registrations;
        this.properties = properties;
        this.people = people;
        this.residence = residence;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Newest first for organisers and approvers; by start (upcoming first, then past) for the public list. */
    public Page<ActivityViews.Row> list(Viewer viewer, ActivityViews.Filter f, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("student", viewer.studentId() == null ? -1L : viewer.studentId());
        switch (f.scope()) {
            case PUBLIC -> where.add("(a.state = 'PUBLISHED' OR a.state = 'CANCELLED' AND a.decided_at IS NOT NULL)");
            case ORGANISED -> {
                where.add("(a.created_by = :me OR a.leader_account_id = :me)");
                params.put("me", viewer.accountId());
            }
            case PENDING -> {
                if (!Activity.approvableBy(viewer)) {
                    return new Page<>(List.of(), page, size, 0);
                }
                where.add("a.state = 'SUBMITTED'");
            }
            case REGISTERED -> where.add("""
                    (EXISTS (SELECT 1 FROM registration r WHERE r.activity_id = a.id AND r.student_id = :student AND r.state <> 'CANCELLED')
                     OR EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.student_id = :student))""");
        }
        if (f.education() != null) {
            where.add("EXISTS (SELECT 1 FROM activity_education e WHERE e.activity_id = a.id AND e.education = :education)");
            params.put("education", f.education().name());
        }
        if (f.type() != null) {
            where.add("a.type = :type");
            params.put("type", f.type().name());
        }
        if (f.series() != null && !f.series().isBlank()) {
            where.add("a.series = :series");
            params.put("series", f.series().strip());
        }
        if (f.brand() != null && !f.brand().isBlank()) {
            where.add("a.brand = :brand");
            params.put("brand", f.brand().strip());
        }
        if (f.from() != null) {
            where.add("a.ends_at >= :from");
            params.put("from", Timestamps.of(f.from().atStartOfDay(properties.zone()).toInstant()));
        }
        if (f.to() != null) {
            where.add("a.starts_at < :to");
            params.put("to", Timestamps.of(f.to().plusDays(1).atStartOfDay(properties.zone()).toInstant()));
        }
        if (f.inMyBuilding()) {
            Optional<Long> building = viewer.studentId() == null ? Optional.empty()
                    : residence.placeOf(viewer.studentId()).map(p -> p.buildingId());
            if (building.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            where.add("(a.building_id = :building OR a.audience_building_id = :building)");
            params.put("building", building.get());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("(a.title ILIKE :q OR a.organiser ILIKE :q OR a.venue ILIKE :q)");
            params.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM activity a" + condition).params(params).query(Long.class).single();
        String order = f.scope() == ActivityViews.Scope.PUBLIC
                ? " ORDER BY CASE WHEN a.ends_at >= :now THEN 0 ELSE 1 END, CASE WHEN a.ends_at >= :now THEN a.starts_at END, a.starts_at DESC, a.id"
                : " ORDER BY a.starts_at DESC, a.id DESC";
        params.put("now", Timestamps.of(clock.instant()));
        params.put("limit", size);
        params.put("offset", (long) page * size);
        Map<Long, String> buildings = residence.buildingNames();
        List<ActivityViews.Row> rows = jdbc.sql("""
                        SELECT a.id, a.title, a.type, a.series, a.brand, a.organiser, a.venue, a.building_id, a.starts_at, a.ends_at,
                               a.capacity, a.taken, a.waiting, a.state, a.hours, a.waitlist_limit,
                               (SELECT r.state FROM registration r WHERE r.activity_id = a.id AND r.student_id = :student) AS mine
                        FROM activity a""" + condition + order + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> row(rs, buildings)).list();
        return new Page<>(withEducations(rows), page, size, total);
    }

    public ActivityViews.Detail detail(Viewer viewer, long id) {
        Activity a = store.find(id).filter(x -> x.visibleTo(viewer)).orElseThrow(() -> new NotFoundException("activity", id));
        Instant now = clock.instant();
        int[] seats = jdbc.sql("SELECT taken, waiting FROM activity WHERE id = ?").param(id)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        ActivityViews.Mine mine = viewer.studentId() == null ? null : mine(a.id, viewer.studentId());
        boolean manages = a.managedBy(viewer);
        boolean editable = manages && (a.state == ActivityState.DRAFT || a.state == ActivityState.REJECTED);
        boolean registrationOpen = a.open() && !now.isBefore(a.plan.registrationOpensAt()) && now.isBefore(a.plan.registrationClosesAt());
        RegistrationState state = mine == null ? null : mine.state();
        ActivityViews.Moves moves = new ActivityViews.Moves(
                editable, editable && a.plan.endsAt().isAfter(now),
                a.state == ActivityState.SUBMITTED && Activity.approvableBy(viewer),
                manages && a.state != ActivityState.CANCELLED && a.plan.endsAt().isAfter(now),
                manages,
                viewer.studentId() != null && registrationOpen && (state == null || state == RegistrationState.CANCELLED),
                state == RegistrationState.WAITLISTED && now.isBefore(a.plan.startsAt())
                        || state == RegistrationState.REGISTERED && !now.isAfter(a.plan.cancelBy()),
                state == RegistrationState.REGISTERED && mine.leaveState() == null && now.isBefore(a.plan.endsAt()));
        Map<Long, String> buildings = residence.buildingNames();
        return new ActivityViews.Detail(a.id, a.version, a.plan,
                a.plan.buildingId() == null ? null : buildings.get(a.plan.buildingId()), audienceTarget(a.plan, buildings),
                a.state, seats[0], seats[1], accountName(a.createdBy), a.plan.leaderAccountId() == null ? null : accountName(a.plan.leaderAccountId()),
                a.submittedAt, a.decidedAt, a.rejectionReason, a.cancellationReason, a.summary, mine, moves);
    }

    /** Everyone registered, waitlisted, on leave or cancelled, for the organiser; waitlist in its order. */
    public List<ActivityViews.RegistrationRow> registrations(Viewer organiser, long id) {
        Activity a = store.find(id).filter(x -> x.visibleTo(organiser)).orElseThrow(() -> new NotFoundException("activity", id));
        if (!a.managedBy(organiser)) {
            throw new NotFoundException("activity", id);
        }
        record Raw(long studentId, RegistrationState state, Instant registeredAt, Instant waitlistedAt, String leaveState,
                   String leaveReason) {
        }
        List<Raw> raw = jdbc.sql("""
                        SELECT student_id, state, registered_at, waitlisted_at, leave_state, leave_reason FROM registration
                        WHERE activity_id = ?
                        ORDER BY CASE state WHEN 'REGISTERED' THEN 0 WHEN 'WAITLISTED' THEN 1 WHEN 'ON_LEAVE' THEN 2 ELSE 3 END,
                                 waitlisted_at, registered_at, id""")
                .param(id)
                .query((rs, n) -> new Raw(rs.getLong("student_id"), RegistrationState.valueOf(rs.getString("state")),
                        Timestamps.read(rs, "registered_at"), Timestamps.read(rs, "waitlisted_at"), rs.getString("leave_state"),
                        rs.getString("leave_reason")))
                .list();
        Map<Long, StudentSummary> students = people.summaries(raw.stream().map(Raw::studentId).toList());
        return raw.stream().map(r -> {
            StudentSummary s = students.get(r.studentId());
            return new ActivityViews.RegistrationRow(r.studentId(), s == null ? "" : s.studentNumber(), s == null ? "" : s.name(),
                    s == null ? "" : s.className(), r.state(), r.registeredAt(), r.waitlistedAt(), r.leaveState(), r.leaveReason());
        }).toList();
    }

    /**
     * The activities one organiser (of a kind, by name) has organised, newest start first: those the
     * public sees (published, or cancelled after publication), or every state when {@code everyState}
     * (for whoever answers for that organiser). At most {@code limit}.
     */
    public List<ActivityViews.Row> organisedBy(OrganiserKind kind, String organiser, boolean everyState, int limit) {
        if (kind == null || organiser == null || organiser.isBlank()) {
            return List.of();
        }
        Map<Long, String> buildings = residence.buildingNames();
        List<ActivityViews.Row> rows = jdbc.sql("""
                        SELECT a.id, a.title, a.type, a.series, a.brand, a.organiser, a.venue, a.building_id, a.starts_at, a.ends_at,
                               a.capacity, a.taken, a.waiting, a.state, a.hours, a.waitlist_limit, CAST(NULL AS VARCHAR(16)) AS mine
                        FROM activity a WHERE a.organiser_kind = :kind AND a.organiser = :organiser""" + (everyState ? ""
                        : " AND (a.state = 'PUBLISHED' OR a.state = 'CANCELLED' AND a.decided_at IS NOT NULL)")
                        + " ORDER BY a.starts_at DESC, a.id DESC LIMIT :limit")
                .param("kind", kind.name()).param("organiser", organiser.strip()).param("limit", Math.max(limit, 0))
                .query((rs, n) -> row(rs, buildings)).list();
        return withEducations(rows);
    }

    /** Series and brands in use, for the filters and the organiser's suggestions. */
    public List<String> seriesInUse() {
        return jdbc.sql("SELECT DISTINCT series FROM activity WHERE series IS NOT NULL ORDER BY series").query(String.class).list();
    }

    public List<String> brandsInUse() {
        return jdbc.sql("SELECT DISTINCT brand FROM activity WHERE brand IS NOT NULL ORDER BY brand").query(String.class).list();
    }

    private ActivityViews.Mine mine(long activityId, long studentId) {
        record Attended(String state, Instant at, Integer rating) {
        }
        Optional<Attended> attended = jdbc.sql("SELECT state, checked_in_at, rating FROM attendance WHERE activity_id = ? AND student_id = ?")
                .params(activityId, studentId)
                .query((rs, n) -> new Attended(rs.getString("state"), Timestamps.read(rs, "checked_in_at"), rs.getObject("rating", Integer.class)))
                .optional();
        record Held(RegistrationState state, String leaveState) {
        }
        Optional<Held> held = jdbc.sql("SELECT state, leave_state FROM registration WHERE activity_id = ? AND student_id = ?")
                .params(activityId, studentId)
                .query((rs, n) -> new Held(RegistrationState.valueOf(rs.getString("state")), rs.getString("leave_state")))
                .optional();
        if (attended.isEmpty() && held.isEmpty()) {
            return null;
        }
        RegistrationState state = held.map(Held::state).orElse(null);
        return new ActivityViews.Mine(state,
                state == RegistrationState.WAITLISTED ? registrations.waitlistPosition(activityId, studentId) : null,
                held.map(Held::leaveState).orElse(null), attended.filter(t -> "PRESENT".equals(t.state())).isPresent(),
                attended.map(Attended::at).orElse(null), attended.map(Attended::rating).orElse(null));
    }

    private String audienceTarget(ActivityDraft plan, Map<Long, String> buildings) {
        return switch (plan.audience()) {
            case COLLEGE -> people.collegeNames().get(plan.audienceCollegeId());
            case GRADE -> String.valueOf(plan.audienceGrade());
            case BUILDING -> buildings.get(plan.audienceBuildingId());
            default -> null;
        };
    }

    private String accountName(long accountId) {
        try {
            return accounts.get(accountId).displayName();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private List<ActivityViews.Row> withEducations(List<ActivityViews.Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<FiveEducation>> educations = new HashMap<>();
        jdbc.sql("SELECT activity_id, education FROM activity_education WHERE activity_id = ANY(?)")
                .param(rows.stream().map(ActivityViews.Row::id).toArray(Long[]::new))
                .query(rs -> {
                    educations.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(FiveEducation.class))
                            .add(FiveEducation.valueOf(rs.getString(2)));
                });
        return rows.stream().map(r -> new ActivityViews.Row(r.id(), r.title(), r.type(), r.series(), r.brand(),
                educations.getOrDefault(r.id(), Set.of()), r.organiser(), r.venue(), r.building(), r.startsAt(), r.endsAt(),
                r.capacity(), r.taken(), r.waiting(), r.state(), r.myRegistration(), r.hours(), r.waitlistLimit())).toList();
    }

    private static ActivityViews.Row row(ResultSet rs, Map<Long, String> buildings) throws SQLException {
        Long building = rs.getObject("building_id", Long.class);
        String mine = rs.getString("mine");
        return new ActivityViews.Row(rs.getLong("id"), rs.getString("title"), ActivityType.valueOf(rs.getString("type")),
                rs.getString("series"), rs.getString("brand"), Set.of(), rs.getString("organiser"), rs.getString("venue"),
                building == null ? null : buildings.get(building), Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
                rs.getInt("capacity"), rs.getInt("taken"), rs.getInt("waiting"), ActivityState.valueOf(rs.getString("state")),
                mine == null ? null : RegistrationState.valueOf(mine), rs.getBigDecimal("hours"), rs.getInt("waitlist_limit"));
    }
}
