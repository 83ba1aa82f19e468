package org.shouwang.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.shouwang.DemoUsers;
import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Fixtures for notice tests: fresh accounts (so that notices other tests send to the demo accounts
 * never disturb a count), notices published the way a module publishes them, and waiting for their
 * asynchronous delivery.
 */
@Component
class Inboxes {

    static final String PASSWORD = "Reader2026";

    private final Accounts accounts;
    private final DemoUsers users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    Inboxes(Accounts accounts, DemoUsers users, ApplicationEventPublisher events, TransactionTemplate transaction, JdbcClient jdbc) {
        this.accounts = accounts;
        this.users = users;
        this.events = events;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** A new account that has already changed its initial password, so every page is open to it. */
    Account reader(String purpose) {
        String username = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        Account account = accounts.create(users.viewer("admin"),
                new Accounts.Draft(username, "Reader " + username, null, Set.of(Role.LEADER), null, "Initial2026"));
        accounts.changePassword(users.viewer(username), "Initial2026", PASSWORD);
        return accounts.get(account.id());
    }

    static String key(String what) {
        return "test." + what + "." + UUID.randomUUID();
    }

    static Notice notice(String key, String code, List<String> args, Account... to) {
        return new Notice(key, java.util.Arrays.stream(to).map(Account::id).collect(java.util.stream.Collectors.toSet()),
                code, args, "/profile");
    }

    /** Publishes inside a transaction, as a module does; delivery happens after the commit. */
    void publish(Notice notice) {
        transaction.executeWithoutResult(tx -> events.publishEvent(notice));
    }

    /** Waits until every listener of the notice (and of what it caused) has completed. */
    void awaitDelivered(String key) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NULL")
                        .param("%" + key + "%").query(Long.class).single() == 0
                        && jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
                        .param("%" + key + "%").query(Long.class).single() > 0);
    }

    long idOf(String key, Account account) {
        return jdbc.sql("SELECT id FROM notification WHERE notice_key = ? AND account_id = ?")
                .params(key, account.id()).query(Long.class).single();
    }
}
