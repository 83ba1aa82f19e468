package org.shouwang.activities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves activities on the version loaded (optimistic locking). Never writes the seat
 * counters: only registrations move those, each in one conditional update.
 */
@Repository
class ActivityStore {

    private static final String COLUMNS = """
            title, description, type, series, brand, organiser_kind, organiser, created_by, leader_account_id, building_id,
            venue, starts_at, ends_at, audience, audience_college_id, audience_grade, audience_building_id, capacity,
            waitlist_limit, registration_opens_at, registration_closes_at, cancel_by, hours, credits, hours_by_duration,
            state, submitted_at, decided_by, decided_at, rejection_reason, cancellation_reason, check_in_key, summary,
            created_at, space_id""";
    private static final int COLUMN_COUNT = 35;

    private final JdbcClient jdbc;

    ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Activity> find(long id) {
        return jdbc.sql("SELECT id, version, " + COLUMNS + " FROM activity WHERE id = ?").param(id)
                .query(this::activity).optional()
                .map(a -> {
                    a.plan = withEducations(a.plan, educations(id));
                    return a;
                });
    }

    Activity get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("activity", id));
    }

    void insert(Activity a) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO activity (" + COLUMNS + ", version) VALUES (" + "?, ".repeat(COLUMN_COUNT) + "0)")
                .params(values(a)).update(keys, "id");
        a.id = keys.getKeyAs(Number.class).longValue();
        a.version = 0;
        saveEducations(a);
    }

    /** Saves on the version loaded; refuses when someone else changed the activity since. */
    void update(Activity a) {
        List<Object> params = new ArrayList<>(values(a));
        params.add(a.id);
        params.add(a.version);
        int updated = jdbc.sql("UPDATE activity SET " + COLUMNS.replaceAll("(\\w+)", "$1 = ?").replace("\n", " ")
                        + ", version = version + 1 WHERE id = ? AND version = ?")
                .params(params).update();
        if (updated == 0) {
            throw new RuleViolation("activity.conflict");
        }
        a.version++;
        jdbc.sql("DELETE FROM activity_education WHERE activity_id = ?").param(a.id).update();
        saveEducations(a);
    }

    Set<FiveEducation> educations(long activityId) {
        Set<FiveEducation> educations = EnumSet.noneOf(FiveEducation.class);
        jdbc.sql("SELECT education FROM activity_education WHERE activity_id = ?").param(activityId)
                .query(rs -> {
                    educations.add(FiveEducation.valueOf(rs.getString(1)));
                });
        return educations;
    }

    private void saveEducations(Activity a) {
        for (FiveEducation e : a.plan.educations()) {
            jdbc.sql("INSERT INTO activity_education (activity_id, education) VALUES (?, ?)").params(a.id, e.name()).update();
        }
    }

    private static List<Object> values(Activity a) {
        ActivityDraft p = a.plan;
        List<Object> v = new ArrayList<>(COLUMN_COUNT);
        v.add(p.title());
        v.add(p.description());
        v.add(p.type().name());
        v.add(p.series());
        v.add(p.brand());
        v.add(p.organiserKind().name());
        v.add(p.organiser());
        v.add(a.createdBy);
        v.add(p.leaderAccountId());
        v.add(p.buildingId());
        v.add(p.venue());
        v.add(Timestamps.of(p.startsAt()));
        v.add(Timestamps.of(p.endsAt()));
        v.add(p.audience().name());
        v.add(p.audienceCollegeId());
        v.add(p.audienceGrade());
        v.add(p.audienceBuildingId());
        v.add(p.capacity());
        v.add(p.waitlistLimit());
        v.add(Timestamps.of(p.registrationOpensAt()));
        v.add(Timestamps.of(p.registrationClosesAt()));
        v.add(Timestamps.of(p.cancelBy()));
        v.add(p.hours());
        v.add(p.credits());
        v.add(p.hoursByDuration());
        v.add(a.state.name());
        v.add(Timestamps.of(a.submittedAt));
        v.add(a.decidedBy);
        v.add(Timestamps.of(a.decidedAt));
        v.add(a.rejectionReason);
        v.add(a.cancellationReason);
        v.add(a.checkInKey);
        v.add(a.summary);
        v.add(Timestamps.of(a.createdAt));
        v.add(p.spaceId());
        return v;
    }

    private Activity activity(ResultSet rs, int n) throws SQLException {
        Activity a = new Activity();
        a.id = rs.getLong("id");
        a.version = rs.getInt("version");
        a.plan = plan(rs, Set.of());
        a.createdBy = rs.getLong("created_by");
        a.state = ActivityState.valueOf(rs.getString("state"));
        a.submittedAt = Timestamps.read(rs, "submitted_at");
        a.decidedBy = rs.getObject("decided_by", Long.class);
        a.decidedAt = Timestamps.read(rs, "decided_at");
        a.rejectionReason = rs.getString("rejection_reason");
        a.cancellationReason = rs.getString("cancellation_reason");
        a.checkInKey = rs.getString("check_in_key");
        a.summary = rs.getString("summary");
        a.createdAt = Timestamps.read(rs, "created_at");
        return a;
    }

    /** The plan columns of a row (any query that selects them with these names). */
    static ActivityDraft plan(ResultSet rs, Set<FiveEducation> educations) throws SQLException {
        return new ActivityDraft(rs.getString("title"), rs.getString("description"), ActivityType.valueOf(rs.getString("type")),
                rs.getString("series"), rs.getString("brand"), educations, OrganiserKind.valueOf(rs.getString("organiser_kind")),
                rs.getString("organiser"), rs.getObject("leader_account_id", Long.class), rs.getObject("building_id", Long.class),
                rs.getString("venue"), Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
                Audience.valueOf(rs.getString("audience")), rs.getObject("audience_college_id", Long.class),
                rs.getObject("audience_grade", Integer.class), rs.getObject("audience_building_id", Long.class),
                rs.getInt("capacity"), rs.getInt("waitlist_limit"), Timestamps.read(rs, "registration_opens_at"),
                Timestamps.read(rs, "registration_closes_at"), Timestamps.read(rs, "cancel_by"), rs.getBigDecimal("hours"),
                rs.getBigDecimal("credits"), rs.getBoolean("hours_by_duration"), rs.getObject("space_id", Long.class));
    }

    private static ActivityDraft withEducations(ActivityDraft p, Set<FiveEducation> educations) {
        return new ActivityDraft(p.title(), p.description(), p.type(), p.series(), p.brand(), educations, p.organiserKind(),
                p.organiser(), p.leaderAccountId(), p.buildingId(), p.venue(), p.startsAt(), p.endsAt(), p.audience(),
                p.audienceCollegeId(), p.audienceGrade(), p.audienceBuildingId(), p.capacity(), p.waitlistLimit(),
                p.registrationOpensAt(), p.registrationClosesAt(), p.cancelBy(), p.hours(), p.credits(), p.hoursByDuration(),
                p.spaceId());
    }
}
