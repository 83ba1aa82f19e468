package org.shouwang.shared;

/** The version an API client last read, sent as an {@code If-Match} header ("3" or W/"3") or as a body field. */
public final class IfMatch {

    private IfMatch() {
    }

    /** The header wins over the body's field; a header that is no version is a field error of {@code If-Match}. */
    public static Integer version(String ifMatch, Integer fromBody) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return fromBody;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "").strip();
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "error.field.type");
        }
    }
}
