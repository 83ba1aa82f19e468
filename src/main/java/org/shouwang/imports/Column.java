package org.shouwang.imports;

/**
 * A column of a roster. Its header may be written as the key ({@code student_number}), or as its
 * Chinese or English label (message {@code import.column.<key>}), or both as the templates do
 * ({@code 学号 (student_number)}). Required values and the maximum length are checked for every
 * kind before the kind's own checks run.
 */
public record Column(String key, boolean required, int maxLength, String example) {

    public static Column required(String key, int maxLength, String example) {
        return new Column(key, true, maxLength, example);
    }

    public static Column optional(String key, int maxLength, String example) {
        return new Column(key, false, maxLength, example);
    }
}
