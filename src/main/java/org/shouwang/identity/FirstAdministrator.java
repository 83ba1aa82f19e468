package org.shouwang.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;

import org.shouwang.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new installation has nobody to sign in as: when no account holds the administrator role, open
 * {@code admin} with the configured first password (or a random one, printed once), to be changed
 * at the first sign-in. Runs after the demo campus, which brings its own administrator.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccountStore store;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    FirstAdministrator(AccountStore store, JdbcClient jdbc, PasswordEncoder passwords, IdentityProperties properties,
                       Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    @Transactional
    public void openIfNoneExists() {
        boolean hasAdmin = jdbc.sql("SELECT count(*) FROM account_role WHERE role = 'ADMIN'").query(Long.class).single() > 0;
        if (hasAdmin) {
            return;
        }
        if (store.usernameTaken("admin")) {
            log.warn("No account holds the ADMIN role and the username 'admin' is taken: grant ADMIN in the database.");
            return;
        }
        String configured = properties.firstAdminPassword();
        String password = configured == null || configured.isBlank() ? random() : configured;
        long id = store.insert("admin", passwords.encode(password), "系统管理员", null, null, null, true, clock.instant());
        store.replaceRoles(id, EnumSet.of(Role.ADMIN));
        log.warn("\n\n  No administrator existed: opened 'admin'{}. Change the password at the first sign-in.\n",
                configured == null || configured.isBlank() ? " with the one-time password " + password : "");
    }

    private static String random() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.append(random.nextInt(10)).toString();
    }
}
