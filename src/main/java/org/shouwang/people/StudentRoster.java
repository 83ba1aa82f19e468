package org.shouwang.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.shouwang.imports.Batches;
import org.shouwang.imports.Cells;
import org.shouwang.imports.Column;
import org.shouwang.imports.Duplicates;
import org.shouwang.imports.ImportCounts;
import org.shouwang.imports.ImportKind;
import org.shouwang.imports.Problems;
import org.shouwang.imports.Progress;
import org.shouwang.imports.RosterKind;
import org.shouwang.imports.RosterRow;
import org.shouwang.shared.IdCards;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The student roster, upserted by student number. Blank optional cells keep what is stored;
 * a new student without a political status counts as 群众.
 */
@Component
class StudentRoster implements RosterKind {

    static final String NUMBER = "student_number";
    static final String NAME = "name";
    static final String GENDER = "gender";
    static final String CLASS = "class_code";
    static final String ID_CARD = "id_card";
    static final String PHONE = "phone";
    static final String POLITICAL_STATUS = "political_status";

    static final Map<String, String> POLITICAL_STATUSES = Map.ofEntries(
            Map.entry("PARTY_MEMBER", "PARTY_MEMBER"), Map.entry("PROBATIONARY_MEMBER", "PROBATIONARY_MEMBER"),
            Map.entry("LEAGUE_MEMBER", "LEAGUE_MEMBER"), Map.entry("MASSES", "MASSES"),
            Map.entry("中共党员", "PARTY_MEMBER"), Map.entry("中共预备党员", "PROBATIONARY_MEMBER"),
            Map.entry("共青团员", "LEAGUE_MEMBER"), Map.entry("群众", "MASSES"));
    private static final String POLITICAL_CHOICES = "PARTY_MEMBER 中共党员, PROBATIONARY_MEMBER 中共预备党员, LEAGUE_MEMBER 共青团员, MASSES 群众";
    private static final String EXAMPLE_ID_CARD = "32040220070101123" + IdCards.checkDigit("32040220070101123");

    private record Student(String name, String gender, long classId, String idCard, String phone, String politicalStatus) {
    }

    private final JdbcTemplate jdbc;

    StudentRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.STUDENTS;
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.required(NUMBER, 32, "2025000001"), Column.required(NAME, 50, "张三"),
                Column.required(GENDER, 8, "男"), Column.required(CLASS, 32, "RJ2501"),
                Column.optional(ID_CARD, 18, EXAMPLE_ID_CARD), Column.optional(PHONE, 20, "13812345678"),
                Column.optional(POLITICAL_STATUS, 20, "共青团员"));
    }

    @Override
    public void validate(List<RosterRow> rows, Problems problems, Progress progress) {
        Map<String, Long> classes = RosterQueries.ids(jdbc, "class_group", "code");
        Duplicates numbers = new Duplicates();
        for (RosterRow row : rows) {
            numbers.check(row, NUMBER, row.get(NUMBER), problems);
            if (!row.isBlank(GENDER) && Cells.gender(row.get(GENDER)).isEmpty()) {
                problems.add(row, GENDER, "import.problem.gender", row.get(GENDER));
            }
            if (!row.isBlank(CLASS) && !classes.containsKey(row.get(CLASS))) {
                problems.add(row, CLASS, "import.problem.unknownClass", row.get(CLASS));
            }
            if (!row.isBlank(ID_CARD) && !IdCards.isValid(row.get(ID_CARD).toUpperCase(Locale.ROOT))) {
                problems.add(row, ID_CARD, "import.problem.idCard", row.get(ID_CARD));
            }
            if (!row.isBlank(PHONE) && !Cells.isMobilePhone(row.get(PHONE))) {
                problems.add(row, PHONE, "import.problem.phone", row.get(PHONE));
            }
            if (!row.isBlank(POLITICAL_STATUS) && Cells.choice(row.get(POLITICAL_STATUS), POLITICAL_STATUSES).isEmpty()) {
                problems.add(row, POLITICAL_STATUS, "import.problem.choice", row.get(POLITICAL_STATUS), POLITICAL_CHOICES);
            }
            progress.advance(1);
        }
    }

    @Override
    public ImportCounts apply(List<RosterRow> rows, Viewer viewer, Progress progress) {
        Map<String, Long> classes = RosterQueries.ids(jdbc, "class_group", "code");
        Map<String, Long> ids = new HashMap<>();
        Map<String, Student> stored = new HashMap<>();
        jdbc.query("SELECT id, student_number, name, gender, class_id, id_card, phone, political_status FROM student", rs -> {
            ids.put(rs.getString("student_number"), rs.getLong("id"));
            stored.put(rs.getString("student_number"), new Student(rs.getString("name"), rs.getString("gender").trim(),
                    rs.getLong("class_id"), trim(rs.getString("id_card")), rs.getString("phone"), rs.getString("political_status")));
        });
        ImportCounts.Tally tally = new ImportCounts.Tally();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (RosterRow row : rows) {
            Student before = stored.get(row.get(NUMBER));
            String idCard = row.isBlank(ID_CARD) ? null : row.get(ID_CARD).toUpperCase(Locale.ROOT);
            String status = Cells.choice(row.get(POLITICAL_STATUS), POLITICAL_STATUSES).orElse(null);
            Student after = new Student(row.get(NAME), Cells.gender(row.get(GENDER)).orElseThrow(),
                    classes.get(row.get(CLASS)),
                    idCard != null ? idCard : before == null ? null : before.idCard(),
                    row.orNull(PHONE) != null ? row.get(PHONE) : before == null ? null : before.phone(),
                    status != null ? status : before == null ? PoliticalStatus.MASSES.name() : before.politicalStatus());
            if (before == null) {
                inserts.add(new Object[]{row.get(NUMBER), after.name(), after.gender(), after.classId(), after.idCard(),
                        after.phone(), after.politicalStatus()});
                tally.created();
            } else if (!Objects.equals(before, after)) {
                updates.add(new Object[]{after.name(), after.gender(), after.classId(), after.idCard(), after.phone(),
                        after.politicalStatus(), ids.get(row.get(NUMBER))});
                tally.updated();
            } else {
                tally.unchanged();
                progress.advance(1);
            }
        }
        Batches.insert(jdbc, "student", List.of("student_number", "name", "gender", "class_id", "id_card", "phone",
                "political_status"), inserts, progress);
        Batches.update(jdbc, """
                UPDATE student SET name = ?, gender = ?, class_id = ?, id_card = ?, phone = ?, political_status = ?
                WHERE id = ?""", updates, progress);
        return tally.counts();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
