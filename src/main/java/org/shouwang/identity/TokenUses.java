package org.shouwang.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.shouwang.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When each access token was last used, written in batches: an API call only notes it here, and
 * every few seconds (and before the owner's token list is read, and at shutdown) the notes of this
 * node go to the database in one transaction of their own. A crash loses at most the notes of the
 * last interval, which only make "last used" a little older than it is; a failed write keeps them
 * for the next one.
 */
@Component
class TokenUses {

    private static final Logger log = LoggerFactory.getLogger(TokenUses.class);

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    TokenUses(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void used(String tokenHash, Instant at) {
        pending.merge(tokenHash, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(fixedDelayString = "${shouwang.identity.token-uses-every:PT10S}")
    @PreDestroy
    void flush() {
        List<String> hashes = new ArrayList<>(pending.keySet());
        // In the order of the hashes, so two nodes writing at once lock the rows in the same order.
        hashes.sort(null);
        List<Object[]> batch = new ArrayList<>();
        for (String hash : hashes) {
            Instant at = pending.remove(hash);
            if (at != null) {
                OffsetDateTime when = Timestamps.of(at);
                batch.add(new Object[] {when, hash, when});
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            // Never moves a later use, noted by another node, back.
            ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate(
                    "UPDATE access_token SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                    batch));
        } catch (DataAccessException | TransactionException e) {
            batch.forEach(row -> used((String) row[1], ((OffsetDateTime) row[0]).toInstant()));
            log.warn("Last uses of {} access tokens not written, kept for the next try: {}", batch.size(), e.getMessage());
        }
    }
}
