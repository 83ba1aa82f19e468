package org.shouwang.imports;

/** Where an import job is: validating, waiting for the admin, importing, or finished. */
public enum ImportStatus {
    VALIDATING, VALIDATED, IMPORTING, DONE, FAILED;

    public boolean running() {
        return this == VALIDATING || this == IMPORTING;
    }
}
