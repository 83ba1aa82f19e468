package org.shouwang.imports;

/** Tells the admin how far a long validation or import has got. */
@FunctionalInterface
public interface Progress {

    Progress NONE = rows -> {
    };

    /** Another {@code rows} rows are done. */
    void advance(int rows);
}
