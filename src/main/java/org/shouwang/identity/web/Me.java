package org.shouwang.identity.web;

import java.time.Instant;
import java.util.Set;

import org.shouwang.identity.Account;
import org.shouwang.shared.Role;

/** The caller's own account. */
record Me(long id, String username, String displayName, Set<Role> roles, Long studentId, Long staffId,
          Long departmentId, boolean mustChangePassword, Instant createdAt) {

    static Me of(Account account) {
        return new Me(account.id(), account.username(), account.displayName(), account.roles(), account.studentId(),
                account.staffId(), account.departmentId(), account.mustChangePassword(), account.createdAt());
    }
}
