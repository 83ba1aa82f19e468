package org.shouwang.notifications;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an inbox, its message already in the reader's language.
 *
 * @param link where the notice leads, a path of the web UI (opening it marks the notice read)
 */
public record Notification(long id, String key, String message, String messageCode, List<String> args, String link,
                           Instant createdAt, Instant readAt) {

    public boolean isUnread() {
        return readAt == null;
    }
}
