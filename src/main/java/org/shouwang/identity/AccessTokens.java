package org.shouwang.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for API clients. The token is shown once; only its SHA-256 is stored,
 * so a copy of the database lets nobody in. Revoked or expired tokens stop working at once.
 */
@Service
public class AccessTokens {

    static final String PREFIX = "sw_";
    private static final int MAX_PER_ACCOUNT = 20;
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final AccountUserDetailsService users;
    private final TokenUses uses;
    private final Clock clock;

    AccessTokens(JdbcClient jdbc, AccountStore accounts, AccountUserDetailsService users, TokenUses uses, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
        this.uses = uses;
        this.clock = clock;
    }

    public record Token(long id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                        Instant revokedAt) {
        public boolean active(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A new token; {@code secret} is the only time the plain token is ever available. */
    public record Created(Token token, String secret) {
    }

    @Transactional
    public Created create(Viewer owner, String name, Integer validDays) {
        long active = jdbc.sql("SELECT count(*) FROM access_token WHERE account_id = ? AND revoked_at IS NULL")
                .param(owner.accountId()).query(Long.class).single();
        if (active >= MAX_PER_ACCOUNT) {
            throw new RuleViolation("token.tooMany", MAX_PER_ACCOUNT);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = validDays == null ? null : now.plus(Duration.ofDays(validDays));
        jdbc.sql("INSERT INTO access_token (account_id, name, token_hash, hint, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(owner.accountId(), name, hash(secret), secret.substring(secret.length() - 4),
                        Timestamps.of(now), Timestamps.of(expires))
                .update();
        Token token = jdbc.sql("SELECT * FROM access_token WHERE token_hash = ?").param(hash(secret)).query(this::token).single();
        return new Created(token, secret);
    }

    /** The owner's tokens, the uses noted on this node written first (in a transaction of their own) so "last used" is current. */
    @Transactional(readOnly = true)
    public List<Token> of(Viewer owner) {
        uses.flush();
        return jdbc.sql("SELECT * FROM access_token WHERE account_id = ? ORDER BY id DESC").param(owner.accountId())
                .query(this::token).list();
    }

    @Transactional
    public void revoke(Viewer owner, long tokenId) {
        int changed = jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
                .params(Timestamps.of(clock.instant()), tokenId, owner.accountId()).update();
        if (changed == 0) {
            throw new NotFoundException("token", tokenId);
        }
    }

    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    /**
     * The account behind a presented token, if the token is known, active and its account usable:
     * one read; the use is noted to the minute and written later in a batch ({@link TokenUses}).
     */
    Optional<AccountUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = hash(presented);
        Optional<AccountStore.Bearer> bearer = accounts.byActiveToken(hash, now);
        bearer.filter(b -> b.tokenUsedAt() == null || b.tokenUsedAt().isBefore(now.minus(LAST_USE_PRECISION)))
                .ifPresent(b -> uses.used(hash, now));
        return bearer.map(b -> users.user(b.row())).filter(u -> u.isEnabled() && u.isAccountNonLocked());
    }

    private Token token(ResultSet rs, int n) throws SQLException {
        return new Token(rs.getLong("id"), rs.getString("name"), rs.getString("hint"),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "expires_at"),
                Timestamps.read(rs, "last_used_at"), Timestamps.read(rs, "revoked_at"));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
