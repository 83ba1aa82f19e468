package org.shouwang.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The import_job and import_problem tables: job state lives here so that any node can serve it. */
@Repository
class ImportJobs {

    static final String SEPARATOR = "\u001F";
    private static final String COLUMNS = """
            id, kind, file_name, status, total_rows, done_rows, valid_rows, problems, created, updated, unchanged,
            failure, created_by, created_at, confirmed_by, finished_at""";

    /** A job as stored, its failure still a message code with arguments. */
    record Stored(long id, ImportKind kind, String fileName, ImportStatus status, int totalRows, int doneRows,
                  int validRows, int problems, int created, int updated, int unchanged, String failureCode,
                  List<String> failureArgs, String createdBy, Instant createdAt, String confirmedBy, Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(ImportKind kind, String fileName, byte[] content, String createdBy, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO import_job (kind, file_name, content, status, created_by, created_at)
                        VALUES (?, ?, ?, 'VALIDATING', ?, ?)""")
                .params(kind.name(), fileName, content, createdBy, Timestamps.of(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = ?").param(id).query(ImportJobs::stored).optional();
    }

    List<Stored> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job ORDER BY created_at DESC, id DESC LIMIT ?")
                .param(limit).query(ImportJobs::stored).list();
    }

    byte[] content(long id) {
        return jdbc.sql("SELECT content FROM import_job WHERE id = ?").param(id).query(byte[].class).optional()
                .orElse(new byte[0]);
    }

    void started(long id, int totalRows) {
        jdbc.sql("UPDATE import_job SET total_rows = ?, done_rows = 0 WHERE id = ?").params(totalRows, id).update();
    }

    void progress(long id, int doneRows) {
        jdbc.sql("UPDATE import_job SET done_rows = ? WHERE id = ?").params(doneRows, id).update();
    }

    /** Ends validation, unless the job was discarded meanwhile. */
    boolean validated(long id, int validRows, int problems) {
        return jdbc.sql("""
                        UPDATE import_job SET status = 'VALIDATED', valid_rows = ?, problems = ?, done_rows = total_rows
                        WHERE id = ? AND status = 'VALIDATING'""")
                .params(validRows, problems, id).update() == 1;
    }

    /** VALIDATED → IMPORTING, once: a second confirmation finds nothing to change. */
    boolean startImport(long id, String confirmedBy) {
        return jdbc.sql("""
                        UPDATE import_job SET status = 'IMPORTING', done_rows = 0, confirmed_by = ?
                        WHERE id = ? AND status = 'VALIDATED' AND valid_rows > 0""")
                .params(confirmedBy, id).update() == 1;
    }

    void revalidated(long id, int totalRows, int validRows) {
        jdbc.sql("UPDATE import_job SET total_rows = ?, valid_rows = ?, done_rows = 0 WHERE id = ?")
                .params(totalRows, validRows, id).update();
    }

    /** The import is written: keep the counts, drop the file. */
    boolean done(long id, ImportCounts counts, int validRows, int problems, Instant at) {
        return jdbc.sql("""
                        UPDATE import_job SET status = 'DONE', created = ?, updated = ?, unchanged = ?, valid_rows = ?,
                               problems = ?, done_rows = ?, content = ?, finished_at = ?
                        WHERE id = ? AND status = 'IMPORTING'""")
                .params(counts.created(), counts.updated(), counts.unchanged(), validRows, problems, validRows,
                        new byte[0], Timestamps.of(at), id)
                .update() == 1;
    }

    void failed(long id, String code, List<String> args, Instant at) {
        String failure = join(code, args);
        jdbc.sql("UPDATE import_job SET status = 'FAILED', failure = ?, finished_at = ? WHERE id = ? AND status IN ('VALIDATING', 'IMPORTING')")
                .params(failure, Timestamps.of(at), id).update();
    }

    /** Removes a job that is not being imported; false if there is none or it is importing. */
    boolean delete(long id) {
        return jdbc.sql("DELETE FROM import_job WHERE id = ? AND status <> 'IMPORTING'").param(id).update() == 1;
    }

    void replaceProblems(long id, List<Problem> problems) {
        jdbc.sql("DELETE FROM import_problem WHERE job_id = ?").param(id).update();
        List<Object[]> rows = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            rows.add(new Object[]{id, p.line(), truncate(p.column(), 64), p.code(), args(p.args())});
        }
        Batches.insert(template, "import_problem", List.of("job_id", "line", "col", "code", "args"), rows);
    }

    List<Problem> problems(long id, int page, int size) {
        return jdbc.sql("""
                        SELECT line, col, code, args FROM import_problem WHERE job_id = ?
                        ORDER BY line, col LIMIT ? OFFSET ?""")
                .params(id, size, (long) page * size)
                .query((rs, n) -> new Problem(rs.getInt("line"), rs.getString("col"), rs.getString("code"),
                        split(rs.getString("args"))))
                .list();
    }

    long countProblems(long id) {
        return jdbc.sql("SELECT count(*) FROM import_problem WHERE job_id = ?").param(id).query(Long.class).single();
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        List<String> failure = split(rs.getString("failure"));
        return new Stored(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                ImportStatus.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("done_rows"),
                rs.getInt("valid_rows"), rs.getInt("problems"), rs.getInt("created"), rs.getInt("updated"),
                rs.getInt("unchanged"), failure.isEmpty() ? null : failure.get(0),
                failure.isEmpty() ? List.of() : failure.subList(1, failure.size()), rs.getString("created_by"),
                Timestamps.read(rs, "created_at"), rs.getString("confirmed_by"), Timestamps.read(rs, "finished_at"));
    }

    private static String join(String code, List<String> args) {
        List<String> parts = new ArrayList<>();
        parts.add(code);
        parts.addAll(args);
        return truncate(String.join(SEPARATOR, parts), 500);
    }

    private static String args(List<String> args) {
        return args.isEmpty() ? null : truncate(String.join(SEPARATOR, args), 500);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }


}
