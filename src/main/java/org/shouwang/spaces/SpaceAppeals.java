package org.shouwang.spaces;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.notifications.Notice;
import org.shouwang.residence.Residence;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals of no-shows: within {@link SpacesProperties#appealDays()} days of a booking released as a
 * no-show its booker explains why they did not come; a manager of the space accepts the appeal (the
 * booking is excused and becomes CANCELLED, so it no longer counts as a no-show, and the booker's
 * block is lifted when their remaining no-shows in the window fall below the limit) or rejects it
 * with a reason. The booker is told either way. Each call is one action in one transaction.
 */
@Service
@Transactional
public class SpaceAppeals {

    static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final Spaces spaces;
    private final SpacesProperties properties;
    private final Accounts accounts;
    private final Residence residence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SpaceAppeals(JdbcClient jdbc, Spaces spaces, SpacesProperties properties, @Lazy Accounts accounts, @Lazy Residence residence,
                 ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.properties = properties;
        this.accounts = accounts;
        this.residence = residence;
        this.events = events;
        this.clock = clock;
    }

    public enum State { WAITING, ACCEPTED, REJECTED }

    /** An appeal as its booker and the space's managers see it. */
    public record Appeal(long id, long bookingId, long spaceId, String spaceName, long bookerAccountId, String bookerName,
                         Instant startsAt, Instant endsAt, String reason, State state, String decision, Instant decidedAt,
                         Instant createdAt) {
    }

    /** One of the viewer's no-shows (or a no-show excused on appeal), with its appeal if any and whether it may still be appealed. */
    public record NoShow(long bookingId, long spaceId, String spaceName, Instant startsAt, Instant endsAt, boolean excused,
                         Instant appealUntil, boolean appealable, Appeal appeal) {
    }

    /** Whether the viewer may book now; when blocked, until when and the no-shows that count. */
    public record Standing(boolean blocked, Instant blockedUntil, int noShowsInWindow, int limit, long windowDays, long blockDays) {
    }

    // — the booker —

    /** Appeals a no-show of the viewer's own; after the appeal days a field error, nothing written. */
    public long appeal(Viewer booker, long bookingId, String reason) {
        SpaceViews.Booking b = ownBooking(booker, bookingId);
        Fields f = new Fields();
        String r = f.text(reason, "reason", REASON_MAX, true);
        if (b.state() != BookingState.NO_SHOW) {
            f.check();
            throw new RuleViolation("spaceAppeal.notNoShow");
        }
        if (clock.instant().isAfter(appealUntil(b.startsAt()))) {
            f.add("booking", "spaceAppeal.tooLate", properties.appealDays());
        }
        f.check();
        if (jdbc.sql("SELECT count(*) FROM space_no_show_appeal WHERE booking_id = ?").param(bookingId).query(Long.class).single() > 0) {
            throw new RuleViolation("spaceAppeal.alreadyAppealed");
        }
        try {
            jdbc.sql("""
                            INSERT INTO space_no_show_appeal (booking_id, space_id, booker_account_id, reason, state, created_at)
                            VALUES (?, ?, ?, ?, 'WAITING', ?)""")
                    .params(bookingId, b.spaceId(), booker.accountId(), r, Timestamps.of(clock.instant())).update();
        } catch (org.springframework.dao.DuplicateKeyException sameMoment) {
            throw new RuleViolation("spaceAppeal.alreadyAppealed");
        }
        long id = jdbc.sql("SELECT id FROM space_no_show_appeal WHERE booking_id = ?").param(bookingId).query(Long.class).single();
        tell("space-appeal-" + id, managersOf(b.spaceId()), "spaceAppeal.notice.new", List.of(b.spaceName(), booker.displayName()),
                "/spaces/appeals/manage");
        return id;
    }

    /** The viewer's no-shows of the last {@code noShowWindow} and all they appealed, latest first. */
    @Transactional(readOnly = true)
    public List<NoShow> myNoShows(Viewer booker) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.noShowWindow()).minus(Duration.ofDays(properties.appealDays()));
        Map<Long, Appeal> appeals = new java.util.HashMap<>();
        appeals("a.booker_account_id = :who", Map.of("who", booker.accountId())).forEach(a -> appeals.put(a.bookingId(), a));
        return jdbc.sql("""
                        SELECT b.id, b.space_id, s.name, b.starts_at, b.ends_at, b.state FROM space_booking b JOIN space s ON s.id = b.space_id
                        WHERE b.booker_account_id = :who AND (b.state = 'NO_SHOW' AND b.starts_at > :since
                              OR b.id IN (SELECT booking_id FROM space_no_show_appeal WHERE booker_account_id = :who))
                        ORDER BY b.starts_at DESC""")
                .param("who", booker.accountId()).param("since", Timestamps.of(since))
                .query((rs, n) -> {
                    Instant starts = Timestamps.read(rs, "starts_at");
                    long id = rs.getLong("id");
                    Appeal appeal = appeals.get(id);
                    boolean noShow = "NO_SHOW".equals(rs.getString("state"));
                    return new NoShow(id, rs.getLong("space_id"), rs.getString("name"), starts, Timestamps.read(rs, "ends_at"),
                            !noShow, appealUntil(starts), noShow && appeal == null && !now.isAfter(appealUntil(starts)), appeal);
                }).list();
    }

    /** Whether the viewer is blocked from booking, until when, and how many no-shows count now. */
    @Transactional(readOnly = true)
    public Standing standing(Viewer booker) {
        Instant now = clock.instant();
        Instant until = jdbc.sql("SELECT blocked_until FROM space_booker WHERE account_id = ?").param(booker.accountId())
                .query((rs, n) -> Timestamps.read(rs, "blocked_until")).optional().orElse(null);
        boolean blocked = until != null && until.isAfter(now);
        return new Standing(blocked, blocked ? until : null, (int) noShowsInWindow(booker.accountId(), now),
                properties.noShowLimit(), properties.noShowWindow().toDays(), properties.blockFor().toDays());
    }

    /** A booking of the viewer's own, for the appeal form; 404 for anyone else's. */
    @Transactional(readOnly = true)
    public NoShow noShow(Viewer booker, long bookingId) {
        ownBooking(booker, bookingId);
        return myNoShows(booker).stream().filter(n -> n.bookingId() == bookingId).findFirst()
                .orElseThrow(() -> new RuleViolation("spaceAppeal.notNoShow"));
    }

    /** The viewer's own appeals, latest first. */
    @Transactional(readOnly = true)
    public List<Appeal> mine(Viewer booker) {
        return appeals("a.booker_account_id = :who", Map.of("who", booker.accountId()));
    }

    // — the managers —

    /** Appeals of the spaces the viewer manages, waiting ones first; empty for anyone managing none. */
    @Transactional(readOnly = true)
    public List<Appeal> toDecide(Viewer manager) {
        Set<Long> managed = spaces.managedBy(manager);
        if (managed.isEmpty()) {
            return List.of();
        }
        return appeals("a.space_id IN (:spaces)", Map.of("spaces", managed)).stream()
                .sorted(java.util.Comparator.comparing((Appeal a) -> a.state() != State.WAITING)).toList();
    }

    /** Whether the viewer manages any space (may open the managers' list). */
    @Transactional(readOnly = true)
    public boolean managesAny(Viewer viewer) {
        return viewer.isAdmin() || !spaces.managedBy(viewer).isEmpty();
    }

    /** Excuses the no-show: the booking is CANCELLED, and a block is lifted when the remaining no-shows are below the limit. */
    public void accept(Viewer manager, long appealId) {
        Appeal a = waiting(manager, appealId);
        Instant now = clock.instant();
        decide(a, State.ACCEPTED, null, manager, now);
        jdbc.sql("UPDATE space_booking SET state = 'CANCELLED', version = version + 1 WHERE id = ? AND state = 'NO_SHOW'")
                .param(a.bookingId()).update();
        if (noShowsInWindow(a.bookerAccountId(), now) < properties.noShowLimit()) {
            jdbc.sql("UPDATE space_booker SET blocked_until = NULL WHERE account_id = ? AND blocked_until > ?")
                    .params(a.bookerAccountId(), Timestamps.of(now)).update();
        }
        tell("space-appeal-accepted-" + appealId, Set.of(a.bookerAccountId()), "spaceAppeal.notice.accepted", List.of(a.spaceName()),
                "/spaces/appeals");
    }

    public void reject(Viewer manager, long appealId, String reason) {
        Fields f = new Fields();
        String r = f.text(reason, "reason", REASON_MAX, true);
        f.check();
        Appeal a = waiting(manager, appealId);
        decide(a, State.REJECTED, r, manager, clock.instant());
        tell("space-appeal-rejected-" + appealId, Set.of(a.bookerAccountId()), "spaceAppeal.notice.rejected", List.of(a.spaceName(), r),
                "/spaces/appeals");
    }

    /** The booker or a manager of the space; 404 for anyone else. */
    @Transactional(readOnly = true)
    public Appeal appealOf(Viewer viewer, long appealId) {
        Appeal a = appeals("a.id = :id", Map.of("id", appealId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("appeal", appealId));
        if (a.bookerAccountId() != viewer.accountId() && !spaces.manages(viewer, a.spaceId())) {
            throw new NotFoundException("appeal", appealId);
        }
        return a;
    }

    /** How many days after a no-show its booker may appeal. */
    public int appealDays() {
        return properties.appealDays();
    }

    // — inside —

    Instant appealUntil(Instant startsAt) {
        return startsAt.plus(Duration.ofDays(properties.appealDays()));
    }

    private long noShowsInWindow(long account, Instant now) {
        return jdbc.sql("SELECT count(*) FROM space_booking WHERE booker_account_id = ? AND state = 'NO_SHOW' AND starts_at > ?")
                .params(account, Timestamps.of(now.minus(properties.noShowWindow()))).query(Long.class).single();
    }

    private SpaceViews.Booking ownBooking(Viewer booker, long bookingId) {
        SpaceViews.Booking b = jdbc.sql("""
                        SELECT b.id, b.space_id, s.name, b.booker_account_id, b.starts_at, b.ends_at, b.state
                        FROM space_booking b JOIN space s ON s.id = b.space_id WHERE b.id = ?""")
                .param(bookingId)
                .query((rs, n) -> new SpaceViews.Booking(rs.getLong("id"), 0, rs.getLong("space_id"), rs.getString("name"),
                        rs.getLong("booker_account_id"), null, null, null, null, 1, Timestamps.read(rs, "starts_at"),
                        Timestamps.read(rs, "ends_at"), BookingState.valueOf(rs.getString("state")), null, null, null))
                .optional().orElseThrow(() -> new NotFoundException("booking", bookingId));
        if (b.bookerAccountId() != booker.accountId()) {
            throw new NotFoundException("booking", bookingId);
        }
        return b;
    }

    private Appeal waiting(Viewer manager, long appealId) {
        Appeal a = appeals("a.id = :id", Map.of("id", appealId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("appeal", appealId));
        if (!spaces.manages(manager, a.spaceId())) {
            throw new NotFoundException("appeal", appealId);
        }
        if (a.state() != State.WAITING) {
            throw new RuleViolation("spaceAppeal.decided");
        }
        return a;
    }

    private void decide(Appeal a, State to, String decision, Viewer manager, Instant now) {
        int changed = jdbc.sql("""
                        UPDATE space_no_show_appeal SET state = ?, decision = ?, decided_by = ?, decided_at = ?
                        WHERE id = ? AND state = 'WAITING'""")
                .params(to.name(), decision, manager.accountId(), Timestamps.of(now), a.id()).update();
        if (changed == 0) {
            throw new RuleViolation("spaceAppeal.decided");
        }
    }

    private List<Appeal> appeals(String where, Map<String, ?> params) {
        List<Appeal> rows = jdbc.sql("""
                        SELECT a.id, a.booking_id, a.space_id, s.name, a.booker_account_id, b.starts_at, b.ends_at, a.reason, a.state,
                               a.decision, a.decided_at, a.created_at
                        FROM space_no_show_appeal a JOIN space_booking b ON b.id = a.booking_id JOIN space s ON s.id = a.space_id
                        """ + "WHERE " + where + " ORDER BY a.created_at DESC, a.id DESC")
                .params(params).query(SpaceAppeals::appeal).list();
        Map<Long, String> names = accounts.names(rows.stream().map(Appeal::bookerAccountId).distinct().toList());
        return rows.stream().map(a -> new Appeal(a.id(), a.bookingId(), a.spaceId(), a.spaceName(), a.bookerAccountId(),
                names.get(a.bookerAccountId()), a.startsAt(), a.endsAt(), a.reason(), a.state(), a.decision(), a.decidedAt(),
                a.createdAt())).toList();
    }

    private static Appeal appeal(ResultSet rs, int n) throws SQLException {
        return new Appeal(rs.getLong("id"), rs.getLong("booking_id"), rs.getLong("space_id"), rs.getString("name"),
                rs.getLong("booker_account_id"), null, Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
                rs.getString("reason"), State.valueOf(rs.getString("state")), rs.getString("decision"),
                Timestamps.read(rs, "decided_at"), Timestamps.read(rs, "created_at"));
    }

    /** The account named as the space's manager and the manager of its building; administrators when there is neither. */
    private Set<Long> managersOf(long spaceId) {
        SpaceViews.Space space = spaces.space(spaceId);
        Set<Long> to = new HashSet<>();
        if (space.managerAccountId() != null) {
            to.add(space.managerAccountId());
        }
        Long staff = residence.building(space.buildingId()).managerId();
        if (staff != null) {
            for (long id : accounts.holding(Role.BUILDING_MANAGER, null)) {
                Account account = accounts.get(id);
                if (staff.equals(account.staffId())) {
                    to.add(id);
                }
            }
        }
        return to.isEmpty() ? accounts.holding(Role.ADMIN, null) : to;
    }

    private void tell(String key, Set<Long> to, String code, List<String> args, String link) {
        if (!to.isEmpty()) {
            events.publishEvent(new Notice(key, to, code, args, link));
        }
    }
}
