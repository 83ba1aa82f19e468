package org.shouwang.tickets;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.shouwang.shared.Photo;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves requests. A save succeeds only on the version that was loaded (optimistic
 * locking): of two handlers acting at the same moment, the second is told someone was faster.
 * History rows are only ever inserted.
 */
@Repository
class TicketStore {

    private static final String COLUMNS = """
            student_id, class_id, college_id, category, subcategory, urgent, text, location, building_id, floor_number, room_id,
            channel, state, owner_account_id, department_id, handler_account_id, responsibility_id, list_version, confidential,
            crisis, submitted_at, dispatch_by, dispatched_at, accepted_at, respond_by, first_response_at, resolve_by, resolved_at,
            closed_at, paused_at, response_minutes, resolution_minutes, responded_on_time, resolved_on_time, returns, reopens,
            awaiting_decision, dispatch_forced, supervision_level, supervised_at, reminded, merged_into_id, on_spot, contacted,
            solved, satisfaction, followed_up_at, next_check_at""";

    private static final String FIND = """
            SELECT t.id, t.version, %s,
                   r.dispatch_hours, r.respond_hours, r.resolve_hours,
                   r.urgent_dispatch_hours, r.urgent_respond_hours, r.urgent_resolve_hours
            FROM ticket t LEFT JOIN responsibility r ON r.id = t.responsibility_id WHERE t.id = ?"""
            .formatted(COLUMNS.replaceAll("(\\w+)", "t.$1"));

    private static final String INSERT = "INSERT INTO ticket (" + COLUMNS + ", version) VALUES (" + "?, ".repeat(48) + "0)";

    private static final String UPDATE = "UPDATE ticket SET " + COLUMNS.replaceAll("(\\w+)", "$1 = ?").replace("\n", " ")
            + ", version = version + 1 WHERE id = ? AND version = ?";

