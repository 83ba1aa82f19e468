package org.shouwang.imports;

import java.util.List;

/** Every file of every kind: required values present, no text longer than its column allows. */
final class RowChecks {

    private RowChecks() {
    }

    static Problems check(RosterKind kind, List<RosterRow> rows, Progress progress) {
        Problems problems = new Problems();
        for (RosterRow row : rows) {
            for (Column column : kind.columns()) {
                String value = row.get(column.key());
                if (column.required() && value.isEmpty()) {
                    problems.add(row, column.key(), "import.problem.required");
                } else if (value.length() > column.maxLength()) {
                    problems.add(row, column.key(), "import.problem.tooLong", column.maxLength(), value.length());
                }
            }
        }
        kind.validate(rows, problems, progress);
        return problems;
    }
}
