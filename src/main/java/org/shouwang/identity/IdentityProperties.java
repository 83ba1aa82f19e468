package org.shouwang.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins failed logins in a row that lock an account
 * @param lockFor         how long such an account stays locked
 */
@ConfigurationProperties("shouwang.identity")
record IdentityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockFor) {
}
