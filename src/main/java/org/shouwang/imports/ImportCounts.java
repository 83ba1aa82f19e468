package org.shouwang.imports;

/** What an import did, row by row: created, updated, or found already as the file says. */
public record ImportCounts(int created, int updated, int unchanged) {

    /** Counts rows as a kind applies them. */
    public static final class Tally {
        private int created;
        private int updated;
        private int unchanged;

        public void created() {
            created++;
        }

        public void updated() {
            updated++;
        }

        public void unchanged() {
            unchanged++;
        }

        /** Counts a row as updated when it changed something, unchanged otherwise. */
        public void updatedIf(boolean changed) {
            if (changed) {
                updated++;
            } else {
                unchanged++;
            }
        }

        public ImportCounts counts() {
            return new ImportCounts(created, updated, unchanged);
        }
    }
}
