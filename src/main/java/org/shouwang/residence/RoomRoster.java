package org.shouwang.residence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.shouwang.imports.Agreement;
import org.shouwang.imports.Batches;
import org.shouwang.imports.Cells;
import org.shouwang.imports.Column;
import org.shouwang.imports.Definitions;
import org.shouwang.imports.Duplicates;
import org.shouwang.imports.ImportCounts;
import org.shouwang.imports.ImportKind;
import org.shouwang.imports.Problems;
import org.shouwang.imports.Progress;
import org.shouwang.imports.RosterKind;
import org.shouwang.imports.RosterRow;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Communities, buildings, floors and rooms, one room per row, upserted by building code and room
 * number. A room has beds labelled 1..capacity; lowering the capacity removes the beds above it,
 * which is refused for a bed that is occupied or has residence history.
 */
@Component
class RoomRoster implements RosterKind {

    static final String COMMUNITY = "community_code";
    static final String COMMUNITY_NAME = "community_name";
    static final String BUILDING = "building_code";
    static final String BUILDING_NAME = "building_name";
    static final String BUILDING_GENDER = "building_gender";
    static final String FLOOR = "floor";
    static final String ROOM = "room_number";
    static final String KIND = "room_kind";
    static final String ROOM_GENDER = "room_gender";
    static final String CAPACITY = "capacity";
    static final String MANAGER = "manager_staff_number";
    static final int MAX_FLOOR = 200;
    static final int MAX_CAPACITY = 12;

    static final Map<String, String> BUILDING_GENDERS = Map.of("M", "M", "F", "F", "X", "X", "男", "M", "女", "F",
            "混合", "X", "MIXED", "X");
    static final Map<String, String> ROOM_KINDS = Map.of("STANDARD", "STANDARD", "SUITE", "SUITE",
            "ACCESSIBLE", "ACCESSIBLE", "标准间", "STANDARD", "套间", "SUITE", "无障碍间", "ACCESSIBLE");

    record Building(long id, long communityId, String name, String gender, Long managerId) {
    }

    record Room(long id, long buildingId, int floor, String kind, String gender, int capacity) {
    }

    /** A bed as the capacity check needs it. */
    record BedUse(String label, boolean used) {
    }

    private final JdbcTemplate jdbc;

    RoomRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ROOMS;
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.required(COMMUNITY, 32, "SQ1"), Column.optional(COMMUNITY_NAME, 100, "守望学生社区"),
                Column.required(BUILDING, 32, "N1"), Column.optional(BUILDING_NAME, 100, "明德1号楼"),
                Column.optional(BUILDING_GENDER, 8, "男"), Column.required(FLOOR, 8, "3"),
                Column.required(ROOM, 16, "301"), Column.optional(KIND, 16, "标准间"),
                Column.required(ROOM_GENDER, 8, "男"), Column.required(CAPACITY, 8, "4"),
                Column.optional(MANAGER, 32, "T00001"));
    }

    @Override
    public void validate(List<RosterRow> rows, Problems problems, Progress progress) {
        Map<String, Long> communities = ids("community", "code");
        Map<String, Building> buildings = buildings();
        Map<String, Room> rooms = rooms();
        Map<Long, List<BedUse>> beds = bedUse();
        Map<Long, Set<String>> occupantGenders = occupantGenders();
        Map<String, Long> staff = ids("staff", "staff_number");
        Duplicates keys = new Duplicates();
        Agreement communityNames = new Agreement();
        Agreement buildingNames = new Agreement();
        Agreement buildingGenders = new Agreement();
        Agreement buildingCommunities = new Agreement();
        Agreement buildingManagers = new Agreement();
        Map<String, String> gendersInFile = new HashMap<>();
        rows.forEach(r -> Cells.choice(r.get(BUILDING_GENDER), BUILDING_GENDERS)
                .ifPresent(g -> gendersInFile.putIfAbsent(r.get(BUILDING), g)));
        for (RosterRow row : rows) {
            String buildingCode = row.get(BUILDING);
            keys.check(row, ROOM, buildingCode + " " + row.get(ROOM), problems);
            communityNames.check(row, COMMUNITY_NAME, row.get(COMMUNITY), row.get(COMMUNITY_NAME), problems);
            Building building = buildings.get(buildingCode);
            String buildingGender = gendersInFile.getOrDefault(buildingCode, building == null ? null : building.gender());
            if (!row.isBlank(BUILDING_GENDER)) {
                buildingGender = Cells.choice(row.get(BUILDING_GENDER), BUILDING_GENDERS).orElse(null);
                if (buildingGender == null) {
                    problems.add(row, BUILDING_GENDER, "import.problem.choice", row.get(BUILDING_GENDER), "M 男, F 女, X 混合");
                }
            }
            buildingNames.check(row, BUILDING_NAME, buildingCode, row.get(BUILDING_NAME), problems);
            buildingGenders.check(row, BUILDING_GENDER, buildingCode, buildingGender == null ? "" : buildingGender, problems);
            buildingCommunities.check(row, COMMUNITY, buildingCode, row.get(COMMUNITY), problems);
            buildingManagers.check(row, MANAGER, buildingCode, row.get(MANAGER), problems);
            checkNumber(row, FLOOR, 1, MAX_FLOOR, problems);
            OptionalInt capacity = checkNumber(row, CAPACITY, 1, MAX_CAPACITY, problems);
            if (!row.isBlank(KIND) && Cells.choice(row.get(KIND), ROOM_KINDS).isEmpty()) {
                problems.add(row, KIND, "import.problem.choice", row.get(KIND), "STANDARD 标准间, SUITE 套间, ACCESSIBLE 无障碍间");
            }
            String roomGender = Cells.gender(row.get(ROOM_GENDER)).orElse(null);
            if (!row.isBlank(ROOM_GENDER) && roomGender == null) {
                problems.add(row, ROOM_GENDER, "import.problem.gender", row.get(ROOM_GENDER));
            }
            if (roomGender != null && buildingGender != null && !buildingGender.equals("X") && !buildingGender.equals(roomGender)) {
                problems.add(row, ROOM_GENDER, "import.problem.roomGenderBuilding", row.get(ROOM), buildingCode);
            }
            Room room = rooms.get(buildingCode + "/" + row.get(ROOM));
            if (room != null) {
                if (capacity.isPresent()) {
                    beds.getOrDefault(room.id(), List.of()).stream()
                            .filter(b -> b.used() && label(b.label()) > capacity.getAsInt()).findFirst()
                            .ifPresent(b -> problems.add(row, CAPACITY, "import.problem.capacityBelowUsed",
                                    row.get(ROOM), capacity.getAsInt(), b.label()));
                }
                if (roomGender != null && occupantGenders.getOrDefault(room.id(), Set.of()).stream().anyMatch(g -> !g.equals(roomGender))) {
                    problems.add(row, ROOM_GENDER, "import.problem.roomGenderOccupied", row.get(ROOM));
                }
            }
            if (!row.isBlank(MANAGER) && !staff.containsKey(row.get(MANAGER))) {
                problems.add(row, MANAGER, "import.problem.unknownStaff", row.get(MANAGER));
            }
            progress.advance(1);
        }
        Definitions.require(rows, problems, COMMUNITY, communities.keySet(), List.of(COMMUNITY_NAME), "import.problem.unknownCommunity");
        Definitions.require(rows, problems, BUILDING, buildings.keySet(), List.of(BUILDING_NAME, BUILDING_GENDER),
                "import.problem.unknownBuilding");
    }

    @Override
    public ImportCounts apply(List<RosterRow> rows, Viewer viewer, Progress progress) {
        Set<String> changedCommunities = upsertCommunities(rows);
        Set<String> changedBuildings = upsertBuildings(rows);
        insertFloors(rows);
        Map<String, Long> buildingIds = ids("building", "code");
        Map<String, Long> floors = floors();
        Map<String, Room> stored = rooms();
        ImportCounts.Tally tally = new ImportCounts.Tally();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> resized = new HashSet<>();
        for (RosterRow row : rows) {
            String key = row.get(BUILDING) + "/" + row.get(ROOM);
            Room before = stored.get(key);
            int floor = Cells.integer(row.get(FLOOR)).orElseThrow();
            int capacity = Cells.integer(row.get(CAPACITY)).orElseThrow();
            String gender = Cells.gender(row.get(ROOM_GENDER)).orElseThrow();
            String kind = Cells.choice(row.get(KIND), ROOM_KINDS).orElse(before == null ? "STANDARD" : before.kind());
            Long floorId = floors.get(row.get(BUILDING) + "/" + floor);
            boolean buildingChanged = changedBuildings.remove(row.get(BUILDING)) | changedCommunities.remove(row.get(COMMUNITY));
            if (before == null) {
                inserts.add(new Object[]{floorId, row.get(ROOM), kind, gender, capacity});
                resized.add(key);
                tally.created();
                continue;
            }
            Room after = new Room(before.id(), buildingIds.get(row.get(BUILDING)), floor, kind, gender, capacity);
            boolean changed = !after.equals(before);
            if (changed) {
                updates.add(new Object[]{floorId, kind, gender, capacity, before.id()});
                if (capacity != before.capacity()) {
                    resized.add(key);
                }
            }
            tally.updatedIf(changed || buildingChanged);
        }
        Batches.insert(jdbc, "room", List.of("floor_id", "number", "kind", "gender", "capacity"), inserts, progress);
        Batches.update(jdbc, "UPDATE room SET floor_id = ?, kind = ?, gender = ?, capacity = ? WHERE id = ?", updates, progress);
        progress.advance(rows.size() - inserts.size() - updates.size());
        fitBeds(resized);
        return tally.counts();
    }

    /** Gives each resized room beds 1..capacity, removing unused beds above it. */
    private void fitBeds(Set<String> resized) {
        if (resized.isEmpty()) {
            return;
        }
        Map<String, Room> rooms = rooms();
        Map<Long, Map<String, Long>> bedIds = new HashMap<>();
        jdbc.query("SELECT id, room_id, label FROM bed", rs -> {
            bedIds.computeIfAbsent(rs.getLong("room_id"), r -> new HashMap<>()).put(rs.getString("label"), rs.getLong("id"));
        });
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String key : resized) {
            Room room = rooms.get(key);
            Map<String, Long> labels = bedIds.getOrDefault(room.id(), Map.of());
            for (int label = 1; label <= room.capacity(); label++) {
                if (!labels.containsKey(String.valueOf(label))) {
                    inserts.add(new Object[]{room.id(), String.valueOf(label)});
                }
            }
            labels.forEach((label, id) -> {
                if (label(label) > room.capacity()) {
                    deletes.add(new Object[]{id});
                    deleted.add(key + "-" + label);
                }
            });
        }
        Batches.insert(jdbc, "bed", List.of("room_id", "label"), inserts);
        int[] counts = Batches.update(jdbc, """
                DELETE FROM bed WHERE id = ? AND occupant_id IS NULL
                AND NOT EXISTS (SELECT 1 FROM bed_assignment a WHERE a.bed_id = bed.id)""", deletes);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new RuleViolation("import.conflict.bedInUse", deleted.get(i));
            }
        }
    }

    private Set<String> upsertCommunities(List<RosterRow> rows) {
        Map<String, String> stored = new HashMap<>();
        jdbc.query("SELECT code, name FROM community", rs -> {
            stored.put(rs.getString(1), rs.getString(2));
        });
        Map<String, String> named = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.isBlank(COMMUNITY_NAME)).forEach(r -> named.putIfAbsent(r.get(COMMUNITY), r.get(COMMUNITY_NAME)));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> renames = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        named.forEach((code, name) -> {
            if (!stored.containsKey(code)) {
                inserts.add(new Object[]{code, name});
                changed.add(code);
            } else if (!stored.get(code).equals(name)) {
                renames.add(new Object[]{name, code});
                changed.add(code);
            }
        });
        Batches.update(jdbc, "INSERT INTO community (code, name) VALUES (?, ?)", inserts);
        Batches.update(jdbc, "UPDATE community SET name = ? WHERE code = ?", renames);
        return changed;
    }

    private Set<String> upsertBuildings(List<RosterRow> rows) {
        Map<String, Long> communities = ids("community", "code");
        Map<String, Long> staff = ids("staff", "staff_number");
        Map<String, Building> stored = buildings();
        Map<String, Map<String, String>> given = new LinkedHashMap<>();
        for (RosterRow row : rows) {
            Map<String, String> values = given.computeIfAbsent(row.get(BUILDING), code -> new HashMap<>());
            for (String column : List.of(COMMUNITY, BUILDING_NAME, BUILDING_GENDER, MANAGER)) {
                if (!row.isBlank(column)) {
                    values.putIfAbsent(column, row.get(column));
                }
            }
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        given.forEach((code, values) -> {
            Building before = stored.get(code);
            long community = communities.get(values.get(COMMUNITY));
            String gender = Cells.choice(values.get(BUILDING_GENDER), BUILDING_GENDERS).orElse(before == null ? null : before.gender());
            Long manager = values.containsKey(MANAGER) ? staff.get(values.get(MANAGER)) : before == null ? null : before.managerId();
            String name = values.getOrDefault(BUILDING_NAME, before == null ? null : before.name());
            if (before == null) {
                inserts.add(new Object[]{community, code, name, gender, manager});
                changed.add(code);
                return;
            }
            Building after = new Building(before.id(), community, name, gender, manager);
            if (!after.equals(before)) {
                updates.add(new Object[]{community, name, gender, manager, before.id()});
                changed.add(code);
            }
        });
        Batches.update(jdbc, "INSERT INTO building (community_id, code, name, gender, manager_staff_id) VALUES (?, ?, ?, ?, ?)", inserts);
        Batches.update(jdbc, "UPDATE building SET community_id = ?, name = ?, gender = ?, manager_staff_id = ? WHERE id = ?", updates);
        return changed;
    }

    private void insertFloors(List<RosterRow> rows) {
        Map<String, Long> buildings = ids("building", "code");
        Map<String, Long> floors = floors();
        List<Object[]> inserts = new ArrayList<>();
        Set<String> added = new HashSet<>();
        for (RosterRow row : rows) {
            int floor = Cells.integer(row.get(FLOOR)).orElseThrow();
            String key = row.get(BUILDING) + "/" + floor;
            if (!floors.containsKey(key) && added.add(key)) {
                inserts.add(new Object[]{buildings.get(row.get(BUILDING)), floor});
            }
        }
        Batches.update(jdbc, "INSERT INTO floor (building_id, number) VALUES (?, ?)", inserts);
    }

    private OptionalInt checkNumber(RosterRow row, String column, int min, int max, Problems problems) {
        if (row.isBlank(column)) {
            return OptionalInt.empty();
        }
        OptionalInt number = Cells.integer(row.get(column));
        if (number.isEmpty()) {
            problems.add(row, column, "import.problem.notNumber", row.get(column));
        } else if (number.getAsInt() < min || number.getAsInt() > max) {
            problems.add(row, column, "import.problem.range", row.get(column), min, max);
            return OptionalInt.empty();
        }
        return number;
    }

    /** A bed label as a number for comparing with the capacity; labels that are not numbers never exceed it. */
    private static int label(String label) {
        return Cells.integer(label).orElse(0);
    }

    private Map<String, Long> ids(String table, String key) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, " + key + " FROM " + table, rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        });
        return ids;
    }

    private Map<String, Building> buildings() {
        Map<String, Building> buildings = new HashMap<>();
        jdbc.query("SELECT id, code, community_id, name, gender, manager_staff_id FROM building", rs -> {
            buildings.put(rs.getString("code"), new Building(rs.getLong("id"), rs.getLong("community_id"), rs.getString("name"),
                    rs.getString("gender").trim(), rs.getObject("manager_staff_id", Long.class)));
        });
        return buildings;
    }

    /** Rooms by building code and room number. */
    private Map<String, Room> rooms() {
        Map<String, Room> rooms = new HashMap<>();
        jdbc.query("""
                SELECT r.id, bu.id AS building_id, bu.code, f.number AS floor, r.number, r.kind, r.gender, r.capacity
                FROM room r JOIN floor f ON f.id = r.floor_id JOIN building bu ON bu.id = f.building_id""", rs -> {
            rooms.put(rs.getString("code") + "/" + rs.getString("number"), new Room(rs.getLong("id"), rs.getLong("building_id"),
                    rs.getInt("floor"), rs.getString("kind"), rs.getString("gender").trim(), rs.getInt("capacity")));
        });
        return rooms;
    }

    private Map<String, Long> floors() {
        Map<String, Long> floors = new HashMap<>();
        jdbc.query("SELECT f.id, bu.code, f.number FROM floor f JOIN building bu ON bu.id = f.building_id", rs -> {
            floors.put(rs.getString(2) + "/" + rs.getInt(3), rs.getLong(1));
        });
        return floors;
    }

    private Map<Long, List<BedUse>> bedUse() {
        Map<Long, List<BedUse>> beds = new HashMap<>();
        jdbc.query("""
                SELECT b.room_id, b.label, b.occupant_id IS NOT NULL
                       OR EXISTS (SELECT 1 FROM bed_assignment a WHERE a.bed_id = b.id) AS used
                FROM bed b""", rs -> {
            beds.computeIfAbsent(rs.getLong("room_id"), r -> new ArrayList<>())
                    .add(new BedUse(rs.getString("label"), rs.getBoolean("used")));
        });
        return beds;
    }

    private Map<Long, Set<String>> occupantGenders() {
        Map<Long, Set<String>> genders = new HashMap<>();
        jdbc.query("SELECT DISTINCT b.room_id, s.gender FROM bed b JOIN student s ON s.id = b.occupant_id", rs -> {
            genders.computeIfAbsent(rs.getLong(1), r -> new HashSet<>()).add(rs.getString(2).trim());
        });
        return genders;
    }
}
