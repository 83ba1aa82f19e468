package org.shouwang.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.identity.PersonDirectory;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Page;
import org.shouwang.shared.PersonalData;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vertical chain — colleges, majors, classes, students — and staff and departments. Every
 * method that returns students narrows them to the viewer's scope in the query itself.
 */
@Service
@Transactional(readOnly = true)
public class People implements PersonDirectory {

    private static final String CLASS_COLUMNS = """
            c.id, c.code, c.name, c.grade_year, m.id AS major_id, m.name AS major, co.id AS college_id,
            co.name AS college, c.counsellor_id, cs.name AS counsellor, c.head_teacher_id, hs.name AS head_teacher,
            (SELECT count(*) FROM student s WHERE s.class_id = c.id) AS students
            FROM class_group c JOIN major m ON m.id = c.major_id JOIN college co ON co.id = m.college_id
            LEFT JOIN staff cs ON cs.id = c.counsellor_id LEFT JOIN staff hs ON hs.id = c.head_teacher_id""";

    private final JdbcClient jdbc;
    private final Housing housing;

    People(JdbcClient jdbc, Housing housing) {
        this.jdbc = jdbc;
        this.housing = housing;
    }

    public List<Structure.College> colleges() {
        return jdbc.sql("""
                        SELECT co.id, co.code, co.name,
                               (SELECT count(*) FROM major m WHERE m.college_id = co.id) AS majors,
                               (SELECT count(*) FROM class_group c JOIN major m ON m.id = c.major_id WHERE m.college_id = co.id) AS classes,
                               (SELECT count(*) FROM student s JOIN class_group c ON c.id = s.class_id JOIN major m ON m.id = c.major_id
                                 WHERE m.college_id = co.id) AS students
                        FROM college co ORDER BY co.code""")
                .query((rs, n) -> new Structure.College(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("majors"), rs.getLong("classes"), rs.getLong("students")))
                .list();
    }

