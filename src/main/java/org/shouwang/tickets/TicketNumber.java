package org.shouwang.tickets;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The number a student quotes: the day of submission and the request's id, e.g. 20261129-000123. */
public final class TicketNumber {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern NUMBER = Pattern.compile("(?:\\d{8}-)?0*(\\d{1,18})");

    private TicketNumber() {
    }

    public static String of(long id, Instant submittedAt) {
        String digits = Long.toString(id);
        return DAY.format(submittedAt.atZone(ZONE)) + "-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
    }

    /** The id inside a number as someone typed it (with or without the day part). */
    public static Optional<Long> idOf(String number) {
        Matcher m = NUMBER.matcher(number == null ? "" : number.trim());
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
