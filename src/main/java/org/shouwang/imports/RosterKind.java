package org.shouwang.imports;

import java.util.List;

import org.shouwang.shared.Viewer;

/**
 * One kind of roster, implemented by the module that owns its tables. The imports module parses
 * the file, checks required values and lengths, then asks the kind to check the rest and, once
 * the admin confirms, to write the valid rows.
 */
public interface RosterKind {

    ImportKind kind();

    /** The columns in template order; their labels are messages {@code import.column.<key>}. */
    List<Column> columns();

    /**
     * Checks every row — types, codes, references to what is stored or to other rows of the file,
     * duplicates of the natural key — and reports each problem. Rows may already have problems
     * from the generic checks; skip them where a check would only repeat the same problem.
     */
    void validate(List<RosterRow> rows, Problems problems, Progress progress);

    /**
     * Writes the valid rows inside the import's transaction: upserts by natural key, so that a
     * second import of the same file changes nothing. May throw
     * {@link org.shouwang.shared.RuleViolation} when the stored data changed since validation;
     * the whole import then rolls back.
     */
    ImportCounts apply(List<RosterRow> rows, Viewer viewer, Progress progress);
}
