package org.shouwang.identity;

import java.time.Instant;
import java.util.Set;

import org.shouwang.shared.Role;

/** An account as administrators see it. */
public record Account(long id, String username, String displayName, Set<Role> roles, Long studentId, Long staffId,
                      Long departmentId, boolean enabled, boolean mustChangePassword, int failedLogins,
                      Instant lockedUntil, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
