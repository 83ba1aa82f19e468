package org.shouwang.activities;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.shouwang.people.Enrolment;
import org.shouwang.people.People;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A student's personal code (个人码), which staff at an activity scan to record them:
 * {@code s1001.115234.SIGNATURE}, the student, the time window and an HMAC-SHA256 of both. It
 * rotates with the check-in code's period and only the current and the previous window are
 * accepted, so a screenshot sent to a friend stops working within half a minute. All nodes sign
 * with one secret kept in the database ({@code check_in_secret}), made by whichever node needs it
 * first.
 */
@Service
public class PersonalCodes {

    private static final Pattern CODE = Pattern.compile("s(\\d{1,18})\\.(\\d{1,18})\\.([A-Za-z0-9_-]{22})");
    private static final String SECRET = "personal-code";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final People people;
    private final CheckInTokens tokens;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private volatile byte[] secret;

    PersonalCodes(@Lazy People people, CheckInTokens tokens, JdbcClient jdbc, PlatformTransactionManager transactions,
                  Clock clock) {
        this.people = people;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The signed-in student's code now, to show as a QR code that refreshes itself. */
    public AttendanceViews.PersonalCode current(Viewer student) {
        Enrolment e = CheckIns.studentOf(people, student);
        Instant now = clock.instant();
        return new AttendanceViews.PersonalCode(issue(e.studentId(), now), tokens.validUntil(now), tokens.periodSeconds(),
                e.studentNumber(), e.name());
    }

    String issue(long studentId, Instant now) {
        long window = tokens.window(now);
        return "s" + studentId + "." + window + "." + Signatures.sign(secret(), message(studentId, window));
    }

    /** Looks like a personal code (rather than a student number typed by hand)? */
    static boolean looksLikeCode(String text) {
        return text != null && text.strip().startsWith("s") && text.contains(".");
    }

    /** The student whose code this is, or refused: forged, or expired. */
    long studentOf(String code, Instant now) {
        Matcher m = CODE.matcher(code.strip());
        if (!m.matches()) {
            throw new RuleViolation("checkIn.personalCodeForged");
        }
        long studentId = Long.parseLong(m.group(1));
        long window = Long.parseLong(m.group(2));
        if (!Signatures.valid(secret(), message(studentId, window), m.group(3)) || window > tokens.window(now)) {
            throw new RuleViolation("checkIn.personalCodeForged");
        }
        if (window < tokens.window(now) - 1) {
            throw new RuleViolation("checkIn.personalCodeExpired");
        }
        return studentId;
    }

    private static String message(long studentId, long window) {
        return "student:" + studentId + ":" + window;
    }

    /**
     * The shared secret, made in a transaction of its own (so that a refused scan that rolls back
     * cannot take it away after this node has started to sign with it) and read back as stored:
     * when two nodes make one at once, both use the one that was written first.
     */
    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            known = Signatures.key(ownTransaction.execute(status -> {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                jdbc.sql("INSERT INTO check_in_secret (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(SECRET, HexFormat.of().formatHex(fresh), Timestamps.of(Instant.now())).update();
                return jdbc.sql("SELECT secret FROM check_in_secret WHERE name = ?").param(SECRET).query(String.class).single();
            }));
            secret = known;
        }
        return known;
    }
}
