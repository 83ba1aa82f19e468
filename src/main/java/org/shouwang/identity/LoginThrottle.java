package org.shouwang.identity;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Five wrong passwords in a row lock an account for a while (shouwang.identity.*). */
@Component
class LoginThrottle {

    private final AccountStore store;
    private final IdentityProperties properties;
    private final Clock clock;

    LoginThrottle(AccountStore store, IdentityProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        store.recordFailedLogin(event.getAuthentication().getName(), properties.maxFailedLogins(), now,
                now.plus(properties.lockFor()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
            store.recordSuccessfulLogin(user.getUsername());
        }
    }
}
