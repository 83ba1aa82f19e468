package org.shouwang.studios;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.shouwang.people.Housing;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading duty rosters: a roster keeper's week, my shifts, who is on duty now in a building, and
 * coverage reports (planned against attended shifts).
 */
@Service
@Transactional(readOnly = true)
public class DutyQueries {

    /** The longest period a coverage report spans. */
    public static final int MAX_REPORT_DAYS = 366;
    /** How far ahead "my shifts" look. */
    static final int MINE_DAYS = 14;

    private final DutyStore store;
    private final DutyRosters rosters;
    private final Studios studios;
    private final Residence residence;
    private final Clock clock;

    DutyQueries(DutyStore store, DutyRosters rosters, Studios studios, @Lazy Residence residence, Clock clock) {
        this.store = store;
        this.rosters = rosters;
        this.studios = studios;
        this.residence = residence;
        this.clock = clock;
    }

    /**
     * A week of the rosters the viewer keeps, day by day, optionally one studio's (404 for a studio
     * the viewer does not keep) or one building's.
     */
    public DutyViews.Week week(Viewer viewer, DutyWeek week, Long studioId, Long buildingId) {
        rosters.requireKeeper(viewer);
        Set<Long> scope = scope(viewer, studioId);
        Map<Long, String> buildings = residence.buildingNames();
        if (buildingId != null && !buildings.containsKey(buildingId)) {
            throw new NotFoundException("building", buildingId);
        }
        List<DutyShift> shifts = store.views(store.starting(DutyRosters.start(week.monday().atStartOfDay()),
                DutyRosters.start(week.monday().plusWeeks(1).atStartOfDay()), scope), viewer.accountId());
        if (buildingId != null) {
            shifts = shifts.stream().filter(s -> s.buildingId() == buildingId).toList();
        }
        LocalDate today = CampusTime.today(clock);
        List<DutyViews.Day> days = new ArrayList<>();
        for (LocalDate d : week.days()) {
            days.add(new DutyViews.Day(d, d.equals(today), shifts.stream().filter(s -> s.start().toLocalDate().equals(d)).toList()));
        }
        return new DutyViews.Week(week.text(), week.previous().text(), week.next().text(), week.monday(), week.sunday(), days,
                DutyRosters.keepsAll(viewer), studioOptions(viewer), buildings, studioId, buildingId);
    }

    /** The viewer's own shifts from today on (two weeks), with the ones they may arrive at now. Students: 404. */
    public List<DutyShift> mine(Viewer viewer) {
        if (viewer.studentId() != null || !viewer.isStaff()) {
            throw new NotFoundException("page", "duty/mine");
        }
        LocalDate today = CampusTime.today(clock);
        return store.views(store.between(DutyRosters.start(today.atStartOfDay()),
                DutyRosters.start(today.plusDays(MINE_DAYS + 1L).atStartOfDay()), null, null, viewer.accountId()), viewer.accountId());
    }

    /** Whether the viewer may have shifts of their own (staff accounts). */
    public static boolean standsDuty(Viewer viewer) {
        return viewer.studentId() == null && viewer.isStaff();
    }

    /**
     * Who is on duty now, and who comes next today, by building. A student sees the building they
     * live in (nothing when they have no bed; {@code buildingId} is ignored); staff see every
     * building with shifts today, or the one chosen. {@code studioId} narrows to one studio's shifts.
     */
    public DutyViews.Now now(Viewer viewer, Long buildingId, Long studioId) {
        boolean student = !viewer.isStaff();
        Map<Long, String> names = residence.buildingNames();
        Long building;
        if (student) {
            if (viewer.studentId() == null) {
                return new DutyViews.Now(true, false, null, studioId, List.of(), Map.of(), List.of());
            }
            java.util.Optional<Housing.Place> place = residence.placeOf(viewer.studentId());
            if (place.isEmpty()) {
                return new DutyViews.Now(true, false, null, studioId, List.of(), Map.of(), studioChoices());
            }
            building = place.get().buildingId();
        } else {
            if (buildingId != null && !names.containsKey(buildingId)) {
                throw new NotFoundException("building", buildingId);
            }
            building = buildingId;
        }
        if (studioId != null) {
            studios.typeOf(studioId);
        }
        Instant now = clock.instant();
        LocalDate today = CampusTime.today(clock);
        List<DutyShift> shifts = store.views(store.between(now, DutyRosters.start(today.plusDays(1).atStartOfDay()),
                studioId == null ? null : Set.of(studioId), building, null), viewer.accountId());
        Map<Long, List<DutyShift>> byBuilding = new LinkedHashMap<>();
        if (building != null) {
            byBuilding.put(building, new ArrayList<>());
        }
        names.keySet().forEach(id -> shifts.stream().filter(s -> s.buildingId() == id)
                .forEach(s -> byBuilding.computeIfAbsent(id, k -> new ArrayList<>()).add(s)));
        java.time.LocalDateTime local = DutyStore.local(now);
        List<DutyViews.BuildingNow> result = byBuilding.entrySet().stream().map(e -> new DutyViews.BuildingNow(e.getKey(),
                names.get(e.getKey()),
                e.getValue().stream().filter(s -> !s.start().isAfter(local)).toList(),
                e.getValue().stream().filter(s -> s.start().isAfter(local)).toList())).toList();
        return new DutyViews.Now(student, true, building, studioId, result, student ? Map.of() : names, studioChoices());
    }

