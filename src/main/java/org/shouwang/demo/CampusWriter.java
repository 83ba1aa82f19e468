package org.shouwang.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a generated {@link Campus} into an empty database in batches. Used for the demo campus,
 * tests and benchmarks; rosters of a real university come in through the import pages instead.
 */
@Component
public class CampusWriter {

    private final JdbcTemplate jdbc;

    CampusWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void write(Campus campus) {
        batch("INSERT INTO department (code, name) VALUES (?, ?)", campus.departments(), d -> new Object[]{d.code(), d.name()});
        batch("INSERT INTO college (code, name) VALUES (?, ?)", campus.colleges(), c -> new Object[]{c.code(), c.name()});
        Map<String, Long> colleges = ids("college", "code");
        Map<String, Long> departments = ids("department", "code");
        batch("INSERT INTO major (code, name, college_id) VALUES (?, ?, ?)", campus.majors(),
                m -> new Object[]{m.code(), m.name(), colleges.get(m.collegeCode())});
        batch("INSERT INTO staff (staff_number, name, gender, phone, department_id, college_id, title) VALUES (?, ?, ?, ?, ?, ?, ?)",
                campus.staff(), s -> new Object[]{s.number(), s.name(), s.gender(), s.phone(),
                        departments.get(s.departmentCode()), colleges.get(s.collegeCode()), s.title()});
        Map<String, Long> majors = ids("major", "code");
        Map<String, Long> staff = ids("staff", "staff_number");
        batch("INSERT INTO class_group (code, name, grade_year, major_id, counsellor_id, head_teacher_id) VALUES (?, ?, ?, ?, ?, ?)",
                campus.classes(), c -> new Object[]{c.code(), c.name(), c.gradeYear(), majors.get(c.majorCode()),
                        staff.get(c.counsellorNumber()), staff.get(c.headTeacherNumber())});
        Map<String, Long> classes = ids("class_group", "code");
        batch("INSERT INTO student (student_number, name, gender, class_id, id_card, phone, political_status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                campus.students(), s -> new Object[]{s.number(), s.name(), s.gender(), classes.get(s.classCode()),
                        s.idCard(), s.phone(), s.politicalStatus()});
        jdbc.update("INSERT INTO community (code, name) VALUES (?, ?)", campus.community().code(), campus.community().name());
        long community = jdbc.queryForObject("SELECT id FROM community WHERE code = ?", Long.class, campus.community().code());
        batch("INSERT INTO building (community_id, code, name, gender, manager_staff_id) VALUES (?, ?, ?, ?, ?)",
                campus.buildings(), b -> new Object[]{community, b.code(), b.name(), b.gender(), staff.get(b.managerNumber())});
        Map<String, Long> buildings = ids("building", "code");
        List<Object[]> floors = campus.buildings().stream()
                .flatMap(b -> java.util.stream.IntStream.rangeClosed(1, b.floors()).mapToObj(f -> new Object[]{buildings.get(b.code()), f}))
                .toList();
        jdbc.batchUpdate("INSERT INTO floor (building_id, number) VALUES (?, ?)", floors);
        Map<String, Long> floorIds = new HashMap<>();
        jdbc.query("SELECT f.id, b.code, f.number FROM floor f JOIN building b ON b.id = f.building_id",
                rs -> {
                    floorIds.put(rs.getString(2) + "/" + rs.getInt(3), rs.getLong(1));
                });
        batch("INSERT INTO room (floor_id, number, kind, gender, capacity) VALUES (?, ?, ?, ?, ?)", campus.rooms(),
                r -> new Object[]{floorIds.get(r.buildingCode() + "/" + r.floor()), r.number(), r.kind(), r.gender(), r.capacity()});
        jdbc.update("""
                INSERT INTO bed (room_id, label)
                SELECT r.id, CAST(n.x AS VARCHAR) FROM room r JOIN (SELECT x FROM generate_series(1, 12) AS g(x)) n ON n.x <= r.capacity""");
        Map<String, Long> beds = new HashMap<>();
        jdbc.query("""
                SELECT b.id, bu.code, r.number, b.label FROM bed b JOIN room r ON r.id = b.room_id
                JOIN floor f ON f.id = r.floor_id JOIN building bu ON bu.id = f.building_id""",
                rs -> {
                    beds.put(rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4), rs.getLong(1));
                });
        Map<String, Long> students = ids("student", "student_number");
        List<Object[]> occupancy = campus.stays().stream()
                .map(s -> new Object[]{students.get(s.studentNumber()), beds.get(s.buildingCode() + "/" + s.room() + "/" + s.bed())})
                .toList();
        jdbc.batchUpdate("UPDATE bed SET occupant_id = ? WHERE id = ?", occupancy);
        jdbc.update("""
                INSERT INTO bed_assignment (bed_id, student_id, started_at, started_by)
                SELECT id, occupant_id, TIMESTAMP WITH TIME ZONE '2025-09-01 09:00:00+08:00', 'demo' FROM bed WHERE occupant_id IS NOT NULL""");
        // A few beds are held for students returning from leave or military service.
        jdbc.update("""
                UPDATE bed SET reserved = TRUE WHERE occupant_id IS NULL AND id IN
                  (SELECT min(b.id) FROM bed b JOIN room r ON r.id = b.room_id WHERE b.occupant_id IS NULL GROUP BY r.floor_id)""");
    }

    private <T> void batch(String sql, List<T> items, java.util.function.Function<T, Object[]> row) {
        jdbc.batchUpdate(sql, items.stream().map(row).toList());
    }

    private Map<String, Long> ids(String table, String key) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, " + key + " FROM " + table, rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        });
        return ids;
    }
}
