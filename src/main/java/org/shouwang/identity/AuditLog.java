package org.shouwang.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
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
                .params(AccountStore.at(clock.instant()), actor.username(), action, targetType,
                        targetId == null ? null : String.valueOf(targetId), truncate(detail))
                .update();
    }

    @Transactional(readOnly = true)
    public Page<Entry> search(String q, int page, int size) {
        String like = "%" + (q == null ? "" : q.trim()) + "%";
        String where = " WHERE actor ILIKE :q OR action ILIKE :q OR target_type ILIKE :q OR target_id ILIKE :q OR detail ILIKE :q";
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).param("q", like).query(Long.class).single();
        List<Entry> entries = jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("q", like).param("size", size).param("offset", page * size).query(this::entry).list();
        return new Page<>(entries, page, size, total);
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), AccountStore.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail"));
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }
}
