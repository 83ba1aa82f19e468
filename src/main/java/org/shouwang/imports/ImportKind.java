package org.shouwang.imports;

/** The rosters an admin can import. Each is implemented by one {@link RosterKind}. */
public enum ImportKind {
    STUDENTS, STAFF, CLASSES, ROOMS, BED_ASSIGNMENTS;

    /** Lower-case name used in file names and URLs: {@code bed-assignments}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
