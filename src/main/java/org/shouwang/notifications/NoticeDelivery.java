package org.shouwang.notifications;

import java.time.Clock;
import java.util.List;

import org.shouwang.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts each {@link Notice} into the inbox of every account it names. Delivered through the event
 * publication registry, so a notice published in a committed transaction survives a crash; a
 * notice delivered twice, or published twice under the same key, leaves one row per account.
 */
@Component
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private static final String INSERT = """
            INSERT INTO notification (account_id, notice_key, message_code, args, link, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final NotificationProperties properties;
    private final Clock clock;

    NoticeDelivery(JdbcTemplate jdbc, ApplicationEventPublisher events, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void deliver(Notice notice) {
        if (notice.key() == null || notice.key().isBlank() || notice.messageCode() == null || notice.messageCode().isBlank()) {
            log.warn("Dropped a notice without key or message code: {}", notice);
            return;
        }
        Object now = Timestamps.of(clock.instant());
        String args = NoticeText.join(notice.args());
        List<Object[]> rows = notice.accountIds().stream().sorted()
                .map(account -> new Object[]{account, notice.key(), notice.messageCode(), args, notice.link(), now})
                .toList();
        jdbc.batchUpdate(INSERT, rows);
        if (properties.email().enabled()) {
            events.publishEvent(new NoticeStored(notice.key()));
        }
    }
}
