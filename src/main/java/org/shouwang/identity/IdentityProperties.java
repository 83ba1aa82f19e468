package org.shouwang.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins    failed logins in a row that lock an account
 * @param lockFor            how long such an account stays locked
 * @param firstAdminPassword the password of the {@code admin} account opened on a database that has
 *                           no administrator; when blank, a random one is printed once in the log
 */
@ConfigurationProperties("shouwang.identity")
record IdentityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockFor,
                          String firstAdminPassword) {
}
