package org.shouwang.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When each access token was last used, written in batches: an API call only notes it here, and
 * every few seconds (and before the owner's token list is read, and at shutdown) the notes of this
 * node go to the database in one batch. A crash loses at most the notes of the last interval,
 * which only make "last used" a little older than it is.
 */
@Component
class TokenUses {

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    TokenUses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void used(String tokenHash, Instant at) {
        pending.merge(tokenHash, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(fixedDelayString = "${shouwang.identity.token-uses-every:PT10S}")
    @PreDestroy
    void flush() {
        List<Object[]> batch = new ArrayList<>();
        for (String hash : List.copyOf(pending.keySet())) {
            Instant at = pending.remove(hash);
            if (at != null) {
                OffsetDateTime when = Timestamps.of(at);
                batch.add(new Object[] {when, hash, when});
            }
        }
        if (!batch.isEmpty()) {
            // Never moves a newer use, noted by another node, back.
            jdbc.batchUpdate("UPDATE access_token SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                    batch);
        }
    }
}
