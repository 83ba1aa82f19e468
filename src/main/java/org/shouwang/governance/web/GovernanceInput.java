package org.shouwang.governance.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.shouwang.shared.CampusTime;

/** What pages and API clients type, read as the services' values: anything unreadable is a field error, never a 500. */
final class GovernanceInput {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private GovernanceInput() {
    }

    /** Lines (or commas, for usernames) of a text area, blanks dropped. */
    static List<String> lines(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> usernames(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split("[,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Campus time for the pages. */
    public static final class Times {
        public String at(Instant at) {
            return at == null ? "" : SHOWN.format(at.atZone(CampusTime.ZONE));
        }
    }
}
