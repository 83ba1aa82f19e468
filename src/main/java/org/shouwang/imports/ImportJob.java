package org.shouwang.imports;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An uploaded roster and what became of it. During validation the progress counts rows of the
 * file; during the import it counts the valid rows being written. {@code failure} is the reason in
 * the caller's language.
 */
public record ImportJob(long id, ImportKind kind, String fileName, ImportStatus status, int totalRows, int doneRows,
                        int validRows, int problems, int created, int updated, int unchanged, String failure,
                        String createdBy, Instant createdAt, String confirmedBy, Instant finishedAt) {

    /** Rows with at least one problem; known once validated. */
    @JsonProperty
    public int invalidRows() {
        return status == ImportStatus.VALIDATING ? 0 : Math.max(0, totalRows - validRows);
    }

    @JsonProperty
    public int percent() {
        int of = status == ImportStatus.IMPORTING ? validRows : totalRows;
        if (status == ImportStatus.DONE || status == ImportStatus.VALIDATED) {
            return 100;
        }
        return of <= 0 ? 0 : Math.min(100, (int) (100L * doneRows / of));
    }

    public boolean running() {
        return status.running();
    }

    public boolean confirmable() {
        return status == ImportStatus.VALIDATED && validRows > 0;
    }

    public boolean discardable() {
        return status != ImportStatus.IMPORTING;
    }
}
