package org.shouwang.people;

import java.util.HashMap;
import java.util.Map;

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

    /** code → name of every row of a table with a code and a name. */
    static Map<String, String> names(JdbcTemplate jdbc, String table) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT code, name FROM " + table, rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
