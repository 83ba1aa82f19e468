package org.shouwang.studios;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duty rosters of the staff stationed in the community (队伍入驻): roster keepers plan shifts week
 * by week, take off shifts that have not started and copy the previous week; the person on duty
 * records their arrival. Keepers are student affairs and administrators for every roster, and a
 * studio's leader and members for that studio's shifts; anyone else is answered 404.
 *
 * <p>One person never has two overlapping shifts, even when keepers plan at the same moment:
 * every path that writes a shift first locks the person's stripe of {@code duty_lock}, then looks
 * for overlaps, then inserts, in one transaction.
 */
@Service
@Transactional
public class DutyRosters {

    /** The longest shift. */
    public static final int MAX_HOURS = 12;
    static final int VENUE_MAX = 200;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final DutyStore store;
    private final Studios studios;
    private final Accounts accounts;
    private final Residence residence;
    private final AuditLog audit;
    private final Clock clock;

    DutyRosters(DutyStore store, Studios studios, @Lazy Accounts accounts, @Lazy Residence residence, AuditLog audit,
                Clock clock) {
        this.store = store;
        this.studios = studios;
        this.accounts = accounts;
        this.residence = residence;
        this.audit = audit;
        this.clock = clock;
    }

    // — who keeps which rosters —

    /** Student affairs and administrators keep every roster. */
    public static boolean keepsAll(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS);
    }

    /** The studios whose rosters the viewer keeps; null means all of them. */
    @Transactional(readOnly = true)
    public Set<Long> keptStudios(Viewer viewer) {
        return keepsAll(viewer) ? null : studios.studiosOf(viewer);
    }

    /** Keeps some roster: may open the week grid. */
    @Transactional(readOnly = true)
    public boolean keepsRosters(Viewer viewer) {
        return keepsAll(viewer) || (viewer.studentId() == null && !studios.studiosOf(viewer).isEmpty());
    }

    void requireKeeper(Viewer viewer) {
        if (!keepsRosters(viewer)) {
            throw new NotFoundException("page", "duty/roster");
        }
    }

    /** Whether the viewer keeps the roster a shift of this studio (null: none) is on. */
    boolean keeps(Viewer viewer, Long studioId) {
        return keepsAll(viewer) || (studioId != null && viewer.studentId() == null && studios.worksIn(viewer, studioId));
    }

    // — planning —

    /**
     * Puts a shift on the roster. Every wrong field is reported at once and nothing is written: an
     * unknown or student account, an unknown building or studio, a missing venue, unreadable times,
     * an end not after the start, a start in the past, a shift longer than {@value #MAX_HOURS} h.
     * A shift overlapping another of the same person is refused ({@code duty.overlap}). Studio
     * staff plan only for their studios (another studio: 404).
     */
    public long plan(Viewer viewer, DutyDraft draft) {
        requireKeeper(viewer);
        Checked c = checked(viewer, draft, false);
        long id = write(viewer, c, null, false);
        audit.record(viewer, "duty.plan", "duty_shift", id, c.person().username() + " " + c.start() + "–" + c.end());
        return id;
    }

    /**
     * Enters a shift already worked, or under way, from a paper roster (and the demo's past weeks):
     * administrators only; the start may lie in the past. {@code arrivedAt}, when given, must lie
     * in the arrival window and decides lateness as a live arrival would.
     */
    public long enterWorked(Viewer admin, DutyDraft draft, Instant arrivedAt) {
        if (!admin.isAdmin()) {
            throw new NotFoundException("page", "duty/roster");
        }
        Checked c = checked(admin, draft, true);
        if (arrivedAt != null && (arrivedAt.isBefore(c.start().minus(DutyStore.EARLY)) || arrivedAt.isAfter(c.end())
                || arrivedAt.isAfter(clock.instant()))) {
            throw new RuleViolation("duty.arrivalOutsideShift");
        }
        long id = write(admin, c, arrivedAt, arrivedAt != null && late(c.start(), arrivedAt));
        audit.record(admin, "duty.enterWorked", "duty_shift", id, c.person().username() + " " + c.start() + "–" + c.end()
                + (arrivedAt == null ? ", not arrived" : ", arrived " + arrivedAt));
        return id;
    }

    /** Takes a shift that has not started off the roster. */
    public void remove(Viewer viewer, long shiftId) {
        DutyStore.Row row = keptShift(viewer, shiftId);
        store.lockShift(shiftId);
        if (!row.startsAt().isAfter(clock.instant())) {
            throw new RuleViolation("duty.alreadyStarted");
        }
        store.delete(shiftId);
        audit.record(viewer, "duty.remove", "duty_shift", shiftId, row.accountId() + " " + row.startsAt());
    }

    /**
     * Copies the shifts of the week before into this week, a week later each, within the viewer's
     * rosters (one studio's only when {@code studioId} is given): shifts that would start in the
     * past, or overlap a shift the person already has, are skipped and counted.
     */
    public DutyViews.Copied copyPreviousWeek(Viewer viewer, DutyWeek week, Long studioId) {
        requireKeeper(viewer);
        Set<Long> scope = keptStudios(viewer);
        if (studioId != null) {
            if (!keeps(viewer, studioId)) {
                throw new NotFoundException("studio", studioId);
            }
            studios.typeOf(studioId);
            scope = Set.of(studioId);
        }
        DutyWeek previous = week.previous();
        List<DutyStore.Row> source = store.starting(start(previous.monday().atStartOfDay()),
                start(week.monday().atStartOfDay()), scope);
        Set<Long> people = new TreeSet<>();
        source.forEach(r -> people.add(r.accountId()));
        store.lockPeople(people);
        Instant now = clock.instant();
        int copied = 0;
        int overlapping = 0;
        int past = 0;
        for (DutyStore.Row r : source) {
            Instant start = r.startsAt().plus(Duration.ofDays(7));
            Instant end = r.endsAt().plus(Duration.ofDays(7));
            if (start.isBefore(now)) {
                past++;
            } else if (!store.overlapping(r.accountId(), start, end).isEmpty()) {
                overlapping++;
            } else {
                store.insert(r.accountId(), r.studioId(), r.buildingId(), r.venue(), start, end, null, false, viewer.accountId());
                copied++;
            }
        }
        audit.record(viewer, "duty.copy", "duty_week", week.text(), copied + " copied, " + overlapping + " overlapping, "
                + past + " past" + (studioId == null ? "" : ", studio " + studioId));
        return new DutyViews.Copied(copied, overlapping, past);
    }

    // — arrival —

    /**
     * The person on duty says "I'm here": from 30 minutes before the start to the end; more than
     * 10 minutes after the start is late. Saying it again changes nothing. Anyone else: 404.
     */
    public DutyShift arrive(Viewer viewer, long shiftId) {
        DutyStore.Row row = store.find(shiftId).filter(r -> r.accountId() == viewer.accountId())
                .orElseThrow(() -> new NotFoundException("duty shift", shiftId));
        store.lockShift(shiftId);
        row = store.find(shiftId).orElseThrow();
        Instant now = clock.instant();
        if (row.arrivedAt() == null) {
            if (now.isBefore(row.startsAt().minus(DutyStore.EARLY))) {
                throw new RuleViolation("duty.arrivalNotYet", DutyStore.local(row.startsAt().minus(DutyStore.EARLY)).format(HH_MM));
            }
            if (!now.isBefore(row.endsAt())) {
                throw new RuleViolation("duty.arrivalClosed");
            }
            store.arrive(shiftId, now, late(row.startsAt(), now));
            row = store.find(shiftId).orElseThrow();
        }
        return store.views(List.of(row), viewer.accountId()).get(0);
    }

    // — the checks —

    record Checked(Account person, long buildingId, String venue, Long studioId, Instant start, Instant end) {
    }

    private Checked checked(Viewer viewer, DutyDraft d, boolean pastAllowed) {
        if (d.studioId() != null && !keepsAll(viewer) && !keeps(viewer, d.studioId())) {
            throw new NotFoundException("studio", d.studioId());
        }
        Fields f = new Fields();
        Account person = null;
        String username = f.text(d.username(), "username", 64, true);
        if (username != null) {
            person = accounts.byUsername(username).filter(Account::enabled).orElse(null);
            if (person == null) {
                f.add("username", "duty.unknownPerson", username);
            } else if (person.studentId() != null) {
                f.add("username", "duty.notStaff", username);
                person = null;
            }
        }
        if (f.required(d.buildingId(), "buildingId") && !residence.buildingNames().containsKey(d.buildingId())) {
            f.add("buildingId", "duty.unknownBuilding");
        }
        String venue = f.text(d.venue(), "venue", VENUE_MAX, true);
        if (d.studioId() != null) {
            try {
                studios.typeOf(d.studioId());
            } catch (NotFoundException e) {
                f.add("studioId", "duty.unknownStudio");
            }
        } else if (!keepsAll(viewer)) {
            f.add("studioId", "field.required");
        }
        Instant start = time(d.start(), "start", f);
        Instant end = time(d.end(), "end", f);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                f.add("end", "duty.endNotAfterStart");
            } else if (Duration.between(start, end).compareTo(Duration.ofHours(MAX_HOURS)) > 0) {
                f.add("end", "duty.tooLong", MAX_HOURS);
            }
        }
        if (start != null && !pastAllowed && start.isBefore(clock.instant())) {
            f.add("start", "duty.inPast");
        }
        f.check();
        return new Checked(person, d.buildingId(), venue, d.studioId(), start, end);
    }

    /** Locks the person, refuses an overlap, writes. */
    private long write(Viewer viewer, Checked c, Instant arrivedAt, boolean late) {
        store.lockPeople(List.of(c.person().id()));
        List<DutyStore.Row> clash = store.overlapping(c.person().id(), c.start(), c.end());
        if (!clash.isEmpty()) {
            DutyStore.Row other = clash.get(0);
            throw new RuleViolation("duty.overlap", c.person().displayName(),
                    DutyStore.local(other.startsAt()).format(HH_MM) + "–" + DutyStore.local(other.endsAt()).format(HH_MM));
        }
        return store.insert(c.person().id(), c.studioId(), c.buildingId(), c.venue(), c.start(), c.end(), arrivedAt, late,
                viewer.accountId());
    }

    private DutyStore.Row keptShift(Viewer viewer, long shiftId) {
        return store.find(shiftId).filter(r -> keeps(viewer, r.studioId()))
                .orElseThrow(() -> new NotFoundException("duty shift", shiftId));
    }

    private static boolean late(Instant start, Instant arrivedAt) {
        return arrivedAt.isAfter(start.plus(DutyStore.GRACE));
    }

    static Instant start(LocalDateTime campus) {
        return campus.atZone(CampusTime.ZONE).toInstant();
    }

    /** A campus date-time ({@code 2026-12-01T18:30}, seconds optional) or one with an offset; else a field error. */
    private static Instant time(String text, String field, Fields f) {
        String v = f.text(text, field, 40, true);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(CampusTime.ZONE).toInstant();
        } catch (DateTimeException local) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException offset) {
                f.add(field, "duty.badTime");
                return null;
            }
        }
    }
}
