package org.shouwang.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * The staff roster, upserted by staff number. A department named by code and name is created or
 * renamed; a college must already exist. Blank optional cells keep what is stored.
 */
@Component
class StaffRoster implements RosterKind {

    static final String NUMBER = "staff_number";
    static final String NAME = "name";
    static final String GENDER = "gender";
    static final String PHONE = "phone";
    static final String DEPARTMENT = "department_code";
    static final String DEPARTMENT_NAME = "department_name";
    static final String COLLEGE = "college_code";
    static final String TITLE = "title";

    private record Staff(String name, String gender, String phone, Long departmentId, Long collegeId, String title) {
    }

    private final JdbcTemplate jdbc;

    StaffRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.STAFF;
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.required(NUMBER, 32, "T90001"), Column.required(NAME, 50, "李老师"),
                Column.required(GENDER, 8, "女"), Column.optional(PHONE, 20, "13912345678"),
                Column.optional(DEPARTMENT, 32, "XGB"), Column.optional(DEPARTMENT_NAME, 100, "学生工作部"),
                Column.optional(COLLEGE, 32, "XX"), Column.optional(TITLE, 50, "辅导员"));
    }

    @Override
    public void validate(List<RosterRow> rows, Problems problems, Progress progress) {
        Map<String, Long> departments = RosterQueries.ids(jdbc, "department", "code");
        Map<String, Long> colleges = RosterQueries.ids(jdbc, "college", "code");
        Duplicates numbers = new Duplicates();
        Agreement departmentNames = new Agreement();
        for (RosterRow row : rows) {
            numbers.check(row, NUMBER, row.get(NUMBER), problems);
            if (!row.isBlank(GENDER) && Cells.gender(row.get(GENDER)).isEmpty()) {
                problems.add(row, GENDER, "import.problem.gender", row.get(GENDER));
            }
            if (!row.isBlank(PHONE) && !Cells.isMobilePhone(row.get(PHONE))) {
                problems.add(row, PHONE, "import.problem.phone", row.get(PHONE));
            }
            if (row.isBlank(DEPARTMENT) && !row.isBlank(DEPARTMENT_NAME)) {
                problems.add(row, DEPARTMENT, "import.problem.required");
            }
            departmentNames.check(row, DEPARTMENT_NAME, row.get(DEPARTMENT), row.get(DEPARTMENT_NAME), problems);
            if (!row.isBlank(COLLEGE) && !colleges.containsKey(row.get(COLLEGE))) {
                problems.add(row, COLLEGE, "import.problem.unknownCollege", row.get(COLLEGE));
            }
            progress.advance(1);
        }
        Definitions.require(rows, problems, DEPARTMENT, departments.keySet(), List.of(DEPARTMENT_NAME),
                "import.problem.unknownDepartment");
    }

    @Override
    public ImportCounts apply(List<RosterRow> rows, Viewer viewer, Progress progress) {
        RosterQueries.upsertCodeNames(jdbc, "department", rows, DEPARTMENT, DEPARTMENT_NAME);
        Map<String, Long> departments = RosterQueries.ids(jdbc, "department", "code");
        Map<String, Long> colleges = RosterQueries.ids(jdbc, "college", "code");
        Map<String, Long> ids = new HashMap<>();
        Map<String, Staff> stored = new HashMap<>();
        jdbc.query("SELECT id, staff_number, name, gender, phone, department_id, college_id, title FROM staff", rs -> {
            ids.put(rs.getString("staff_number"), rs.getLong("id"));
            stored.put(rs.getString("staff_number"), new Staff(rs.getString("name"), rs.getString("gender").trim(),
                    rs.getString("phone"), rs.getObject("department_id", Long.class), rs.getObject("college_id", Long.class),
                    rs.getString("title")));
        });
        ImportCounts.Tally tally = new ImportCounts.Tally();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (RosterRow row : rows) {
            Staff before = stored.get(row.get(NUMBER));
            Staff after = new Staff(row.get(NAME), Cells.gender(row.get(GENDER)).orElseThrow(),
                    keep(row.orNull(PHONE), before == null ? null : before.phone()),
                    keep(departments.get(row.get(DEPARTMENT)), before == null ? null : before.departmentId()),
                    keep(colleges.get(row.get(COLLEGE)), before == null ? null : before.collegeId()),
                    keep(row.orNull(TITLE), before == null ? null : before.title()));
            if (before == null) {
                inserts.add(new Object[]{row.get(NUMBER), after.name(), after.gender(), after.phone(), after.departmentId(),
                        after.collegeId(), after.title()});
                tally.created();
            } else if (!Objects.equals(before, after)) {
                updates.add(new Object[]{after.name(), after.gender(), after.phone(), after.departmentId(), after.collegeId(),
                        after.title(), ids.get(row.get(NUMBER))});
                tally.updated();
            } else {
                tally.unchanged();
                progress.advance(1);
            }
        }
        Batches.insert(jdbc, "staff", List.of("staff_number", "name", "gender", "phone", "department_id", "college_id",
                "title"), inserts, progress);
        Batches.update(jdbc, """
                UPDATE staff SET name = ?, gender = ?, phone = ?, department_id = ?, college_id = ?, title = ? WHERE id = ?""",
                updates, progress);
        return tally.counts();
    }


    private static <T> T keep(T given, T stored) {
        return given != null ? given : stored;
    }
}
