package org.shouwang.activities;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of the codes people scan, cut to 128 bits (22 URL-safe characters) so
 * that a QR code stays small enough to scan from the back of a lecture hall.
 */
final class Signatures {

    private static final int BYTES = 16;

    private Signatures() {
    }

    static String sign(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** In constant time, so that the time an answer takes tells nothing about a guessed signature. */
    static boolean valid(byte[] key, String message, String signature) {
        return MessageDigest.isEqual(sign(key, message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] key(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