    private static final String APPEND = """
            INSERT INTO ticket_event (ticket_id, at, actor_account_id, actor_name, kind, public, from_state, to_state, text, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Who a step is recorded against when no one did it: the responsibility list, a scan. */
    private static final String SYSTEM = "系统";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TicketsProperties properties;
    private final BusinessCalendar calendar;
    private final Clock clock;

    TicketStore(JdbcClient jdbc, JdbcTemplate template, TicketsProperties properties, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    Optional<Ticket> find(long id) {
        return jdbc.sql(FIND).param(id).query(this::ticket).optional();
    }

    Ticket get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("ticket", id));
    }

    /** Inserts a new request; sets its id. */
    void insert(Ticket t) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT).params(values(t)).update(keys, "id");
        t.id = keys.getKeyAs(Number.class).longValue();
        t.version = 0;
    }

    /** Saves the changes on the version loaded; refuses when another change came first. */
    void update(Ticket t) {
        List<Object> params = new ArrayList<>(values(t));
        params.add(t.id);
        params.add(t.version);
        int updated = jdbc.sql(UPDATE).params(params).update();
        if (updated == 0) {
            throw new RuleViolation("ticket.conflict", t.number());
        }
        t.version++;
    }

    /**
     * Appends the aggregate's recorded steps to the history, in one round trip: step {@code i} is
     * the doing of {@code actors.get(i)}, the system's when null; returns the new rows' ids in order.
     */
    List<Long> append(Ticket t, List<Viewer> actors, Instant at) {
        List<Step> steps = List.copyOf(t.steps());
        if (steps.isEmpty()) {
            return List.of();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(connection -> connection.prepareStatement(APPEND, new String[]{"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Step step = steps.get(i);
                Viewer actor = actors.get(i);
                ps.setLong(1, t.id);
                ps.setObject(2, Timestamps.of(at));
                ps.setObject(3, actor == null ? null : actor.accountId(), Types.BIGINT);
                ps.setString(4, actor == null ? SYSTEM : actor.displayName());
                ps.setString(5, step.kind().name());
                ps.setBoolean(6, step.kind().shown());
                ps.setString(7, step.from() == null ? null : step.from().name());
                ps.setString(8, step.to() == null ? null : step.to().name());
                ps.setString(9, step.text());
                ps.setString(10, truncate(step.detail()));
            }

            @Override
            public int getBatchSize() {
                return steps.size();
            }
        }, keys);
        t.steps().clear();
        return keys.getKeyList().stream().map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    void addPhotos(long ticketId, Long eventId, List<Photo> photos) {
        for (Photo photo : photos) {
            jdbc.sql("INSERT INTO ticket_photo (ticket_id, event_id, content_type, size, data) VALUES (?, ?, ?, ?, ?)")
                    .params(ticketId, eventId, photo.contentType(), photo.data().length, photo.data()).update();
        }
    }

    Optional<Photo> photo(long ticketId, long photoId) {
        return jdbc.sql("SELECT content_type, data FROM ticket_photo WHERE ticket_id = ? AND id = ?").params(ticketId, photoId)
                .query((rs, n) -> new Photo(rs.getString("content_type"), rs.getBytes("data"))).optional();
    }

    boolean link(long a, long b) {
        long low = Math.min(a, b);
        long high = Math.max(a, b);
        if (jdbc.sql("SELECT count(*) FROM ticket_link WHERE ticket_id = ? AND linked_id = ?").params(low, high).query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO ticket_link (ticket_id, linked_id) VALUES (?, ?)").params(low, high).update();
        return true;
    }

    long requestExtension(long ticketId, int hours, String reason, long accountId, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO ticket_extension (ticket_id, hours, reason, status, requested_by, requested_at)
                        VALUES (?, ?, ?, 'PENDING', ?, ?)""")
                .params(ticketId, hours, reason, accountId, Timestamps.of(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    record Extension(long id, long ticketId, int hours, String reason, String status) {
    }

    Optional<Extension> pendingExtension(long ticketId) {
        return jdbc.sql("SELECT id, ticket_id, hours, reason, status FROM ticket_extension WHERE ticket_id = ? AND status = 'PENDING'")
                .param(ticketId).query((rs, n) -> new Extension(rs.getLong("id"), rs.getLong("ticket_id"), rs.getInt("hours"),
                        rs.getString("reason"), rs.getString("status"))).optional();
    }

    /** Decides a pending extension once: false when someone else decided it first. */
    boolean decideExtension(long extensionId, boolean approved, String note, long accountId, Instant at) {
        return jdbc.sql("""
                        UPDATE ticket_extension SET status = ?, decision_note = ?, decided_by = ?, decided_at = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(approved ? "APPROVED" : "REJECTED", note, accountId, Timestamps.of(at), extensionId).update() == 1;
    }

    private List<Object> values(Ticket t) {
        List<Object> v = new ArrayList<>(48);
        v.add(t.studentId);
        v.add(t.classId);
        v.add(t.collegeId);
        v.add(t.category.name());
        v.add(t.subcategory == null ? null : t.subcategory.name());
        v.add(t.urgent);
        v.add(t.text);
        v.add(t.location);
        v.add(t.buildingId);
        v.add(t.floorNumber);
        v.add(t.roomId);
        v.add(t.channel.name());
        v.add(t.state.name());
        v.add(t.ownerAccountId);
        v.add(t.departmentId);
        v.add(t.handlerAccountId);
        v.add(t.responsibilityId);
        v.add(t.listVersion);
        v.add(t.confidential);
        v.add(t.crisis);
        v.add(ts(t.submittedAt));
        v.add(ts(t.dispatchBy));
        v.add(ts(t.dispatchedAt));
        v.add(ts(t.acceptedAt));
        v.add(ts(t.respondBy));
        v.add(ts(t.firstResponseAt));
        v.add(ts(t.resolveBy));
        v.add(ts(t.resolvedAt));
        v.add(ts(t.closedAt));
        v.add(ts(t.pausedAt));
        v.add(t.responseMinutes);
        v.add(t.resolutionMinutes);
        v.add(t.respondedOnTime);
        v.add(t.resolvedOnTime);
        v.add(t.returns);
        v.add(t.reopens);
        v.add(t.awaitingDecision);
        v.add(t.dispatchForced);
        v.add(t.supervisionLevel);
        v.add(ts(t.supervisedAt));
        v.add(t.reminded);
        v.add(t.mergedIntoId);
        v.add(t.onSpot);
        v.add(t.contacted);
        v.add(t.solved);
        v.add(t.satisfaction == null ? null : t.satisfaction.name());
        v.add(ts(t.followedUpAt));
        v.add(ts(t.nextCheck(clock.instant(), calendar, properties.reminderShare(), properties.supervisionSteps(),
                properties.followUpDays())));
        return v;
    }

    private Ticket ticket(ResultSet rs, int n) throws SQLException {
        Ticket t = new Ticket();
        t.id = rs.getLong("id");
        t.version = rs.getInt("version");
        t.studentId = rs.getLong("student_id");
        t.classId = rs.getLong("class_id");
        t.collegeId = rs.getLong("college_id");
        t.category = Category.valueOf(rs.getString("category"));
        String sub = rs.getString("subcategory");
        t.subcategory = sub == null ? null : Category.Subcategory.valueOf(sub);
        t.urgent = rs.getBoolean("urgent");
        t.text = rs.getString("text");
        t.location = rs.getString("location");
        t.buildingId = rs.getObject("building_id", Long.class);
        t.floorNumber = rs.getObject("floor_number", Integer.class);
        t.roomId = rs.getObject("room_id", Long.class);
        t.channel = Channel.valueOf(rs.getString("channel"));
        t.state = TicketState.valueOf(rs.getString("state"));
        t.ownerAccountId = rs.getObject("owner_account_id", Long.class);
        t.departmentId = rs.getObject("department_id", Long.class);
        t.handlerAccountId = rs.getObject("handler_account_id", Long.class);
        t.responsibilityId = rs.getObject("responsibility_id", Long.class);
        t.listVersion = rs.getObject("list_version", Integer.class);
        t.confidential = rs.getBoolean("confidential");
        t.crisis = rs.getBoolean("crisis");
        t.submittedAt = Timestamps.read(rs, "submitted_at");
        t.dispatchBy = Timestamps.read(rs, "dispatch_by");
        t.dispatchedAt = Timestamps.read(rs, "dispatched_at");
        t.acceptedAt = Timestamps.read(rs, "accepted_at");
        t.respondBy = Timestamps.read(rs, "respond_by");
        t.firstResponseAt = Timestamps.read(rs, "first_response_at");
        t.resolveBy = Timestamps.read(rs, "resolve_by");
        t.resolvedAt = Timestamps.read(rs, "resolved_at");
        t.closedAt = Timestamps.read(rs, "closed_at");
        t.pausedAt = Timestamps.read(rs, "paused_at");
        t.responseMinutes = rs.getObject("response_minutes", Integer.class);
        t.resolutionMinutes = rs.getObject("resolution_minutes", Integer.class);
        t.respondedOnTime = rs.getObject("responded_on_time", Boolean.class);
        t.resolvedOnTime = rs.getObject("resolved_on_time", Boolean.class);
        t.returns = rs.getInt("returns");
        t.reopens = rs.getInt("reopens");
        t.awaitingDecision = rs.getBoolean("awaiting_decision");
        t.dispatchForced = rs.getBoolean("dispatch_forced");
        t.supervisionLevel = rs.getInt("supervision_level");
        t.supervisedAt = Timestamps.read(rs, "supervised_at");
        t.reminded = rs.getString("reminded");
        t.mergedIntoId = rs.getObject("merged_into_id", Long.class);
        t.onSpot = rs.getBoolean("on_spot");
        t.contacted = rs.getObject("contacted", Boolean.class);
        t.solved = rs.getObject("solved", Boolean.class);
        String satisfaction = rs.getString("satisfaction");
        t.satisfaction = satisfaction == null ? null : Satisfaction.valueOf(satisfaction);
        t.followedUpAt = Timestamps.read(rs, "followed_up_at");
        if (t.responsibilityId != null) {
            t.limits = t.urgent
                    ? new Limits(rs.getInt("urgent_dispatch_hours"), rs.getInt("urgent_respond_hours"), rs.getInt("urgent_resolve_hours"))
                    : new Limits(rs.getInt("dispatch_hours"), rs.getInt("respond_hours"), rs.getInt("resolve_hours"));
        } else {
            t.limits = properties.limits(t.urgent);
        }
        return t;
    }

    private static Object ts(Instant instant) {
        return instant == null ? null : Timestamps.of(instant);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
