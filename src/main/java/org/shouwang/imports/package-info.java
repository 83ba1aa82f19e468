/**
 * Roster imports: upload an xlsx or csv file, validate every row in the background, show every bad
 * row, and write the valid rows in one transaction once an admin confirms. The kinds of roster
 * (students, staff, classes, rooms, bed assignments) are implemented by the modules that own the
 * tables, through {@link org.shouwang.imports.RosterKind}.
 */
package org.shouwang.imports;
