package org.shouwang.imports;

/** A problem as the admin reads it: line, column (key and label) and the reason in their language. */
public record ProblemView(int line, String column, String columnLabel, String code, String message) {
}
