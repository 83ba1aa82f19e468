package org.shouwang.imports;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Things a roster creates on the way (a college named on class rows, a building on room rows):
 * one that is not stored yet needs a valid row of the file that names it fully; without one,
 * every row that refers to it is refused.
 */
public final class Definitions {

    private Definitions() {
    }

    /**
     * Reports {@code code} (with the key as argument) on each row whose {@code keyColumn} names
     * something neither stored nor fully given — all {@code definingColumns} non-blank — by a
     * valid row. Run after the other checks, so that an invalid row defines nothing; a row that
     * names it fully but is invalid for another reason is not told it is unknown.
     */
    public static void require(List<RosterRow> rows, Problems problems, String keyColumn, Collection<String> stored,
                               List<String> definingColumns, String code) {
        Set<String> defined = new HashSet<>(stored);
        for (RosterRow row : rows) {
            if (!problems.has(row) && definingColumns.stream().noneMatch(row::isBlank)) {
                defined.add(row.get(keyColumn));
            }
        }
        for (RosterRow row : rows) {
            boolean definesIt = definingColumns.stream().noneMatch(row::isBlank);
            if (!row.isBlank(keyColumn) && !defined.contains(row.get(keyColumn)) && !definesIt) {
                problems.add(row, keyColumn, code, row.get(keyColumn));
            }
        }
    }
}
