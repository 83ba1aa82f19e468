package org.shouwang.activities.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How check-in and attendance pages write times and numbers into messages. */
final class CheckInFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CheckInFormats() {
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** Numbers in a message as written: 2000, not 2,000. */
    static Object[] plain(Object[] args) {
        Object[] words = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < words.length; i++) {
            if (words[i] instanceof Number n) {
                words[i] = n.toString();
            }
        }
        return words;
    }
}
