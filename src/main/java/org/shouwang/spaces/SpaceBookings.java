package org.shouwang.spaces;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.notifications.Notice;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.OrganisationMemberships;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings of spaces, by students, organisations, staff and activities, under one set of rules:
 * inside opening hours, outside closures, not too long or too far ahead, within the personal limit,
 * and never overlapping another booking of the same space — each booking locks its space's row
 * before it looks, so of two bookings of one slot made at the same moment exactly one wins. Bookings
 * that need approval wait for the space's managers; bookers check in at the space or are released as
 * no-shows, and repeated no-shows block booking for a while. Each call is one user action in one
 * transaction.
 */
@Service
@Transactional
public class SpaceBookings {

    static final int PURPOSE_MAX = 500;
    static final int REASON_MAX = 500;
    private static final java.time.format.DateTimeFormatter BLOCK_END = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String COLUMNS = """
            b.id, b.version, b.space_id, s.name AS space_name, b.booker_account_id, b.organisation, b.activity_id, b.purpose,
            b.attendees, b.starts_at, b.ends_at, b.state, b.decline_reason, b.checked_in_at, b.created_at""";

    private final JdbcClient jdbc;
    private final Spaces spaces;
    private final SpacesProperties properties;
    private final OrganisationMemberships memberships;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    SpaceBookings(JdbcClient jdbc, Spaces spaces, SpacesProperties properties, @Lazy Accounts accounts,
                  @Lazy OrganisationMemberships memberships, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions, Clock clock) {
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.properties = properties;
        this.accounts = accounts;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** What a booker asks for; {@code organisation} names the student organisation booked for, if any. */
    public record Request(Long spaceId, Instant startsAt, Instant endsAt, String purpose, Integer attendees, String organisation) {
    }

    // — booking —

    /**
     * Books a space: confirmed at once, or waiting for the space's managers when it needs approval.
     * Field problems (time, length, attendees…) come back together; a taken slot, the personal limit
     * and a no-show block are refused as broken rules. Nothing is written when refused.
     */
    public long book(Viewer booker, Request r) {
        if (r.spaceId() == null) {
            throw new org.shouwang.shared.InvalidInput("spaceId", "field.required");
        }
        SpaceViews.Space space = bookable(r.spaceId());
        boolean forOrganisation = r.organisation() != null && !r.organisation().isBlank();
        boolean allowed = forOrganisation ? space.organisationsMayBook()
                : booker.studentId() != null ? space.studentsMayBook() : booker.isStaff() && space.staffMayBook();
        if (!allowed) {
            throw new RuleViolation(forOrganisation ? "space.notForOrganisations" : "space.notForYou");
        }
        Fields f = new Fields();
        String purpose = f.text(r.purpose(), "purpose", PURPOSE_MAX, true);
        String organisation = f.text(r.organisation(), "organisation", Spaces.NAME_MAX, false);
        if (organisation != null && booker.studentId() != null && !memberships.mayActFor(booker.studentId(), organisation)) {
            f.add("organisation", "space.notAMember", organisation);
        }
        checkTime(space, r.startsAt(), r.endsAt(), r.attendees(), true, f);
        f.check();

        lockBooker(booker.accountId());
        Instant now = clock.instant();
        Instant blockedUntil = jdbc.sql("SELECT blocked_until FROM space_booker WHERE account_id = ?").param(booker.accountId())
                .query((rs, n) -> Timestamps.read(rs, "blocked_until")).optional().orElse(null);
        if (blockedUntil != null && blockedUntil.isAfter(now)) {
            throw new RuleViolation("space.blocked", BLOCK_END.format(blockedUntil.atZone(CampusTime.ZONE)));
        }
        if (booker.studentId() != null) {
            long held = jdbc.sql("""
                            SELECT count(*) FROM space_booking WHERE booker_account_id = ? AND activity_id IS NULL
                              AND state IN ('PENDING', 'CONFIRMED', 'CHECKED_IN') AND ends_at > ?""")
                    .params(booker.accountId(), Timestamps.of(now)).query(Long.class).single();
            if (held >= properties.maxFutureBookings()) {
                throw new RuleViolation("space.limitReached", properties.maxFutureBookings());
            }
        }
        lockFree(space.id(), r.startsAt(), r.endsAt());
        BookingState state = space.needsApproval() ? BookingState.PENDING : BookingState.CONFIRMED;
        long id = insert(space.id(), booker.accountId(), organisation, null, purpose, r.attendees(), r.startsAt(), r.endsAt(), state);
        if (state == BookingState.PENDING) {
            tell("space-pending-" + id, managersToTell(space), "space.notice.pending", List.of(space.name(), booker.displayName()), id);
        }
        return id;
    }

    /** The booker (or a manager of the space) calls it off before it starts. */
    public void cancel(Viewer viewer, long id) {
        SpaceViews.Booking b = booking(viewer, id);
        if (b.activityId() != null) {
            throw new RuleViolation("space.activityBooking");
        }
        if (!(b.state() == BookingState.PENDING || b.state() == BookingState.CONFIRMED) || !clock.instant().isBefore(b.startsAt())) {
            throw new RuleViolation("space.cannotCancel");
        }
        move(b, BookingState.CANCELLED, "decided_by = :who, decided_at = :now", viewer.accountId());
        if (b.bookerAccountId() != viewer.accountId()) {
            tell("space-cancelled-" + id, Set.of(b.bookerAccountId()), "space.notice.cancelled", List.of(b.spaceName()), id);
        }
    }

    public void approve(Viewer manager, long id) {
        SpaceViews.Booking b = pending(manager, id);
        move(b, BookingState.CONFIRMED, "decided_by = :who, decided_at = :now", manager.accountId());
        tell("space-approved-" + id, Set.of(b.bookerAccountId()), "space.notice.approved", List.of(b.spaceName()), id);
    }

    public void decline(Viewer manager, long id, String reason) {
        SpaceViews.Booking b = pending(manager, id);
        Fields f = new Fields();
        String r = f.text(reason, "reason", REASON_MAX, true);
        f.check();
        jdbc.sql("""
                        UPDATE space_booking SET state = 'DECLINED', decline_reason = :reason, decided_by = :who, decided_at = :now,
                               version = version + 1 WHERE id = :id AND state = 'PENDING'""")
                .param("reason", r).param("who", manager.accountId()).param("now", Timestamps.of(clock.instant())).param("id", id)
                .update();
        tell("space-declined-" + id, Set.of(b.bookerAccountId()), "space.notice.declined", List.of(b.spaceName(), r), id);
    }

    /** "I'm here": from a little before the start until the grace period after it ends. */
    public void checkIn(Viewer booker, long id) {
        SpaceViews.Booking b = booking(booker, id);
        if (b.bookerAccountId() != booker.accountId()) {
            throw new NotFoundException("booking", id);
        }
        if (b.state() == BookingState.CHECKED_IN) {
            return;
        }
        Instant now = clock.instant();
        if (b.state() != BookingState.CONFIRMED || now.isBefore(b.startsAt().minus(properties.checkInOpensBefore()))
                || now.isAfter(b.startsAt().plus(properties.checkInGrace()))) {
            throw new RuleViolation("space.checkInClosed", properties.checkInGrace().toMinutes());
        }
        jdbc.sql("UPDATE space_booking SET state = 'CHECKED_IN', checked_in_at = ?, version = version + 1 WHERE id = ? AND state = 'CONFIRMED'")
                .params(Timestamps.of(now), id).update();
    }

    /** The code on the space's door: checks the viewer in to their booking of this space that is open for check-in. */
    public long checkInAtDoor(Viewer booker, long spaceId, String key) {
        String doorKey = jdbc.sql("SELECT door_key FROM space WHERE id = ?").param(spaceId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("space", spaceId));
        if (key == null || !java.security.MessageDigest.isEqual(doorKey.getBytes(), key.getBytes())) {
            throw new RuleViolation("space.wrongDoorCode");
        }
        Instant now = clock.instant();
        Long id = jdbc.sql("""
                        SELECT id FROM space_booking WHERE space_id = :space AND booker_account_id = :booker
                          AND state IN ('CONFIRMED', 'CHECKED_IN') AND starts_at <= :opens AND starts_at >= :graceStart
                        ORDER BY starts_at""")
                .param("space", spaceId).param("booker", booker.accountId())
                .param("opens", Timestamps.of(now.plus(properties.checkInOpensBefore())))
                .param("graceStart", Timestamps.of(now.minus(properties.checkInGrace())))
                .query(Long.class).list().stream().findFirst()
                .orElseThrow(() -> new RuleViolation("space.noBookingNow"));
        checkIn(booker, id);
        return id;
    }

    // — activities —

    /**
     * An activity reserves its place under the same rules as everyone (opening hours, closures, no
     * overlap), without approval, personal limits or the booking horizon: the activity's own approval
     * stands for them. Returns the booking; a taken slot is refused as a broken rule.
     */
    public long reserveForActivity(Viewer organiser, long spaceId, long activityId, Instant startsAt, Instant endsAt,
                                   String title, int attendees) {
        SpaceViews.Space space = bookable(spaceId);
        Fields f = new Fields();
        checkTime(space, startsAt, endsAt, attendees, false, f);
        f.check();
        releaseForActivity(activityId);
        lockFree(spaceId, startsAt, endsAt);
        return insert(spaceId, organiser.accountId(), null, activityId, title.length() > PURPOSE_MAX ? title.substring(0, PURPOSE_MAX) : title,
                attendees, startsAt, endsAt, BookingState.CONFIRMED);
    }

    /** The activity was called off or moved: its reservation frees the space. */
    public void releaseForActivity(long activityId) {
        jdbc.sql("""
                        UPDATE space_booking SET state = 'CANCELLED', decided_at = ?, version = version + 1
                        WHERE activity_id = ? AND state IN ('PENDING', 'CONFIRMED', 'CHECKED_IN')""")
                .params(Timestamps.of(clock.instant()), activityId).update();
    }

    // — the scan —

    /** What one scan did. */
    public record Released(int noShows, int blocked, int undecided) {
    }

    /**
     * Releases bookings not checked in within the grace period as no-shows (activities excepted),
     * blocks bookers who reached the no-show limit, and lets requests nobody decided before their
     * start lapse. Run by {@link SpaceScan}; safe to run twice.
     */
    public Released release() {
        Instant now = clock.instant();
        List<Object[]> late = jdbc.sql("""
                        SELECT b.id, b.booker_account_id, s.name FROM space_booking b JOIN space s ON s.id = b.space_id
                        WHERE b.state = 'CONFIRMED' AND b.activity_id IS NULL AND b.starts_at < ?""")
                .param(Timestamps.of(now.minus(properties.checkInGrace())))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}).list();
        int noShows = 0;
        Set<Long> bookers = new HashSet<>();
        for (Object[] row : late) {
            if (jdbc.sql("UPDATE space_booking SET state = 'NO_SHOW', version = version + 1 WHERE id = ? AND state = 'CONFIRMED'")
                    .param(row[0]).update() == 1) {
                noShows++;
                bookers.add((Long) row[1]);
                tell("space-no-show-" + row[0], Set.of((Long) row[1]), "space.notice.noShow", List.of((String) row[2]), (Long) row[0]);
            }
        }
        int blocked = 0;
        for (long booker : bookers) {
            long count = jdbc.sql("SELECT count(*) FROM space_booking WHERE booker_account_id = ? AND state = 'NO_SHOW' AND starts_at > ?")
                    .params(booker, Timestamps.of(now.minus(properties.noShowWindow()))).query(Long.class).single();
            if (count >= properties.noShowLimit()) {
                ensureBooker(booker);
                Instant until = now.plus(properties.blockFor());
                jdbc.sql("UPDATE space_booker SET blocked_until = ? WHERE account_id = ?").params(Timestamps.of(until), booker).update();
                blocked++;
                tell("space-blocked-" + booker + "-" + now.getEpochSecond(), Set.of(booker), "space.notice.blocked",
                        List.of(String.valueOf(count), String.valueOf(properties.blockFor().toDays())), null);
            }
        }
        int undecided = jdbc.sql("""
                        UPDATE space_booking SET state = 'CANCELLED', decline_reason = NULL, version = version + 1
                        WHERE state = 'PENDING' AND starts_at < ?""")
                .param(Timestamps.of(now)).update();
        return new Released(noShows, blocked, undecided);
    }

    // — reading —

    /** The booker or a manager of the space; 404 for anyone else. */
    @Transactional(readOnly = true)
    public SpaceViews.Booking booking(Viewer viewer, long id) {
        SpaceViews.Booking b = jdbc.sql("SELECT " + COLUMNS + " FROM space_booking b JOIN space s ON s.id = b.space_id WHERE b.id = ?")
                .param(id).query(this::booking).optional().orElseThrow(() -> new NotFoundException("booking", id));
        if (b.bookerAccountId() != viewer.accountId() && !spaces.manages(viewer, b.spaceId())) {
            throw new NotFoundException("booking", id);
        }
        return named(List.of(b)).get(0);
    }

    /** The viewer's own bookings, latest start first. */
    @Transactional(readOnly = true)
    public List<SpaceViews.Booking> mine(Viewer viewer) {
        return named(jdbc.sql("SELECT " + COLUMNS + " FROM space_booking b JOIN space s ON s.id = b.space_id"
                        + " WHERE b.booker_account_id = ? ORDER BY b.starts_at DESC")
                .param(viewer.accountId()).query(this::booking).list());
    }

    /** Bookings of the spaces the viewer manages, waiting ones first, then by start; {@code state} filters when given. */
    @Transactional(readOnly = true)
    public List<SpaceViews.Booking> ofManagedSpaces(Viewer viewer, BookingState state, Instant from) {
        Set<Long> managed = spaces.managedBy(viewer);
        if (managed.isEmpty()) {
            return List.of();
        }
        return named(jdbc.sql("SELECT " + COLUMNS + " FROM space_booking b JOIN space s ON s.id = b.space_id"
                        + " WHERE b.space_id IN (:spaces) AND b.ends_at >= :from" + (state == null ? "" : " AND b.state = :state")
                        + " ORDER BY CASE WHEN b.state = 'PENDING' THEN 0 ELSE 1 END, b.starts_at")
                .param("spaces", managed).param("from", Timestamps.of(from))
                .params(state == null ? Map.of() : Map.of("state", state.name()))
                .query(this::booking).list());
    }

    /** The stretches of a space's time that are taken between two instants, for everyone's grid: no names. */
    @Transactional(readOnly = true)
    public List<SpaceViews.Taken> taken(long spaceId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT starts_at, ends_at, activity_id, state FROM space_booking
                        WHERE space_id = ? AND state IN ('PENDING', 'CONFIRMED', 'CHECKED_IN') AND starts_at < ? AND ends_at > ?
                        ORDER BY starts_at""")
                .params(spaceId, Timestamps.of(to), Timestamps.of(from))
                .query((rs, n) -> new SpaceViews.Taken(Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
                        rs.getObject("activity_id") != null, BookingState.valueOf(rs.getString("state"))))
                .list();
    }

    // — the rules —

    /**
     * The time rules every booking keeps: start before end, not in the past, within the opening hours
     * of one open day, not in a closure, attendees within capacity; for people (not activities) also
     * no longer than the space allows and not beyond its booking horizon.
     */
    private void checkTime(SpaceViews.Space space, Instant startsAt, Instant endsAt, Integer attendees, boolean person, Fields f) {
        if (f.required(attendees, "attendees") && (attendees < 1 || attendees > space.capacity())) {
            f.add("attendees", "space.overCapacity", space.capacity());
        }
        if (!f.required(startsAt, "startsAt") | !f.required(endsAt, "endsAt")) {
            return;
        }
        if (!startsAt.isBefore(endsAt)) {
            f.add("endsAt", "space.endBeforeStart");
            return;
        }
        Instant now = clock.instant();
        if (startsAt.isBefore(now.minus(Duration.ofMinutes(1)))) {
            f.add("startsAt", "space.inPast");
            return;
        }
        ZonedDateTime start = startsAt.atZone(CampusTime.ZONE);
        ZonedDateTime end = endsAt.atZone(CampusTime.ZONE);
        if (!start.toLocalDate().equals(end.minusNanos(1).toLocalDate()) || !space.openDays().contains(start.getDayOfWeek())
                || start.toLocalTime().isBefore(space.opensAt())
                || (end.toLocalDate().equals(start.toLocalDate()) && end.toLocalTime().isAfter(space.closesAt()))
                || (!end.toLocalDate().equals(start.toLocalDate()) && !space.closesAt().equals(java.time.LocalTime.MIDNIGHT))) {
            f.add("startsAt", "space.outsideHours", space.opensAt().toString(), space.closesAt().toString());
        }
        if (person && Duration.between(startsAt, endsAt).toMinutes() > space.longestMinutes()) {
            f.add("endsAt", "space.tooLong", space.longestMinutes());
        }
        if (person && start.toLocalDate().isAfter(CampusTime.today(clock).plusDays(space.daysAhead()))) {
            f.add("startsAt", "space.tooFarAhead", space.daysAhead());
        }
        jdbc.sql("SELECT reason FROM space_closure WHERE space_id = ? AND starts_at < ? AND ends_at > ? ORDER BY starts_at")
                .params(space.id(), Timestamps.of(endsAt), Timestamps.of(startsAt)).query(String.class).list().stream().findFirst()
                .ifPresent(reason -> f.add("startsAt", "space.closed", reason));
    }

    /** Locks the space's row, then refuses when any booking holding time overlaps. */
    private void lockFree(long spaceId, Instant startsAt, Instant endsAt) {
        jdbc.sql("SELECT id FROM space WHERE id = ? FOR UPDATE").param(spaceId).query(Long.class).single();
        long overlapping = jdbc.sql("""
                        SELECT count(*) FROM space_booking WHERE space_id = ? AND state IN ('PENDING', 'CONFIRMED', 'CHECKED_IN')
                          AND starts_at < ? AND ends_at > ?""")
                .params(spaceId, Timestamps.of(endsAt), Timestamps.of(startsAt)).query(Long.class).single();
        if (overlapping > 0) {
            throw new RuleViolation("space.taken");
        }
    }

    /** Locks the booker's row (made the first time behind a savepoint), so their limit is counted once at a time. */
    private void lockBooker(long accountId) {
        ensureBooker(accountId);
        jdbc.sql("SELECT account_id FROM space_booker WHERE account_id = ? FOR UPDATE").param(accountId).query(Long.class).single();
    }

    private void ensureBooker(long accountId) {
        if (jdbc.sql("SELECT count(*) FROM space_booker WHERE account_id = ?").param(accountId).query(Long.class).single() > 0) {
            return;
        }
        try {
            savepoint.executeWithoutResult(s -> jdbc.sql("INSERT INTO space_booker (account_id) VALUES (?)").param(accountId).update());
        } catch (DuplicateKeyException alreadyThere) {
            // Another booking by the same person made it at the same moment.
        }
    }

    private SpaceViews.Space bookable(long spaceId) {
        SpaceViews.Space space = spaces.space(spaceId);
        if (!space.active()) {
            throw new NotFoundException("space", spaceId);
        }
        return space;
    }

    private SpaceViews.Booking pending(Viewer manager, long id) {
        SpaceViews.Booking b = booking(manager, id);
        if (!spaces.manages(manager, b.spaceId())) {
            throw new NotFoundException("booking", id);
        }
        if (b.state() != BookingState.PENDING) {
            throw new RuleViolation("space.notPending");
        }
        return b;
    }

    private void move(SpaceViews.Booking b, BookingState to, String set, long who) {
        int changed = jdbc.sql("UPDATE space_booking SET state = :to, " + set + ", version = version + 1 WHERE id = :id AND version = :v")
                .param("to", to.name()).param("who", who).param("now", Timestamps.of(clock.instant())).param("id", b.id())
                .param("v", b.version()).update();
        if (changed == 0) {
            throw new RuleViolation("space.changedMeanwhile");
        }
    }

    private long insert(long spaceId, long booker, String organisation, Long activityId, String purpose, int attendees,
                        Instant startsAt, Instant endsAt, BookingState state) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO space_booking (space_id, booker_account_id, organisation, activity_id, purpose, attendees, starts_at,
                                                   ends_at, state, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(spaceId, booker, organisation, activityId, purpose, attendees, Timestamps.of(startsAt), Timestamps.of(endsAt),
                        state.name(), Timestamps.of(now))
                .update();
        return jdbc.sql("SELECT max(id) FROM space_booking WHERE space_id = ? AND starts_at = ?")
                .params(spaceId, Timestamps.of(startsAt)).query(Long.class).single();
    }

    private Set<Long> managersToTell(SpaceViews.Space space) {
        return space.managerAccountId() != null ? Set.of(space.managerAccountId()) : accounts.holding(org.shouwang.shared.Role.ADMIN, null);
    }

    private void tell(String key, Set<Long> to, String code, List<String> args, Long bookingId) {
        if (!to.isEmpty()) {
            events.publishEvent(new Notice(key, to, code, args, bookingId == null ? "/spaces/bookings" : "/spaces/bookings/" + bookingId));
        }
    }

    private List<SpaceViews.Booking> named(List<SpaceViews.Booking> bookings) {
        Map<Long, String> names = accounts.names(bookings.stream().map(SpaceViews.Booking::bookerAccountId).toList());
        return bookings.stream().map(b -> new SpaceViews.Booking(b.id(), b.version(), b.spaceId(), b.spaceName(), b.bookerAccountId(),
                names.get(b.bookerAccountId()), b.organisation(), b.activityId(), b.purpose(), b.attendees(), b.startsAt(),
                b.endsAt(), b.state(), b.declineReason(), b.checkedInAt(), b.createdAt())).toList();
    }

    private SpaceViews.Booking booking(ResultSet rs, int n) throws SQLException {
        return new SpaceViews.Booking(rs.getLong("id"), rs.getInt("version"), rs.getLong("space_id"), rs.getString("space_name"),
                rs.getLong("booker_account_id"), null, rs.getString("organisation"), (Long) rs.getObject("activity_id"),
                rs.getString("purpose"), rs.getInt("attendees"), Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
                BookingState.valueOf(rs.getString("state")), rs.getString("decline_reason"), Timestamps.read(rs, "checked_in_at"),
                Timestamps.read(rs, "created_at"));
    }
}
