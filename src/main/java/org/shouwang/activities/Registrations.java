package org.shouwang.activities;

import java.time.Instant;
import java.util.Optional;

import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Seats and waitlist places. Every change of a seat counter is one conditional update of the
 * activity row, which also locks it until the transaction ends. Cancellations, leaves and
 * promotions take that lock before they touch a registration row, so they are serial per activity
 * and a waitlisted student is promoted exactly once; a registration writes its own row first (no
 * other path touches a row before it is committed) and takes the lock last.
 */
@Repository
class Registrations {

    record Held(long id, RegistrationState state) {
    }

    record Next(long id, long studentId) {
    }

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seats and waitlist are all taken: a rush of late registrations is answered with one read, no write, no lock. */
    boolean full(long activityId) {
        return jdbc.sql("SELECT count(*) FROM activity WHERE id = ? AND taken >= capacity AND waiting >= waitlist_limit")
                .param(activityId).query(Integer.class).single() > 0;
    }

    Optional<Held> of(long activityId, long studentId) {
        return jdbc.sql("SELECT id, state FROM registration WHERE activity_id = ? AND student_id = ?")
                .params(activityId, studentId)
                .query((rs, n) -> new Held(rs.getLong("id"), RegistrationState.valueOf(rs.getString("state"))))
                .optional();
    }

    /**
     * Takes a seat, else a waitlist place, else refuses. Only the counter updates lock the activity
     * row, and each is the last statement before the commit on its path, so the lock every
     * registration queues for is held as briefly as possible: the registration row is written
     * first, and whether seats are left is first read without a lock.
     */
    ActivityViews.Outcome take(long activityId, long studentId, Instant now) {
        long id = write(activityId, studentId, now);
        boolean seatsLeft = jdbc.sql("SELECT count(*) FROM activity WHERE id = ? AND taken < capacity")
                .param(activityId).query(Integer.class).single() > 0;
        if (seatsLeft && takeSeat(activityId)) {
            return new ActivityViews.Outcome(RegistrationState.REGISTERED, null);
        }
        jdbc.sql("UPDATE registration SET state = 'WAITLISTED', waitlisted_at = ? WHERE id = ?").params(Timestamps.of(now), id).update();
        if (jdbc.sql("UPDATE activity SET waiting = waiting + 1 WHERE id = ? AND state = 'PUBLISHED' AND waiting < waitlist_limit")
                .param(activityId).update() == 0) {
            if (takeSeat(activityId)) {
                jdbc.sql("UPDATE registration SET state = 'REGISTERED', waitlisted_at = NULL WHERE id = ?").param(id).update();
                return new ActivityViews.Outcome(RegistrationState.REGISTERED, null);
            }
            throw new RuleViolation("activity.full");
        }
        // The lock is ours now: a seat freed since the read above (nobody was waiting then) is this one's.
        if (jdbc.sql("UPDATE activity SET taken = taken + 1, waiting = waiting - 1 WHERE id = ? AND taken < capacity")
                .param(activityId).update() == 1) {
            jdbc.sql("UPDATE registration SET state = 'REGISTERED', waitlisted_at = NULL WHERE id = ?").param(id).update();
            return new ActivityViews.Outcome(RegistrationState.REGISTERED, null);
        }
        // The newest on the waitlist: its place is the number waiting.
        return new ActivityViews.Outcome(RegistrationState.WAITLISTED,
                jdbc.sql("SELECT waiting FROM activity WHERE id = ?").param(activityId).query(Integer.class).single());
    }

    private boolean takeSeat(long activityId) {
        return jdbc.sql("UPDATE activity SET taken = taken + 1 WHERE id = ? AND state = 'PUBLISHED' AND taken < capacity")
                .param(activityId).update() == 1;
    }

    /** A new registration row, or a cancelled one taken up again; refuses one still held. */
    private long write(long activityId, long studentId, Instant now) {
        Optional<Held> held = of(activityId, studentId);
        if (held.isPresent()) {
            if (held.get().state() != RegistrationState.CANCELLED || jdbc.sql("""
                            UPDATE registration SET state = 'REGISTERED', registered_at = ?, waitlisted_at = NULL, promoted_at = NULL,
                                   cancelled_at = NULL, leave_reason = NULL, leave_state = NULL, leave_decided_by = NULL
                            WHERE id = ? AND state = 'CANCELLED'""")
                    .params(Timestamps.of(now), held.get().id()).update() == 0) {
                throw new RuleViolation("activity.alreadyRegistered");
            }
            return held.get().id();
        }
        try {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO registration (activity_id, student_id, state, registered_at) VALUES (?, ?, 'REGISTERED', ?)")
                    .params(activityId, studentId, Timestamps.of(now)).update(keys, "id");
            return keys.getKeyAs(Number.class).longValue();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("activity.alreadyRegistered");
        }
    }

    /**
     * Gives up a seat or a waitlist place ({@code to}: CANCELLED, or ON_LEAVE for an approved leave).
     * Refuses when the registration is no longer in the state it was read in.
     */
    void release(long activityId, Held held, RegistrationState to, Instant now) {
        String counter = held.state() == RegistrationState.WAITLISTED ? "waiting" : "taken";
        jdbc.sql("UPDATE activity SET " + counter + " = " + counter + " - 1 WHERE id = ?").param(activityId).update();
        int changed = jdbc.sql("""
                        UPDATE registration SET state = ?, cancelled_at = ? WHERE id = ? AND state = ?""")
                .params(to.name(), to == RegistrationState.CANCELLED ? Timestamps.of(now) : null, held.id(), held.state().name())
                .update();
        if (changed == 0) {
            throw new RuleViolation("activity.conflict");
        }
    }

    /**
     * Gives the freed seat to the first on the waitlist, if any. Called after {@link #release}
     * in the same transaction, so the activity row is locked and no other promotion runs at once.
     */
    Optional<Next> promote(long activityId, Instant now) {
        while (true) {
            Optional<Next> next = jdbc.sql("""
                            SELECT id, student_id FROM registration WHERE activity_id = ? AND state = 'WAITLISTED'
                            ORDER BY waitlisted_at, id LIMIT 1""")
                    .param(activityId).query((rs, n) -> new Next(rs.getLong("id"), rs.getLong("student_id"))).optional();
            if (next.isEmpty()) {
                return next;
            }
            if (jdbc.sql("UPDATE activity SET taken = taken + 1, waiting = waiting - 1 WHERE id = ? AND taken < capacity")
                    .param(activityId).update() == 0) {
                return Optional.empty();
            }
            if (jdbc.sql("UPDATE registration SET state = 'REGISTERED', promoted_at = ? WHERE id = ? AND state = 'WAITLISTED'")
                    .params(Timestamps.of(now), next.get().id()).update() == 1) {
                return next;
            }
            // That student left the waitlist meanwhile: undo and look again.
            jdbc.sql("UPDATE activity SET taken = taken - 1, waiting = waiting + 1 WHERE id = ?").param(activityId).update();
        }
    }

    /** 1 for the first on the waitlist. */
    int waitlistPosition(long activityId, long studentId) {
        return jdbc.sql("""
                        SELECT count(*) FROM registration w, registration me
                        WHERE me.activity_id = :a AND me.student_id = :s AND w.activity_id = :a AND w.state = 'WAITLISTED'
                          AND (w.waitlisted_at < me.waitlisted_at OR w.waitlisted_at = me.waitlisted_at AND w.id <= me.id)""")
                .param("a", activityId).param("s", studentId).query(Integer.class).single();
    }
}
