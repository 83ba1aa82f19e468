package org.shouwang.imports;

import java.util.HashMap;
import java.util.Map;

/**
 * Rows that describe the same thing (a college named on many class rows) must agree: the first
 * non-blank value given for a key stands, and a later different one is reported.
 */
public final class Agreement {

    private record Seen(String value, int line) {
    }

    private final Map<String, Seen> seen = new HashMap<>();

    public void check(RosterRow row, String column, String key, String value, Problems problems) {
        if (key == null || key.isEmpty() || value == null || value.isEmpty()) {
            return;
        }
        Seen first = seen.putIfAbsent(key, new Seen(value, row.line()));
        if (first != null && !first.value().equals(value)) {
            problems.add(row, column, "import.problem.conflict", value, first.value(), first.line());
        }
    }
}
