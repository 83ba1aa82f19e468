package org.shouwang.identity;

import java.time.Clock;

import org.shouwang.shared.Viewer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountStore store;
    private final Clock clock;

    AccountUserDetailsService(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public AccountUser loadUserByUsername(String username) {
        return store.findByUsername(username).map(this::user)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    AccountUser user(AccountStore.Row row) {
        Account a = row.account();
        Viewer viewer = new Viewer(a.id(), a.username(), a.displayName(), a.roles(), a.studentId(), a.staffId(), a.departmentId());
        return new AccountUser(viewer, row.passwordHash(), a.enabled(), a.lockedAt(clock.instant()), a.mustChangePassword());
    }
}
