package org.shouwang.notifications;

import java.util.List;
import java.util.Set;

/**
 * Something happened that named accounts are to be told of: published by any module inside its
 * transaction, delivered to each account's inbox (and by email when configured) once, in the
 * account's language. {@code key} names the happening; the same key never reaches an account twice.
 *
 * @param messageCode a key of the message bundles, rendered with {@code args} in the reader's language
 * @param link        where the notice leads, a path of the web UI
 */
public record Notice(String key, Set<Long> accountIds, String messageCode, List<String> args, String link) {

    public Notice {
        accountIds = Set.copyOf(accountIds);
        args = List.copyOf(args);
    }
}
