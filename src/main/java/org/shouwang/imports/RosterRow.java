package org.shouwang.imports;

import java.util.Map;

/**
 * One data row of an uploaded file: its line number as the admin sees it in Excel (the header is
 * line 1) and its trimmed cell texts by column key. Columns missing from the file read as blank.
 */
public record RosterRow(int line, Map<String, String> values) {

    public RosterRow {
        values = Map.copyOf(values);
    }

    /** The trimmed text of a cell; "" when blank or when the file has no such column. */
    public String get(String column) {
        String value = values.get(column);
        return value == null ? "" : value;
    }

    public boolean isBlank(String column) {
        return get(column).isEmpty();
    }

    /** The text, or null when blank: for optional columns, where blank keeps what is stored. */
    public String orNull(String column) {
        String value = get(column);
        return value.isEmpty() ? null : value;
    }
}
