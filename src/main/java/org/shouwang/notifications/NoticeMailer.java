package org.shouwang.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.shouwang.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails a stored notice to the accounts that gave an address, each in the language it chose.
 * Runs after the inbox rows are committed, so the inbox never waits for or depends on the mail
 * server. Each email is claimed by setting {@code emailed_at} in its own transaction while it is
 * sent, so it goes out once even when two nodes retry the same notice; a failed send rolls its claim
 * back, leaves the notice's publication failed, and is tried again every {@code retry-every} until
 * {@code max-attempts}, then only logged. With email off (the default) there is no mailer at all,
 * so a notice costs no second event publication.
 */
@Component
@ConditionalOnProperty(name = "shouwang.notifications.email.enabled", havingValue = "true")
class NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final JdbcClient jdbc;
    private final NoticeText text;
    private final MessageSource messages;
    private final NotificationProperties.Email settings;
    private final ObjectProvider<JavaMailSender> senders;
    private final FailedEventPublications failed;
    private final TransactionTemplate eachEmail;
    private final Clock clock;

    NoticeMailer(JdbcClient jdbc, NoticeText text, MessageSource messages, NotificationProperties properties,
                 ObjectProvider<JavaMailSender> senders, FailedEventPublications failed,
                 PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.text = text;
        this.messages = messages;
        this.settings = properties.email();
        this.senders = senders;
        this.failed = failed;
        this.eachEmail = new TransactionTemplate(transactions);
        this.eachEmail.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** One email of a notice to one account. */
    record Due(long id, String messageCode, String args, String email, String language) {
    }

    @ApplicationModuleListener
    void mail(NoticeStored stored) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            log.warn("Notices are to be emailed but no mail server is configured (spring.mail.host); notice {} not emailed",
                    stored.key());
            return;
        }
        List<Due> due = jdbc.sql("""
                        SELECT n.id, n.message_code, n.args, s.email, s.language
                        FROM notification n JOIN notification_setting s ON s.account_id = n.account_id
                        WHERE n.notice_key = ? AND n.emailed_at IS NULL AND s.email_enabled = TRUE AND s.email IS NOT NULL
                        ORDER BY n.id""")
                .param(stored.key()).query(Due.class).list();
        long failures = due.stream().filter(d -> !send(sender, d)).count();
        if (failures > 0) {
            throw new MailUndelivered(stored.key(), failures);
        }
    }

    private boolean send(JavaMailSender sender, Due due) {
        try {
            eachEmail.executeWithoutResult(tx -> {
                int claimed = jdbc.sql("UPDATE notification SET emailed_at = ? WHERE id = ? AND emailed_at IS NULL")
                        .params(Timestamps.of(clock.instant()), due.id()).update();
                if (claimed == 1) {
                    sender.send(message(due));
                }
            });
            return true;
        } catch (MailException e) {
            log.warn("Notification {} could not be emailed: {}", due.id(), e.getMessage());
            return false;
        }
    }

    private SimpleMailMessage message(Due due) {
        Locale locale = NoticeText.locale(due.language());
        String body = text.render(due.messageCode(), NoticeText.split(due.args()), locale);
        String link = settings.baseUrl().replaceAll("/+$", "") + "/notifications/" + due.id() + "/open";
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(due.email());
        message.setSubject(messages.getMessage("notifications.email.subject", new Object[]{body}, locale));
        message.setText(messages.getMessage("notifications.email.body", new Object[]{body, link}, locale));
        return message;
    }

    /** Tries the failed emails again: only publications of this mailer, each a bounded number of times. */
    @Scheduled(initialDelayString = "${shouwang.notifications.email.retry-every:5m}",
            fixedDelayString = "${shouwang.notifications.email.retry-every:5m}")
    void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(settings.retryEvery())
                .withFilter(p -> p.getEvent() instanceof NoticeStored
                        && p.getCompletionAttempts() < settings.maxAttempts()));
    }

    static class MailUndelivered extends RuntimeException {
        MailUndelivered(String key, long failures) {
            super(failures + " email(s) of notice " + key + " not sent; to be retried");
        }
    }
}
