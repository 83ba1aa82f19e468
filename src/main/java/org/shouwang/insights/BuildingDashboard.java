package org.shouwang.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.shouwang.community.DormRatings;
import org.shouwang.community.InspectionViews;
import org.shouwang.community.Inspections;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.DutyQueries;
import org.shouwang.studios.DutyShift;
import org.shouwang.studios.DutyViews;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketCounts;
import org.springframework.stereotype.Service;

/**
 * The building dashboard: for a month, a heat map of the requests raised per floor and room of a
 * building, the latest inspection round's scores per floor and room and the building's rank that
 * month, and who is on duty in the building now.
 * <p>
 * Building managers and building leaders see their buildings, floor leaders only their floors;
 * leaders, administrators and student affairs may choose any building; anyone else gets 404.
 * Psychology, legal and safety requests (see {@link SmallGroups}) are never counted per floor or
 * room: only as the area's total per category, and as "&lt;5" below {@link SmallGroups#MIN_GROUP}.
 */
@Service
public class BuildingDashboard {

    /** Inspection rounds looked through for the latest one of the building. */
    static final int ROUNDS_READ = 500;

    private final Residence residence;
    private final TicketCounts tickets;
    private final Inspections inspections;
    private final DormRatings ratings;
    private final DutyQueries duty;
    private final Clock clock;

    BuildingDashboard(Residence residence, TicketCounts tickets, Inspections inspections, DormRatings ratings,
                      DutyQueries duty, Clock clock) {
        this.residence = residence;
        this.tickets = tickets;
        this.inspections = inspections;
        this.ratings = ratings;
        this.duty = duty;
        this.clock = clock;
    }

    /** A building the viewer may pick. */
    public record Choice(long id, String name) {
    }

    /**
     * One room: requests raised in it this month (sensitive categories left out), and its score in
     * the latest round (null when not inspected in it).
     */
    public record RoomCell(long roomId, String room, long requests, Integer score) {
    }

    /**
     * One floor: requests raised on it this month (sensitive categories left out; includes those
     * naming no room), the average score of its rooms in the latest round, and its rooms.
     */
    public record FloorRow(int floor, long requests, Double score, List<RoomCell> rooms) {
    }

    /** A sensitive category's total over the whole area shown; {@code requests} null (shown "&lt;5") when suppressed. */
    public record Sensitive(Category category, Long requests, boolean suppressed) {
    }

    /** The latest inspection round of the building held by the end of the month; null fields when there is none. */
    public record Inspection(Long roundId, LocalDate heldOn, Integer floor, Double average, DormRatings.Standing standing) {
    }

    /** One duty shift: who, for which studio, where, from when to when (campus times). */
    public record Duty(String person, String studio, String venue, LocalDateTime start, LocalDateTime end, boolean arrived) {
    }

    /**
     * The dashboard. {@code floorsOnly}: the floors a floor leader sees (empty: the whole building).
     * {@code requests}: non-sensitive requests raised in the area this month; {@code noFloor}:
     * those naming the building but no floor (whole-building view only).
     */
    public record Dashboard(long buildingId, String building, YearMonth month, List<Choice> buildings, List<Integer> floorsOnly,
                            long requests, long noFloor, List<FloorRow> floors, List<Sensitive> sensitive,
                            Inspection inspection, List<Duty> onDutyNow, List<Duty> laterToday) {
    }

    /** What the viewer may see: every building, or these buildings whole, or these floors. */
    private record Reach(boolean all, Set<Long> buildings, Map<Long, Set<Integer>> floors) {
        boolean any() {
            return all || !buildings.isEmpty() || !floors.isEmpty();
        }

        boolean sees(long building) {
            return all || buildings.contains(building) || floors.containsKey(building);
        }

        /** The floors of a building the viewer is limited to; empty when they see it whole. */
        Set<Integer> limit(long building) {
            return all || buildings.contains(building) ? Set.of() : floors.getOrDefault(building, Set.of());
        }
    }

