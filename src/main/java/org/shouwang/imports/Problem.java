package org.shouwang.imports;

import java.util.List;

/** What is wrong with one cell: a message code of the imports bundle and its arguments. */
public record Problem(int line, String column, String code, List<String> args) {

    public Problem {
        args = List.copyOf(args);
    }
}
