package org.shouwang.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed what and when. Every admin write records an entry in the same transaction as the
 * write itself, so an entry exists exactly when the change does.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Entry(long id, Instant at, String actor, String action, String targetType, String targetId,
                        String detail) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Viewer actor, String action, String targetType, Object targetId, String detail) {
        jdbc.sql("INSERT INTO audit_event (at, actor, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Timestamps.of(clock.instant()), actor.username(), action, targetType,
                        targetId == null ? null : String.valueOf(targetId), truncate(detail))
                .update();
    }

    /**
     * What to look for; every part may be empty.
     *
     * @param text  found anywhere in actor, action, target or detail
     * @param actor the username of whoever acted, exactly
     * @param from  first day, inclusive, in the server's time zone
     * @param to    last day, inclusive
     */
    public record Query(String text, String actor, LocalDate from, LocalDate to) {

        public static Query everything() {
            return new Query(null, null, null, null);
        }
    }

    /** Entries matching the query, newest first. */
    @Transactional(readOnly = true)
    public Page<Entry> search(Query query, int page, int size) {
        ZoneId zone = clock.getZone();
        String where = """
                WHERE (actor ILIKE :q ESCAPE '\\' OR action ILIKE :q ESCAPE '\\' OR target_type ILIKE :q ESCAPE '\\'
                       OR target_id ILIKE :q ESCAPE '\\' OR detail ILIKE :q ESCAPE '\\')
                  AND (CAST(:actor AS VARCHAR) IS NULL OR actor = :actor)
                  AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR at >= :from)
                  AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR at < :to)""";
        String actor = query.actor() == null || query.actor().isBlank() ? null : query.actor().trim();
        var from = query.from() == null ? null : Timestamps.of(query.from().atStartOfDay(zone).toInstant());
        var to = query.to() == null ? null : Timestamps.of(query.to().plusDays(1).atStartOfDay(zone).toInstant());
        String like = AccountStore.contains(query.text());
        long total = jdbc.sql("SELECT count(*) FROM audit_event " + where)
                .param("q", like).param("actor", actor).param("from", from).param("to", to)
                .query(Long.class).single();
        List<Entry> entries = jdbc.sql("SELECT * FROM audit_event " + where + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("q", like).param("actor", actor).param("from", from).param("to", to)
                .param("size", size).param("offset", page * size).query(this::entry).list();
        return new Page<>(entries, page, size, total);
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), Timestamps.read(rs, "at"), rs.getString("actor"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail"));
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }
}
