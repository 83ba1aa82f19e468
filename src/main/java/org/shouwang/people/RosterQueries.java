package org.shouwang.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.imports.Batches;
import org.shouwang.imports.RosterRow;

import org.springframework.jdbc.core.JdbcTemplate;

/** Loads natural keys once per import, so that rows are checked against maps, not queries. */
final class RosterQueries {

    private RosterQueries() {
    }

    /** code → id of every row of a table. */
    static Map<String, Long> ids(JdbcTemplate jdbc, String table, String key) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, " + key + " FROM " + table, rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        });
        return ids;
    }

    /**
     * Creates the code-and-name rows (colleges, departments) that the file defines and the table
     * lacks, and renames those whose name changed; the first row giving a code decides its name.
     */
    static void upsertCodeNames(JdbcTemplate jdbc, String table, List<RosterRow> rows, String codeKey, String nameKey) {
        Map<String, String> stored = names(jdbc, table);
        Map<String, String> named = new LinkedHashMap<>();
        for (RosterRow row : rows) {
            if (!row.isBlank(codeKey) && !row.isBlank(nameKey)) {
                named.putIfAbsent(row.get(codeKey), row.get(nameKey));
            }
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> renames = new ArrayList<>();
        named.forEach((code, name) -> {
            if (!stored.containsKey(code)) {
                inserts.add(new Object[]{code, name});
            } else if (!stored.get(code).equals(name)) {
                renames.add(new Object[]{name, code});
            }
        });
        Batches.update(jdbc, "INSERT INTO " + table + " (code, name) VALUES (?, ?)", inserts);
        Batches.update(jdbc, "UPDATE " + table + " SET name = ? WHERE code = ?", renames);
    }

    /** code → name of every row of a table with a code and a name. */
    static Map<String, String> names(JdbcTemplate jdbc, String table) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT code, name FROM " + table, rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