    /** Every college's name by id, in code order, without the counts: for other modules' checks and labels. */
    public Map<Long, String> collegeNames() {
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM college ORDER BY code").query(rs -> {
            names.put(rs.getLong("id"), rs.getString("name"));
        });
        return names;
    }

    public Structure.College college(long id) {
        return colleges().stream().filter(c -> c.id() == id).findFirst().orElseThrow(() -> new NotFoundException("college", id));
    }

    public List<Structure.Major> majors(long collegeId) {
        return jdbc.sql("""
                        SELECT m.id, m.code, m.name, co.id AS college_id, co.name AS college,
                               (SELECT count(*) FROM class_group c WHERE c.major_id = m.id) AS classes,
                               (SELECT count(*) FROM student s JOIN class_group c ON c.id = s.class_id WHERE c.major_id = m.id) AS students
                        FROM major m JOIN college co ON co.id = m.college_id
                        WHERE co.id = ? ORDER BY m.code""")
                .param(collegeId)
                .query((rs, n) -> new Structure.Major(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("college_id"), rs.getString("college"), rs.getLong("classes"), rs.getLong("students")))
                .list();
    }

    public Structure.Major major(long id) {
        return jdbc.sql("SELECT college_id FROM major WHERE id = ?").param(id).query(Long.class).optional()
                .flatMap(collegeId -> majors(collegeId).stream().filter(m -> m.id() == id).findFirst())
                .orElseThrow(() -> new NotFoundException("major", id));
    }

    public List<Structure.ClassGroup> classesOfMajor(long majorId) {
        return jdbc.sql("SELECT " + CLASS_COLUMNS + " WHERE m.id = ? ORDER BY c.grade_year DESC, c.code")
                .param(majorId).query(People::classGroup).list();
    }

    /** The classes a counsellor or head teacher looks after. */
    public List<Structure.ClassGroup> classesOf(Viewer viewer) {
        if (viewer.staffId() == null) {
            return List.of();
        }
        return jdbc.sql("SELECT " + CLASS_COLUMNS + " WHERE c.counsellor_id = :staff OR c.head_teacher_id = :staff ORDER BY c.code")
                .param("staff", viewer.staffId()).query(People::classGroup).list();
    }

    public Structure.ClassGroup classGroup(long id) {
        return jdbc.sql("SELECT " + CLASS_COLUMNS + " WHERE c.id = ?").param(id).query(People::classGroup).optional()
                .orElseThrow(() -> new NotFoundException("class", id));
    }

    public List<Structure.Department> departments() {
        return jdbc.sql("SELECT id, code, name FROM department ORDER BY code")
                .query((rs, n) -> new Structure.Department(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .list();
    }

    /** Whether the viewer may see students of this class at all (their names, not just the count). */
    public boolean seesClass(Viewer viewer, long classId) {
        StudentScope scope = scopeOf(viewer);
        return scope.everyone() || scope.classIds().contains(classId);
    }

    /**
     * Students matching a student number (prefix) or a name (any part), optionally of one class,
     * within the viewer's scope. Only the conditions that narrow anything go into the query, and a
     * term of digits only is a student-number prefix, which the unique index answers in order.
     */
    public Page<StudentSummary> searchStudents(Viewer viewer, String q, Long classId, int page, int size) {
        StudentScope scope = scopeOf(viewer);
        if (scope.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        String text = q == null ? "" : q.trim();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!scope.everyone()) {
            conditions.add("(s.class_id = ANY(:classes) OR s.id = ANY(:students))");
            params.put("classes", scope.classArray());
            params.put("students", scope.studentArray());
        }
        if (!text.isEmpty()) {
            boolean number = text.chars().allMatch(Character::isDigit);
            conditions.add(number ? "s.student_number LIKE :prefix" : "(s.name LIKE :part OR s.student_number LIKE :prefix)");
            params.put("prefix", escape(text) + "%");
            if (!number) {
                params.put("part", "%" + escape(text) + "%");
            }
        }
        if (classId != null) {
            conditions.add("s.class_id = :classId");
            params.put("classId", classId);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        // One scan: the window counts every match while the page is cut from them.
        record Row(StudentSummary student, long total) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT s.id, s.student_number, s.name, s.gender, s.class_id, c.name AS class_name,
                               count(*) OVER () AS total
                        FROM student s JOIN class_group c ON c.id = s.class_id""" + where
                        + " ORDER BY s.student_number LIMIT :size OFFSET :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new Row(summary(rs, n), rs.getLong("total"))).list();
        List<StudentSummary> students = rows.stream().map(Row::student).toList();
        long total = !rows.isEmpty() ? rows.get(0).total() : page == 0 ? 0
                : jdbc.sql("SELECT count(*) FROM student s" + where).params(params).query(Long.class).single();
        return new Page<>(students, page, size, total);
    }

    /** A student's profile, or 404 when the student does not exist or is outside the viewer's scope. */
    public StudentProfile profile(Viewer viewer, long studentId) {
        record Row(StudentSummary summary, PoliticalStatus status, String phone, String idCard) {
        }
        Row row = jdbc.sql("""
                        SELECT s.id, s.student_number, s.name, s.gender, s.class_id, c.name AS class_name,
                               s.political_status, s.phone, s.id_card
                        FROM student s JOIN class_group c ON c.id = s.class_id WHERE s.id = ?""")
                .param(studentId)
                .query((rs, n) -> new Row(summary(rs, n), PoliticalStatus.valueOf(rs.getString("political_status")),
                        rs.getString("phone"), rs.getString("id_card")))
                .optional()
                .filter(r -> scopeOf(viewer).includes(r.summary().classId(), studentId))
                .orElseThrow(() -> new NotFoundException("student", studentId));
        Structure.ClassGroup classGroup = classGroup(row.summary().classId());
        boolean self = viewer.isStudent(studentId);
        boolean carer = viewer.staffId() != null && (viewer.staffId().equals(classGroup.counsellorId())
                || viewer.staffId().equals(classGroup.headTeacherId()));
        boolean phoneVisible = viewer.isAdmin() || self || carer || viewer.has(Role.BUILDING_MANAGER);
        boolean idCardVisible = viewer.isAdmin() || self;
        StudentSummary s = row.summary();
        return new StudentProfile(s.id(), s.studentNumber(), s.name(), s.gender(), row.status(),
                phoneVisible ? row.phone() : PersonalData.maskPhone(row.phone()),
                idCardVisible ? row.idCard() : PersonalData.maskIdCard(row.idCard()),
                classGroup, housing.placeOf(studentId));
    }

    /** A student by id, no scope applied: for other modules' rules (gender of a bed), never for display. */
    public Optional<StudentSummary> student(long id) {
        return jdbc.sql("""
                        SELECT s.id, s.student_number, s.name, s.gender, s.class_id, c.name AS class_name
                        FROM student s JOIN class_group c ON c.id = s.class_id WHERE s.id = ?""")
                .param(id).query(People::summary).optional();
    }

    /** A student's class, college, grade and political status in one look, no scope applied: for other modules' rules. */
    public Optional<Enrolment> enrolment(long studentId) {
        return jdbc.sql("""
                        SELECT s.id, s.student_number, s.name, s.class_id, m.college_id, c.grade_year, s.political_status
                        FROM student s JOIN class_group c ON c.id = s.class_id JOIN major m ON m.id = c.major_id
                        WHERE s.id = ?""")
                .param(studentId)
                .query((rs, n) -> new Enrolment(rs.getLong("id"), rs.getString("student_number"), rs.getString("name"),
                        rs.getLong("class_id"), rs.getLong("college_id"), rs.getInt("grade_year"),
                        PoliticalStatus.valueOf(rs.getString("political_status"))))
                .optional();
    }

    /** Students by id, no scope applied: for lists another module has already narrowed to what the viewer may see. */
    public Map<Long, StudentSummary> summaries(Collection<Long> ids) {
        Map<Long, StudentSummary> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT s.id, s.student_number, s.name, s.gender, s.class_id, c.name AS class_name
                        FROM student s JOIN class_group c ON c.id = s.class_id WHERE s.id = ANY(?)""")
                .param(ids.toArray(Long[]::new)).query(People::summary).list()
                .forEach(s -> found.put(s.id(), s));
        return found;
    }

    /** The students of one class by student number, no scope applied: for modules that checked the viewer's right to the class. */
    public List<StudentSummary> studentsOfClass(long classId) {
        return jdbc.sql("""
                        SELECT s.id, s.student_number, s.name, s.gender, s.class_id, c.name AS class_name
                        FROM student s JOIN class_group c ON c.id = s.class_id WHERE s.class_id = ? ORDER BY s.student_number""")
                .param(classId).query(People::summary).list();
    }

    public Optional<StudentSummary> studentByNumber(String studentNumber) {
        return jdbc.sql("""
                        SELECT s.id, s.student_number, s.name, s.gender, s.class_id, c.name AS class_name
                        FROM student s JOIN class_group c ON c.id = s.class_id WHERE s.student_number = ?""")
                .param(studentNumber.trim()).query(People::summary).optional();
    }

    /** Those of the given students the viewer may see, with one look at the viewer's scope. */
    public Set<Long> visibleAmong(Viewer viewer, Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return Set.of();
        }
        StudentScope scope = scopeOf(viewer);
        Set<Long> visible = new HashSet<>();
        jdbc.sql("SELECT id, class_id FROM student WHERE id = ANY(?)").param(studentIds.toArray(Long[]::new))
                .query(rs -> {
                    if (scope.includes(rs.getLong("class_id"), rs.getLong("id"))) {
                        visible.add(rs.getLong("id"));
                    }
                });
        return visible;
    }

    /** Whether the viewer may see this student (same rule as {@link #profile}). */
    public boolean sees(Viewer viewer, long studentId) {
        return student(studentId).map(s -> scopeOf(viewer).includes(s.classId(), s.id())).orElse(false);
    }

    public Optional<Long> staffIdByNumber(String staffNumber) {
        return jdbc.sql("SELECT id FROM staff WHERE staff_number = ?").param(staffNumber.trim()).query(Long.class).optional();
    }

    @Override
    public Optional<Person> findByNumber(String number) {
        Optional<Person> student = jdbc.sql("SELECT id, name FROM student WHERE student_number = ?").param(number)
                .query((rs, n) -> new Person(rs.getLong("id"), null, rs.getString("name"), null)).optional();
        if (student.isPresent()) {
            return student;
        }
        return jdbc.sql("SELECT id, name, department_id FROM staff WHERE staff_number = ?").param(number)
                .query((rs, n) -> new Person(null, rs.getLong("id"), rs.getString("name"),
                        rs.getObject("department_id", Long.class)))
                .optional();
    }

    @Override
    public List<Accounts.StudentLogin> studentLogins() {
        return jdbc.sql("SELECT id, student_number, name FROM student ORDER BY id")
                .query((rs, n) -> new Accounts.StudentLogin(rs.getLong("id"), rs.getString("student_number"),
                        rs.getString("name")))
                .list();
    }

    @Override
    public List<PersonDirectory.Department> accountDepartments() {
        return departments().stream().map(d -> new PersonDirectory.Department(d.id(), d.name())).toList();
    }

    StudentScope scopeOf(Viewer viewer) {
        if (viewer.isAdmin()) {
            return new StudentScope(true, Set.of(), Set.of());
        }
        Set<Long> classes = Set.of();
        if ((viewer.has(Role.COUNSELLOR) || viewer.has(Role.HEAD_TEACHER)) && viewer.staffId() != null) {
            classes = Set.copyOf(jdbc.sql("SELECT id FROM class_group WHERE counsellor_id = :staff OR head_teacher_id = :staff")
                    .param("staff", viewer.staffId()).query(Long.class).list());
        }
        Set<Long> students = new HashSet<>();
        if (viewer.has(Role.BUILDING_MANAGER) || viewer.has(Role.BUILDING_LEADER) || viewer.has(Role.FLOOR_LEADER)) {
            students.addAll(housing.residentsServedBy(viewer));
        }
        if (viewer.studentId() != null) {
            students.add(viewer.studentId());
        }
        return new StudentScope(false, classes, students);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static StudentSummary summary(ResultSet rs, int n) throws SQLException {
        return new StudentSummary(rs.getLong("id"), rs.getString("student_number"), rs.getString("name"),
                Gender.of(rs.getString("gender")), rs.getLong("class_id"), rs.getString("class_name"));
    }

    private static Structure.ClassGroup classGroup(ResultSet rs, int n) throws SQLException {
        return new Structure.ClassGroup(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getInt("grade_year"), rs.getLong("major_id"), rs.getString("major"), rs.getLong("college_id"),
                rs.getString("college"), rs.getObject("counsellor_id", Long.class), rs.getString("counsellor"),
                rs.getObject("head_teacher_id", Long.class), rs.getString("head_teacher"), rs.getLong("students"));
    }
}
