package org.shouwang.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param email how notices also go out by email
 */
@ConfigurationProperties("shouwang.notifications")
record NotificationProperties(@DefaultValue Email email) {

    /**
     * @param enabled     send notices by email too (needs {@code spring.mail.host}); off by default
     * @param from        the sender address of those emails
     * @param baseUrl     the address of the web UI, so that an email can link back to its notice
     * @param retryEvery  how often emails that failed are tried again
     * @param maxAttempts tries per notice before its failed emails are given up (and logged)
     */
    record Email(@DefaultValue("false") boolean enabled, @DefaultValue("noreply@shouwang.local") String from,
                 @DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("5m") Duration retryEvery,
                 @DefaultValue("5") int maxAttempts) {
    }
}
