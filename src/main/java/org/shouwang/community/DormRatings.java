package org.shouwang.community;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.shouwang.people.People;
import org.shouwang.residence.Residence;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Civilised-dorm ratings (文明宿舍评比) of a month: a room whose average score that month reaches the
 * threshold, with no safety hazard found that month still unresolved, is rated civilised. Floors,
 * buildings and colleges (by the residents' college) rank by their rooms' average score.
 * Administrators, student affairs and leaders see every ranking; building managers and leaders their
 * buildings, floor leaders their floors; a resident sees only their own room's rating.
 */
@Service
@Transactional(readOnly = true)
public class DormRatings {

    /** Rooms listed at most (the best first): a whole campus has thousands; the rankings count them all. */
    static final int ROOMS_SHOWN = 300;

    private final JdbcClient jdbc;
    private final InspectionScope scope;
    private final Residence residence;
    private final People people;
    private final InspectionsProperties properties;

    DormRatings(JdbcClient jdbc, InspectionScope scope, @Lazy Residence residence, @Lazy People people,
                InspectionsProperties properties) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.residence = residence;
        this.people = people;
        this.properties = properties;
    }

    private record Row(long roomId, long buildingId, int floor, String room, Long college, int score) {
    }

    public InspectionViews.Rankings month(Viewer viewer, YearMonth month) {
        InspectionScope.Reach reach = scope.reach(viewer);
        boolean servesArea = !reach.buildings().isEmpty() || !reach.floors().isEmpty();
        if (!reach.all() && !servesArea && reach.roomId() == null) {
            throw new NotFoundException("page", "inspections/rankings");
        }
        List<Row> rows = jdbc.sql("""
                        SELECT room_id, building_id, floor_number, room_number, college_id, score FROM room_inspection
                        WHERE held_on >= ? AND held_on <= ? ORDER BY held_on, id""")
                .params(month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, Long.class), rs.getInt(6)))
                .list();
        Set<Long> hazards = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT ri.room_id FROM inspection_defect d JOIN room_inspection ri ON ri.id = d.inspection_id
                        LEFT JOIN rectification x ON x.inspection_id = ri.id
                        WHERE d.kind = 'SAFETY_HAZARD' AND NOT d.waived AND ri.held_on >= ? AND ri.held_on <= ?
                          AND (x.state IS NULL OR x.state = 'OPEN')""")
                .params(month.atDay(1), month.atEndOfMonth()).query(Long.class).list());
        Map<Long, String> buildings = residence.buildingNames();
        Map<Long, String> colleges = people.collegeNames();

        // Each room: its average, its last known college, civilised or not.
        Map<Long, List<Row>> byRoom = new LinkedHashMap<>();
        rows.forEach(r -> byRoom.computeIfAbsent(r.roomId(), k -> new ArrayList<>()).add(r));
        record Rated(Row last, double average, int count, boolean civilised, boolean hazard) {
        }
        List<Rated> rated = new ArrayList<>();
        byRoom.forEach((room, list) -> {
            double average = list.stream().mapToInt(Row::score).average().orElse(0);
            boolean hazard = hazards.contains(room);
            rated.add(new Rated(list.get(list.size() - 1), round(average), list.size(),
                    average >= properties.civilisedScore() && !hazard, hazard));
        });

        List<Rated> visible = rated.stream().filter(r -> reach.all() || reach.floor(r.last().buildingId(), r.last().floor())
                || (reach.roomId() != null && r.last().roomId() == reach.roomId())).toList();
        List<InspectionViews.RoomRating> rooms = visible.stream()
                .map(r -> new InspectionViews.RoomRating(r.last().roomId(), buildings.get(r.last().buildingId()), r.last().floor(),
                        r.last().room(), r.average(), r.count(), r.civilised(), r.hazard()))
                .sorted(Comparator.comparing(InspectionViews.RoomRating::average).reversed()
                        .thenComparing(InspectionViews.RoomRating::building).thenComparing(InspectionViews.RoomRating::room))
                .limit(ROOMS_SHOWN)
                .toList();
        if (!reach.all() && !servesArea) {
            return new InspectionViews.Rankings(month, properties.civilisedScore(), false, List.of(), List.of(), List.of(), rooms);
        }
        List<Rated> ranked = reach.all() ? rated : visible;
        List<InspectionViews.Rank> floors = rank(ranked, r -> buildings.get(r.last().buildingId()) + " · " + r.last().floor() + "F",
                Rated::average, Rated::civilised);
        List<InspectionViews.Rank> byBuilding = rank(ranked, r -> buildings.get(r.last().buildingId()), Rated::average, Rated::civilised);
        List<InspectionViews.Rank> byCollege = reach.all()
                ? rank(ranked.stream().filter(r -> r.last().college() != null).toList(),
                        r -> colleges.getOrDefault(r.last().college(), "—"), Rated::average, Rated::civilised)
                : List.of();
        return new InspectionViews.Rankings(month, properties.civilisedScore(), reach.all(), floors, byBuilding, byCollege, rooms);
    }

    /** Where a building stands among all buildings in a month: its rank (equal averages share one), of how many, its rooms' average. */
    public record Standing(YearMonth month, int rank, int of, double average, int rooms) {
    }

    /**
     * The building's rank by its rooms' average score in the month among every building inspected
     * that month; empty when the building had no inspection that month. A figure only, no other
     * building's name or score: for a module that decides who sees a building's figures.
     */
    public java.util.Optional<Standing> standing(YearMonth month, long buildingId) {
        Map<Long, String> buildings = residence.buildingNames();
        Map<Long, List<Integer>> scores = new LinkedHashMap<>();
        Map<Long, Long> buildingOf = new LinkedHashMap<>();
        jdbc.sql("SELECT room_id, building_id, score FROM room_inspection WHERE held_on >= ? AND held_on <= ? ORDER BY held_on, id")
                .params(month.atDay(1), month.atEndOfMonth())
                .query(rs -> {
                    scores.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getInt(3));
                    buildingOf.put(rs.getLong(1), rs.getLong(2));
                });
        record Rated(long building, double average) {
        }
        List<Rated> rated = new ArrayList<>();
        scores.forEach((room, list) -> rated.add(new Rated(buildingOf.get(room),
                round(list.stream().mapToInt(Integer::intValue).average().orElse(0)))));
        List<InspectionViews.Rank> ranks = rank(rated, r -> String.valueOf(r.building()), Rated::average, r -> false);
        return ranks.stream().filter(r -> r.name().equals(String.valueOf(buildingId))).findFirst()
                .map(r -> new Standing(month, r.rank(), ranks.size(), r.average(), r.rooms()))
                .filter(r -> buildings.containsKey(buildingId));
    }

    private static <T> List<InspectionViews.Rank> rank(List<T> rooms, Function<T, String> group, Function<T, Double> average,
                                                     Function<T, Boolean> civilised) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        rooms.forEach(r -> groups.computeIfAbsent(group.apply(r), k -> new ArrayList<>()).add(r));
        record G(String name, int rooms, double average, int civilised) {
        }
        List<G> list = new ArrayList<>();
        groups.forEach((name, members) -> list.add(new G(name, members.size(),
                round(members.stream().mapToDouble(average::apply).average().orElse(0)),
                (int) members.stream().filter(civilised::apply).count())));
        list.sort(Comparator.comparingDouble(G::average).reversed().thenComparing(G::name));
        List<InspectionViews.Rank> ranks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            G g = list.get(i);
            // Equal averages share a rank.
            int rank = i > 0 && list.get(i - 1).average() == g.average() ? ranks.get(i - 1).rank() : i + 1;
            ranks.add(new InspectionViews.Rank(rank, g.name(), g.rooms(), g.average(), g.civilised()));
        }
        return ranks;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
