package org.shouwang.residence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.imports.Batches;
import org.shouwang.imports.Column;
import org.shouwang.imports.Duplicates;
import org.shouwang.imports.ImportCounts;
import org.shouwang.imports.ImportKind;
import org.shouwang.imports.Problems;
import org.shouwang.imports.Progress;
import org.shouwang.imports.RosterKind;
import org.shouwang.imports.RosterRow;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who sleeps where, one student per row: checks a student in, or moves them from the bed they
 * have (ending that stay as MOVED); the same bed again changes nothing. Beds are vacated before
 * any is taken, so students may swap beds within one file; every change is a conditional update,
 * as in {@link BedStore}, and leaves a stay in the history.
 */
@Component
class BedAssignmentRoster implements RosterKind {

    static final String STUDENT = "student_number";
    static final String BUILDING = "building_code";
    static final String ROOM = "room_number";
    static final String BED = "bed_label";

    record Student(long id, String number, String gender) {
    }

    record Place(long bedId, String building, String room, String label, String roomGender, Long occupantId,
                 boolean reserved) {
        String describe() {
            return building + " " + room + "-" + label;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BedAssignmentRoster(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.BED_ASSIGNMENTS;
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.required(STUDENT, 32, "2025000001"), Column.required(BUILDING, 32, "N1"),
                Column.required(ROOM, 16, "301"), Column.required(BED, 8, "1"));
    }

    @Override
    public void validate(List<RosterRow> rows, Problems problems, Progress progress) {
        Map<String, Student> students = students();
        Map<Long, String> numbers = new HashMap<>();
        students.values().forEach(s -> numbers.put(s.id(), s.number()));
        Map<String, Place> beds = beds();
        Set<String> buildings = new HashSet<>();
        Set<String> rooms = new HashSet<>();
        beds.values().forEach(b -> {
            buildings.add(b.building());
            rooms.add(b.building() + "/" + b.room());
        });
        buildings.addAll(buildingCodes());
        Duplicates studentsInFile = new Duplicates();
        Duplicates bedsInFile = new Duplicates();
        Map<Long, RosterRow> rowOfStudent = new HashMap<>();
        Map<RosterRow, Place> waitingForBed = new LinkedHashMap<>();
        for (RosterRow row : rows) {
            progress.advance(1);
            studentsInFile.check(row, STUDENT, row.get(STUDENT), problems);
            Student student = students.get(row.get(STUDENT));
            if (!row.isBlank(STUDENT) && student == null) {
                problems.add(row, STUDENT, "import.problem.unknownStudent", row.get(STUDENT));
            }
            Place bed = place(row, beds, buildings, rooms, problems);
            if (bed == null) {
                continue;
            }
            if (bedsInFile.check(row, BED, bed.describe(), problems) || student == null) {
                continue;
            }
            rowOfStudent.putIfAbsent(student.id(), row);
            if (!student.gender().equals(bed.roomGender())) {
                problems.add(row, BED, "import.problem.genderMismatch", student.number(), bed.describe());
            } else if (bed.occupantId() != null && bed.occupantId() != student.id()) {
                waitingForBed.put(row, bed);
            } else if (bed.reserved() && bed.occupantId() == null) {
                problems.add(row, BED, "import.problem.bedReserved", bed.describe());
            }
        }
        // A bed someone sleeps in is free for another row only if its sleeper moves out in a valid row.
        boolean settled;
        do {
            settled = true;
            for (var waiting : waitingForBed.entrySet()) {
                RosterRow row = waiting.getKey();
                Place bed = waiting.getValue();
                RosterRow leaving = rowOfStudent.get(bed.occupantId());
                if (!problems.has(row) && (leaving == null || problems.has(leaving))) {
                    problems.add(row, BED, "import.problem.bedTaken", bed.describe(), numbers.get(bed.occupantId()));
                    settled = false;
                }
            }
        } while (!settled);
    }

    @Override
    public ImportCounts apply(List<RosterRow> rows, Viewer viewer, Progress progress) {
        Map<String, Student> students = students();
        Map<String, Place> beds = beds();
        Map<Long, Place> current = new HashMap<>();
        beds.values().stream().filter(b -> b.occupantId() != null).forEach(b -> current.put(b.occupantId(), b));
        OffsetDateTime now = Timestamps.of(clock.instant());
        String by = viewer.username();
        ImportCounts.Tally tally = new ImportCounts.Tally();
        List<Object[]> vacate = new ArrayList<>();
        List<Object[]> endStays = new ArrayList<>();
        List<Object[]> occupy = new ArrayList<>();
        List<Object[]> startStays = new ArrayList<>();
        List<String> described = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (RosterRow row : rows) {
            Student student = students.get(row.get(STUDENT));
            Place to = beds.get(key(row.get(BUILDING), row.get(ROOM), row.get(BED)));
            Place from = current.get(student.id());
            if (from != null && from.bedId() == to.bedId()) {
                tally.unchanged();
                continue;
            }
            if (from != null) {
                vacate.add(new Object[]{from.bedId(), student.id()});
                endStays.add(new Object[]{now, by, from.bedId(), student.id()});
                left.add(from.describe());
                tally.updated();
            } else {
                tally.created();
            }
            occupy.add(new Object[]{student.id(), to.bedId()});
            startStays.add(new Object[]{to.bedId(), student.id(), now, by});
            described.add(to.describe());
        }
        progress.advance(rows.size() - occupy.size());
        requireEach(Batches.update(jdbc, "UPDATE bed SET occupant_id = NULL WHERE id = ? AND occupant_id = ?", vacate), left);
        Batches.update(jdbc, """
                UPDATE bed_assignment SET ended_at = ?, ended_by = ?, end_reason = 'MOVED'
                WHERE bed_id = ? AND student_id = ? AND ended_at IS NULL""", endStays);
        requireEach(Batches.update(jdbc, """
                UPDATE bed SET occupant_id = ? WHERE id = ? AND occupant_id IS NULL AND reserved = FALSE""", occupy, progress),
                described);
        Batches.insert(jdbc, "bed_assignment", List.of("bed_id", "student_id", "started_at", "started_by"), startStays);
        return tally.counts();
    }

    /** The bed a row names, or null after reporting which part of the address is unknown. */
    private static Place place(RosterRow row, Map<String, Place> beds, Set<String> buildings, Set<String> rooms,
                               Problems problems) {
        if (row.isBlank(BUILDING) || row.isBlank(ROOM) || row.isBlank(BED)) {
            return null;
        }
        Place bed = beds.get(key(row.get(BUILDING), row.get(ROOM), row.get(BED)));
        if (bed != null) {
            return bed;
        }
        if (!buildings.contains(row.get(BUILDING))) {
            problems.add(row, BUILDING, "import.problem.unknownBuilding", row.get(BUILDING));
        } else if (!rooms.contains(row.get(BUILDING) + "/" + row.get(ROOM))) {
            problems.add(row, ROOM, "import.problem.unknownRoom", row.get(BUILDING), row.get(ROOM));
        } else {
            problems.add(row, BED, "import.problem.unknownBed", row.get(BUILDING) + " " + row.get(ROOM) + "-" + row.get(BED));
        }
        return null;
    }

    /** Someone changed a bed since the file was validated: the whole import rolls back. */
    private static void requireEach(int[] counts, List<String> beds) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new RuleViolation("import.conflict.bedChanged", beds.get(i));
            }
        }
    }

    private static String key(String building, String room, String label) {
        return building + "/" + room + "/" + label;
    }

    private Map<String, Student> students() {
        Map<String, Student> students = new HashMap<>();
        jdbc.query("SELECT id, student_number, gender FROM student", rs -> {
            students.put(rs.getString(2), new Student(rs.getLong(1), rs.getString(2), rs.getString(3).trim()));
        });
        return students;
    }

    private Set<String> buildingCodes() {
        return new HashSet<>(jdbc.queryForList("SELECT code FROM building", String.class));
    }

    private Map<String, Place> beds() {
        Map<String, Place> beds = new HashMap<>();
        jdbc.query("""
                SELECT b.id, bu.code, r.number, b.label, r.gender, b.occupant_id, b.reserved
                FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                JOIN building bu ON bu.id = f.building_id""", rs -> {
            Place place = new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5).trim(),
                    rs.getObject(6, Long.class), rs.getBoolean(7));
            beds.put(key(place.building(), place.room(), place.label()), place);
        });
        return beds;
    }
}
