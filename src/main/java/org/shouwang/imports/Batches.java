package org.shouwang.imports;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes many rows with few round trips, telling the progress as each chunk is done. */
public final class Batches {

    public static final int SIZE = 1000;
    public static final int INSERT_ROWS = 500;

    private Batches() {
    }

    /**
     * Runs the statement once per argument array in chunks of {@link #SIZE}. Returns the update
     * count of each; a driver that does not know a count reports 1.
     */
    public static int[] update(JdbcTemplate jdbc, String sql, List<Object[]> args, Progress progress) {
        int[] counts = new int[args.size()];
        for (int from = 0; from < args.size(); from += SIZE) {
            List<Object[]> chunk = args.subList(from, Math.min(args.size(), from + SIZE));
            int[] done = jdbc.batchUpdate(sql, chunk);
            for (int i = 0; i < done.length; i++) {
                counts[from + i] = done[i] < 0 ? 1 : done[i];
            }
            progress.advance(chunk.size());
        }
        return counts;
    }

    public static int[] update(JdbcTemplate jdbc, String sql, List<Object[]> args) {
        return update(jdbc, sql, args, Progress.NONE);
    }

    /**
     * Inserts rows with multi-row {@code INSERT … VALUES (…), (…)} statements of up to
     * {@link #INSERT_ROWS} rows: far fewer round trips than a JDBC batch on PostgreSQL.
     */
    public static void insert(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows, Progress progress) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        for (int from = 0; from < rows.size(); from += INSERT_ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_ROWS));
            String sql = head + String.join(", ", java.util.Collections.nCopies(chunk.size(), row));
            Object[] args = new Object[chunk.size() * columns.size()];
            for (int i = 0; i < chunk.size(); i++) {
                System.arraycopy(chunk.get(i), 0, args, i * columns.size(), columns.size());
            }
            jdbc.update(sql, args);
            progress.advance(chunk.size());
        }
    }

    public static void insert(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        insert(jdbc, table, columns, rows, Progress.NONE);
    }
}
