package org.shouwang.activities;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.shared.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The rotating code an organiser shows for check-in (or check-out): {@code i42.115234.SIGNATURE}, the
 * purpose ({@code i} in, {@code o} out), the activity, the time window (epoch seconds / the token
 * period, 15 s) and an HMAC-SHA256 of them with the activity's own key. Only the current and the
 * previous window are accepted, so a photo of the code forwarded to a friend stops working within
 * half a minute.
 * <p>
 * A student who opened the page of a valid code gets a <em>pass</em> for that page:
 * {@code i42.1001.1767000000.SIGNATURE}, the activity, the student and when it was given, signed
 * with the same key. It is good for {@link #PASS_FOR} and for that student only, so that the button
 * still works when the code on the screen has moved on while they read the page.
 */
@Component
class CheckInTokens {

    static final Duration PASS_FOR = Duration.ofMinutes(2);

    private static final Pattern CODE = Pattern.compile("([io])(\\d{1,18})\\.(\\d{1,18})\\.([A-Za-z0-9_-]{22})");
    private static final Pattern PASS = Pattern.compile("([io])(\\d{1,18})\\.(\\d{1,18})\\.(\\d{1,18})\\.([A-Za-z0-9_-]{22})");

    private final ActivitiesProperties properties;
    private final ActivityStore store;

    CheckInTokens(ActivitiesProperties properties, ActivityStore store) {
        this.properties = properties;
        this.store = store;
    }

    String issue(Activity a, CodePurpose purpose, Instant now) {
        long window = window(now);
        return letter(purpose) + a.id + "." + window + "." + Signatures.sign(Signatures.key(a.checkInKey), message(purpose, a.id, window));
    }

    /** When a code issued now stops being accepted: the end of the window after this one. */
    Instant validUntil(Instant now) {
        return Instant.ofEpochSecond((window(now) + 2) * periodSeconds());
    }

    int periodSeconds() {
        return (int) Math.max(properties.tokenPeriod().toSeconds(), 1);
    }

    long window(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), periodSeconds());
    }

    String pass(Activity a, CodePurpose purpose, long studentId, Instant now) {
        long at = now.getEpochSecond();
        return letter(purpose) + a.id + "." + studentId + "." + at + "."
                + Signatures.sign(Signatures.key(a.checkInKey), passMessage(purpose, a.id, studentId, at));
    }

    boolean isPass(String token) {
        return token != null && PASS.matcher(token.strip()).matches();
    }

    /**
     * Accepts the code for this activity and purpose in the current or the previous window, or
     * refuses it with the reason: forged (not signed with this activity's key, or not a code at
     * all), another activity's, a check-out code at check-in (or the other way), expired.
     */
    void verify(Activity a, CodePurpose purpose, String token, Instant now) {
        Matcher m = token == null ? null : CODE.matcher(token.strip());
        if (m == null || !m.matches()) {
            throw new RuleViolation("checkIn.forged");
        }
        long activityId = Long.parseLong(m.group(2));
        long window = Long.parseLong(m.group(3));
        CodePurpose said = purposeOf(m.group(1));
        String signature = m.group(4);
        if (activityId != a.id) {
            boolean theirs = store.find(activityId)
                    .filter(other -> Signatures.valid(Signatures.key(other.checkInKey), message(said, activityId, window), signature))
                    .isPresent();
            throw new RuleViolation(theirs ? "checkIn.otherActivity" : "checkIn.forged");
        }
        if (!Signatures.valid(Signatures.key(a.checkInKey), message(said, activityId, window), signature)) {
            throw new RuleViolation("checkIn.forged");
        }
        if (said != purpose) {
            throw new RuleViolation(purpose == CodePurpose.CHECK_IN ? "checkIn.checkOutCode" : "checkOut.checkInCode");
        }
        long current = window(now);
        if (window > current) {
            // Signed for a time that has not come: no node ever issues that.
            throw new RuleViolation("checkIn.forged");
        }
        if (window < current - 1) {
            throw new RuleViolation("checkIn.expired");
        }
    }

    /** Accepts a pass this student was given for this activity and purpose within the last two minutes. */
    void verifyPass(Activity a, CodePurpose purpose, long studentId, String token, Instant now) {
        Matcher m = PASS.matcher(token.strip());
        if (!m.matches() || purposeOf(m.group(1)) != purpose || Long.parseLong(m.group(2)) != a.id
                || Long.parseLong(m.group(3)) != studentId) {
            throw new RuleViolation("checkIn.forged");
        }
        long at = Long.parseLong(m.group(4));
        if (!Signatures.valid(Signatures.key(a.checkInKey), passMessage(purpose, a.id, studentId, at), m.group(5))) {
            throw new RuleViolation("checkIn.forged");
        }
        Instant given = Instant.ofEpochSecond(at);
        if (given.isAfter(now.plusSeconds(5))) {
            throw new RuleViolation("checkIn.forged");
        }
        if (given.plus(PASS_FOR).isBefore(now)) {
            throw new RuleViolation("checkIn.expired");
        }
    }

    private static String message(CodePurpose purpose, long activityId, long window) {
        return purpose.name() + ":" + activityId + ":" + window;
    }

    private static String passMessage(CodePurpose purpose, long activityId, long studentId, long at) {
        return "pass:" + purpose.name() + ":" + activityId + ":" + studentId + ":" + at;
    }

    private static String letter(CodePurpose purpose) {
        return purpose == CodePurpose.CHECK_IN ? "i" : "o";
    }

    private static CodePurpose purposeOf(String letter) {
        return "i".equals(letter) ? CodePurpose.CHECK_IN : CodePurpose.CHECK_OUT;
    }
}
