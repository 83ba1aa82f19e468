package org.shouwang.imports;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes many rows with few round trips, telling the progress as each chunk is done. */
public final class Batches {

    public static final int SIZE = 1000;

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
}