    private Reach reach(Viewer viewer) {
        if (viewer.has(Role.LEADER) || viewer.has(Role.ADMIN) || viewer.has(Role.STUDENT_AFFAIRS)) {
            return new Reach(true, Set.of(), Map.of());
        }
        Set<Long> buildings = new LinkedHashSet<>();
        Map<Long, Set<Integer>> floors = new LinkedHashMap<>();
        if (viewer.has(Role.BUILDING_MANAGER) || viewer.has(Role.BUILDING_LEADER) || viewer.has(Role.FLOOR_LEADER)) {
            for (ResidenceViews.Area area : residence.areasServedBy(viewer)) {
                if (area.floor() == null) {
                    buildings.add(area.buildingId());
                } else {
                    floors.computeIfAbsent(area.buildingId(), k -> new java.util.TreeSet<>()).add(area.floor());
                }
            }
        }
        return new Reach(false, buildings, floors);
    }

    /** Throws 404 unless the dashboard is for this viewer at all. */
    public void require(Viewer viewer) {
        if (!reach(viewer).any()) {
            throw new NotFoundException("page", "insights/building");
        }
    }

    /** The month named by {@code text} (YYYY-MM), the current campus month when blank; otherwise a field error on "month". */
    public YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(CampusTime.today(clock));
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput("month", "insights.building.month.invalid");
        }
    }

    /** The buildings the viewer may pick, in code order. */
    public List<Choice> buildings(Viewer viewer) {
        Reach reach = reach(viewer);
        List<Choice> choices = new ArrayList<>();
        residence.buildingNames().forEach((id, name) -> {
            if (reach.sees(id)) {
                choices.add(new Choice(id, name));
            }
        });
        return choices;
    }

    /** The dashboard of a building (null: the first the viewer may see) in a month (null: this month). */
    public Dashboard dashboard(Viewer viewer, Long buildingId, YearMonth month) {
        Reach reach = reach(viewer);
        if (!reach.any()) {
            throw new NotFoundException("page", "insights/building");
        }
        List<Choice> choices = buildings(viewer);
        if (choices.isEmpty()) {
            throw new NotFoundException("page", "insights/building");
        }
        long building = buildingId == null ? choices.get(0).id() : buildingId;
        Choice chosen = choices.stream().filter(c -> c.id() == building).findFirst()
                .orElseThrow(() -> new NotFoundException("building", building));
        YearMonth m = month == null ? YearMonth.from(CampusTime.today(clock)) : month;
        Set<Integer> limit = reach.limit(building);

        // The building's floors and rooms (only the viewer's floors for a floor leader).
        Map<Integer, Map<Long, String>> layout = new TreeMap<>();
        for (ResidenceViews.Floor f : residence.vacancyMap(building)) {
            if (limit.isEmpty() || limit.contains(f.number())) {
                Map<Long, String> rooms = layout.computeIfAbsent(f.number(), k -> new LinkedHashMap<>());
                f.rooms().forEach(r -> rooms.put(r.id(), r.number()));
            }
        }

        // Requests of the month: non-sensitive ones per floor and room, sensitive ones per category over the area.
        Instant from = m.atDay(1).atStartOfDay(CampusTime.ZONE).toInstant();
        Instant to = m.plusMonths(1).atDay(1).atStartOfDay(CampusTime.ZONE).toInstant();
        Map<Integer, Long> perFloor = new LinkedHashMap<>();
        Map<Long, Long> perRoom = new LinkedHashMap<>();
        Map<Category, Long> sensitive = new EnumMap<>(Category.class);
        long requests = 0;
        long noFloor = 0;
        for (TicketCounts.PlaceCount c : tickets.inBuilding(building, from, to)) {
            boolean inArea = limit.isEmpty() || (c.floor() != null && limit.contains(c.floor()));
            if (!inArea) {
                continue;
            }
            if (SmallGroups.sensitive(c.category())) {
                sensitive.merge(c.category(), c.requests(), Long::sum);
                continue;
            }
            requests += c.requests();
            if (c.floor() == null) {
                noFloor += c.requests();
                continue;
            }
            perFloor.merge(c.floor(), c.requests(), Long::sum);
            if (c.roomId() != null) {
                perRoom.merge(c.roomId(), c.requests(), Long::sum);
            }
        }
        List<Sensitive> hidden = new ArrayList<>();
        for (Category c : Category.values()) {
            if (SmallGroups.sensitive(c)) {
                long n = sensitive.getOrDefault(c, 0L);
                hidden.add(new Sensitive(c, SmallGroups.shown(c, n), SmallGroups.hidden(c, n)));
            }
        }

        // The latest inspection round of the building held by the end of the month, as far as the viewer may see rounds.
        Optional<InspectionViews.Round> round = latestRound(viewer, building, m);
        Map<Long, Integer> scores = new LinkedHashMap<>();
        round.ifPresent(r -> r.rooms().stream().filter(x -> x.score() != null)
                .filter(x -> limit.isEmpty() || limit.contains(x.floor()))
                .forEach(x -> scores.put(x.roomId(), x.score())));
        Map<Integer, List<Integer>> floorScores = new LinkedHashMap<>();
        round.ifPresent(r -> r.rooms().stream().filter(x -> x.score() != null)
                .filter(x -> limit.isEmpty() || limit.contains(x.floor()))
                .forEach(x -> floorScores.computeIfAbsent(x.floor(), k -> new ArrayList<>()).add(x.score())));

        List<FloorRow> floors = new ArrayList<>();
        layout.forEach((floor, rooms) -> {
            List<RoomCell> cells = new ArrayList<>();
            rooms.forEach((id, number) -> cells.add(new RoomCell(id, number, perRoom.getOrDefault(id, 0L), scores.get(id))));
            floors.add(new FloorRow(floor, perFloor.getOrDefault(floor, 0L), average(floorScores.get(floor)), cells));
        });
        floors.sort((a, b) -> Integer.compare(b.floor(), a.floor()));

        Inspection inspection = new Inspection(round.map(InspectionViews.Round::id).orElse(null),
                round.map(InspectionViews.Round::heldOn).orElse(null), round.map(InspectionViews.Round::floor).orElse(null),
                average(new ArrayList<>(scores.values())), limit.isEmpty() ? ratings.standing(m, building).orElse(null) : null);

        // Who is on duty in the building now: the query students use for "on duty now in my building".
        List<Duty> now = new ArrayList<>();
        List<Duty> later = new ArrayList<>();
        DutyViews.Now onDuty = duty.now(viewer, building, null);
        onDuty.buildings().stream().filter(b -> b.buildingId() == building).forEach(b -> {
            b.now().forEach(s -> now.add(duty(s)));
            b.next().forEach(s -> later.add(duty(s)));
        });
        return new Dashboard(building, chosen.name(), m, choices, List.copyOf(limit), requests, limit.isEmpty() ? noFloor : 0,
                floors, hidden, inspection, now, later);
    }

    private Optional<InspectionViews.Round> latestRound(Viewer viewer, long building, YearMonth month) {
        if (!inspections.maySeeInspections(viewer)) {
            return Optional.empty();
        }
        LocalDate last = month.atEndOfMonth();
        return inspections.rounds(viewer, ROUNDS_READ).stream()
                .filter(r -> r.buildingId() == building && !r.heldOn().isAfter(last) && r.recorded() > 0)
                .findFirst()
                .map(r -> inspections.round(viewer, r.id()));
    }

    private static Duty duty(DutyShift s) {
        return new Duty(s.person(), s.studio(), s.venue(), s.start(), s.end(), s.arrivedAt() != null);
    }

    private static Double average(List<Integer> scores) {
        if (scores == null || scores.isEmpty()) {
            return null;
        }
        return Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0) * 10) / 10.0;
    }
}
