package org.shouwang.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

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
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The class roster, upserted by class code. The college and major of each row are created or
 * renamed from the row; a new major needs its name and college, a new college its name.
 * Counsellor and head teacher are staff numbers that must exist.
 */
@Component
class ClassRoster implements RosterKind {

    static final String CODE = "class_code";
    static final String NAME = "class_name";
    static final String GRADE = "grade_year";
    static final String MAJOR = "major_code";
    static final String MAJOR_NAME = "major_name";
    static final String COLLEGE = "college_code";
    static final String COLLEGE_NAME = "college_name";
    static final String COUNSELLOR = "counsellor_staff_number";
    static final String HEAD_TEACHER = "head_teacher_staff_number";
    static final int FIRST_GRADE = 1950;
    static final int LAST_GRADE = 2100;

    private record ClassGroup(String name, int gradeYear, long majorId, Long counsellorId, Long headTeacherId) {
    }

    private record Major(String name, long collegeId) {
    }

    private final JdbcTemplate jdbc;

    ClassRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CLASSES;
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.required(CODE, 32, "RJ2501"), Column.required(NAME, 100, "软件2501班"),
                Column.required(GRADE, 8, "2025"), Column.required(MAJOR, 32, "RJ"),
                Column.optional(MAJOR_NAME, 100, "软件技术"), Column.optional(COLLEGE, 32, "XX"),
                Column.optional(COLLEGE_NAME, 100, "信息工程学院"), Column.optional(COUNSELLOR, 32, "T00001"),
                Column.optional(HEAD_TEACHER, 32, "T00002"));
    }

    @Override
    public void validate(List<RosterRow> rows, Problems problems, Progress progress) {
        Map<String, Long> colleges = RosterQueries.ids(jdbc, "college", "code");
        Map<String, Long> majors = RosterQueries.ids(jdbc, "major", "code");
        Map<String, Long> staff = RosterQueries.ids(jdbc, "staff", "staff_number");
        Duplicates codes = new Duplicates();
        Agreement collegeNames = new Agreement();
        Agreement majorNames = new Agreement();
        Agreement majorColleges = new Agreement();
        for (RosterRow row : rows) {
            codes.check(row, CODE, row.get(CODE), problems);
            if (!row.isBlank(GRADE)) {
                OptionalInt grade = Cells.integer(row.get(GRADE));
                if (grade.isEmpty()) {
                    problems.add(row, GRADE, "import.problem.notNumber", row.get(GRADE));
                } else if (grade.getAsInt() < FIRST_GRADE || grade.getAsInt() > LAST_GRADE) {
                    problems.add(row, GRADE, "import.problem.range", row.get(GRADE), FIRST_GRADE, LAST_GRADE);
                }
            }
            collegeNames.check(row, COLLEGE_NAME, row.get(COLLEGE), row.get(COLLEGE_NAME), problems);
            majorNames.check(row, MAJOR_NAME, row.get(MAJOR), row.get(MAJOR_NAME), problems);
            majorColleges.check(row, COLLEGE, row.get(MAJOR), row.get(COLLEGE), problems);
            for (String column : List.of(COUNSELLOR, HEAD_TEACHER)) {
                if (!row.isBlank(column) && !staff.containsKey(row.get(column))) {
                    problems.add(row, column, "import.problem.unknownStaff", row.get(column));
                }
            }
            progress.advance(1);
        }
        Definitions.require(rows, problems, COLLEGE, colleges.keySet(), List.of(COLLEGE_NAME), "import.problem.unknownCollege");
        Definitions.require(rows, problems, MAJOR, majors.keySet(), List.of(MAJOR_NAME, COLLEGE), "import.problem.unknownMajor");
    }

    @Override
    public ImportCounts apply(List<RosterRow> rows, Viewer viewer, Progress progress) {
        RosterQueries.upsertCodeNames(jdbc, "college", rows, COLLEGE, COLLEGE_NAME);
        upsertMajors(rows);
        Map<String, Long> majors = RosterQueries.ids(jdbc, "major", "code");
        Map<String, Long> staff = RosterQueries.ids(jdbc, "staff", "staff_number");
        Map<String, Long> ids = new HashMap<>();
        Map<String, ClassGroup> stored = new HashMap<>();
        jdbc.query("SELECT id, code, name, grade_year, major_id, counsellor_id, head_teacher_id FROM class_group", rs -> {
            ids.put(rs.getString("code"), rs.getLong("id"));
            stored.put(rs.getString("code"), new ClassGroup(rs.getString("name"), rs.getInt("grade_year"),
                    rs.getLong("major_id"), rs.getObject("counsellor_id", Long.class), rs.getObject("head_teacher_id", Long.class)));
        });
        ImportCounts.Tally tally = new ImportCounts.Tally();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (RosterRow row : rows) {
            ClassGroup before = stored.get(row.get(CODE));
            Long counsellor = staff.get(row.get(COUNSELLOR));
            Long headTeacher = staff.get(row.get(HEAD_TEACHER));
            ClassGroup after = new ClassGroup(row.get(NAME), Cells.integer(row.get(GRADE)).orElseThrow(),
                    majors.get(row.get(MAJOR)),
                    counsellor != null || before == null ? counsellor : before.counsellorId(),
                    headTeacher != null || before == null ? headTeacher : before.headTeacherId());
            if (before == null) {
                inserts.add(new Object[]{row.get(CODE), after.name(), after.gradeYear(), after.majorId(), after.counsellorId(),
                        after.headTeacherId()});
                tally.created();
            } else if (!Objects.equals(before, after)) {
                updates.add(new Object[]{after.name(), after.gradeYear(), after.majorId(), after.counsellorId(),
                        after.headTeacherId(), ids.get(row.get(CODE))});
                tally.updated();
            } else {
                tally.unchanged();
                progress.advance(1);
            }
        }
        Batches.insert(jdbc, "class_group", List.of("code", "name", "grade_year", "major_id", "counsellor_id",
                "head_teacher_id"), inserts, progress);
        Batches.update(jdbc, """
                UPDATE class_group SET name = ?, grade_year = ?, major_id = ?, counsellor_id = ?, head_teacher_id = ?
                WHERE id = ?""", updates, progress);
        return tally.counts();
    }


    /** New majors from name and college; stored majors take a new name or college when a row gives one. */
    private void upsertMajors(List<RosterRow> rows) {
        Map<String, Long> colleges = RosterQueries.ids(jdbc, "college", "code");
        Map<String, Major> stored = new HashMap<>();
        jdbc.query("SELECT code, name, college_id FROM major", rs -> {
            stored.put(rs.getString(1), new Major(rs.getString(2), rs.getLong(3)));
        });
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> collegeCodes = new HashMap<>();
        for (RosterRow row : rows) {
            names.putIfAbsent(row.get(MAJOR), null);
            if (!row.isBlank(MAJOR_NAME) && names.get(row.get(MAJOR)) == null) {
                names.put(row.get(MAJOR), row.get(MAJOR_NAME));
            }
            if (!row.isBlank(COLLEGE)) {
                collegeCodes.putIfAbsent(row.get(MAJOR), row.get(COLLEGE));
            }
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        names.forEach((code, givenName) -> {
            Major before = stored.get(code);
            String name = givenName != null ? givenName : before.name();
            String college = collegeCodes.get(code);
            long collegeId = college != null ? colleges.get(college) : before.collegeId();
            Major after = new Major(name, collegeId);
            if (before == null) {
                inserts.add(new Object[]{code, name, collegeId});
            } else if (!before.equals(after)) {
                updates.add(new Object[]{name, collegeId, code});
            }
        });
        Batches.update(jdbc, "INSERT INTO major (code, name, college_id) VALUES (?, ?, ?)", inserts);
        Batches.update(jdbc, "UPDATE major SET name = ?, college_id = ? WHERE code = ?", updates);
    }
}