    /**
     * Planned, due, attended, late and missed shifts starting from {@code from} to {@code to}
     * (campus dates, both included), by person, studio and building, with the attendance rate.
     * Student affairs, administrators and leaders see every roster; a studio's leader and members
     * their studio's; anyone else 404. A bad period is a field error.
     */
    public DutyViews.Coverage coverage(Viewer viewer, LocalDate from, LocalDate to, Long studioId) {
        boolean all = DutyRosters.keepsAll(viewer) || viewer.has(Role.LEADER);
        if (!all && !rosters.keepsRosters(viewer)) {
            throw new NotFoundException("page", "duty/coverage");
        }
        Fields f = new Fields();
        f.required(from, "from");
        f.required(to, "to");
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                f.add("to", "duty.toBeforeFrom");
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_REPORT_DAYS) {
                f.add("to", "duty.periodTooLong", MAX_REPORT_DAYS);
            }
        }
        f.check();
        Set<Long> scope = all ? null : studios.studiosOf(viewer);
        if (studioId != null) {
            if (scope != null && !scope.contains(studioId)) {
                throw new NotFoundException("studio", studioId);
            }
            studios.typeOf(studioId);
            scope = Set.of(studioId);
        }
        List<DutyStore.Row> rows = store.starting(DutyRosters.start(from.atStartOfDay()),
                DutyRosters.start(to.plusDays(1).atStartOfDay()), scope);
        Instant now = clock.instant();
        Map<Long, String> people = store.names(rows.stream().map(DutyStore.Row::accountId).distinct().toList());
        Map<Long, String> buildings = residence.buildingNames();
        List<DutyViews.StudioOption> options = all ? studioChoices() : studioOptions(viewer);
        return new DutyViews.Coverage(from, to, line("", rows, now),
                lines(rows, now, r -> people.getOrDefault(r.accountId(), "#" + r.accountId())),
                lines(rows, now, r -> r.studio() == null ? "" : r.studio()),
                lines(rows, now, r -> buildings.getOrDefault(r.buildingId(), "#" + r.buildingId())),
                all, options, studioId);
    }

    private static List<DutyViews.Line> lines(List<DutyStore.Row> rows, Instant now, Function<DutyStore.Row, String> key) {
        Map<String, List<DutyStore.Row>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups.entrySet().stream().map(e -> line(e.getKey(), e.getValue(), now))
                .sorted(Comparator.comparing(DutyViews.Line::name)).toList();
    }

    private static DutyViews.Line line(String name, List<DutyStore.Row> rows, Instant now) {
        long due = rows.stream().filter(r -> !r.startsAt().isAfter(now)).count();
        long attended = rows.stream().filter(r -> r.arrivedAt() != null).count();
        long late = rows.stream().filter(DutyStore.Row::late).count();
        long missed = rows.stream().filter(r -> r.arrivedAt() == null && !now.isBefore(r.endsAt())).count();
        return new DutyViews.Line(name, rows.size(), due, attended, late, missed);
    }

    /** The studios the viewer may plan for: every active one for student affairs and administrators, else their own. */
    List<DutyViews.StudioOption> studioOptions(Viewer viewer) {
        if (DutyRosters.keepsAll(viewer)) {
            return studioChoices();
        }
        Set<Long> mine = studios.studiosOf(viewer);
        return studios.directory(null, null).stream().filter(s -> mine.contains(s.id()))
                .map(s -> new DutyViews.StudioOption(s.id(), s.name())).toList();
    }

    private List<DutyViews.StudioOption> studioChoices() {
        return studios.directory(null, null).stream().map(s -> new DutyViews.StudioOption(s.id(), s.name())).toList();
    }

    /** The studios in scope: all (null) for student affairs and administrators, else the viewer's; one when chosen. */
    private Set<Long> scope(Viewer viewer, Long studioId) {
        Set<Long> kept = rosters.keptStudios(viewer);
        if (studioId == null) {
            return kept;
        }
        if (kept != null && !kept.contains(studioId)) {
            throw new NotFoundException("studio", studioId);
        }
        studios.typeOf(studioId);
        return Set.of(studioId);
    }
}
