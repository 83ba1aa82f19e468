package org.shouwang.imports;

import java.util.HashMap;
import java.util.Map;

/** Finds a natural key given twice in one file; the later row is the duplicate. */
public final class Duplicates {

    private final Map<String, Integer> firstLine = new HashMap<>();

    /** Reports the row if its key appeared before; blank keys are left to the required check. */
    public boolean check(RosterRow row, String column, String key, Problems problems) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        Integer first = firstLine.putIfAbsent(key, row.line());
        if (first != null) {
            problems.add(row, column, "import.problem.duplicate", key, first);
            return true;
        }
        return false;
    }
}
