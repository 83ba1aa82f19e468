package org.shouwang.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The problems found in a file. A row with at least one problem is not imported; the admin sees
 * every problem with its line, column and reason.
 */
public final class Problems {

    private final List<Problem> problems = new ArrayList<>();
    private final Set<Integer> badLines = new HashSet<>();

    /** Reports a problem with a cell; code is a key of the imports message bundle. */
    public void add(RosterRow row, String column, String code, Object... args) {
        problems.add(new Problem(row.line(), column, code,
                Arrays.stream(args).map(a -> Objects.toString(a, "")).toList()));
        badLines.add(row.line());
    }

    public boolean has(RosterRow row) {
        return badLines.contains(row.line());
    }

    public List<RosterRow> validRows(List<RosterRow> rows) {
        return rows.stream().filter(r -> !has(r)).toList();
    }

    public List<Problem> all() {
        return List.copyOf(problems);
    }

    public int size() {
        return problems.size();
    }
}
