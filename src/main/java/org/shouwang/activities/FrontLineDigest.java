package org.shouwang.activities;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.shouwang.notifications.Notice;
import org.shouwang.shared.Timestamps;
import org.shouwang.tickets.TicketClosed;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Closes the front-line loop of an activity: when a request raised there ends, marks it; when
 * every one has ended, tells each attendee (present at check-in or, when nobody checked in, holding
 * a seat) once what was done, and tells the leader and organisers that the loop is closed.
 * <p>
 * A request that ended by being merged into another hands the activity on to that one: the loop
 * closes when the request that carries on ends, and its resolution is what the attendees read.
 * A withdrawn request has ended (the student took it back). Every ending is re-checked against the
 * requests themselves, so an event delivered twice or late changes nothing.
 */
@Component
class FrontLineDigest {

    /** Items the digest spells out; the rest are counted. */
    static final int MAX_ITEMS = 10;
    static final int FEEDBACK_MAX = 80;

    private final ActivityStore store;
    private final Activities activities;
    private final TicketQueries tickets;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    FrontLineDigest(ActivityStore store, Activities activities, @Lazy TicketQueries tickets, MessageSource messages,
                    ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.activities = activities;
        this.tickets = tickets;
        this.messages = messages;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TicketClosed closed) {
        for (long activityId : jdbc.sql("SELECT DISTINCT activity_id FROM activity_request WHERE ticket_id = ? ORDER BY activity_id")
                .param(closed.ticketId()).query(Long.class).list()) {
            settle(activityId);
        }
    }

    /** Marks what has ended among the activity's requests and, the first time all have, sends the digest. */
    void settle(long activityId) {
        // One at a time per activity, so that two requests ending at once neither both send the digest nor both miss it.
        jdbc.sql("SELECT id FROM activity WHERE id = ? FOR UPDATE").param(activityId).query(Long.class).single();
        List<TicketViews.Outcome> outcomes = followMerges(activityId);
        for (TicketViews.Outcome o : outcomes) {
            if (o.state().ended()) {
                jdbc.sql("UPDATE activity_request SET closed = TRUE WHERE activity_id = ? AND ticket_id = ? AND NOT closed")
                        .params(activityId, o.id()).update();
            }
        }
        boolean allEnded = !outcomes.isEmpty() && outcomes.stream().allMatch(o -> o.state().ended());
        boolean sent = jdbc.sql("SELECT count(*) FROM front_line_digest WHERE activity_id = ?").param(activityId)
                .query(Long.class).single() > 0;
        if (allEnded && !sent) {
            send(activityId, outcomes);
        }
    }

    /** The activity's requests, after linking to it each request one of them was merged into. */
    private List<TicketViews.Outcome> followMerges(long activityId) {
        while (true) {
            List<Long> ids = jdbc.sql("SELECT ticket_id FROM activity_request WHERE activity_id = ?").param(activityId)
                    .query(Long.class).list();
            List<TicketViews.Outcome> outcomes = tickets.outcomes(ids);
            Set<Long> linked = new HashSet<>(ids);
            boolean added = false;
            for (TicketViews.Outcome o : outcomes) {
                if (o.state() == TicketState.MERGED && o.mergedIntoId() != null && !linked.contains(o.mergedIntoId())) {
                    jdbc.sql("INSERT INTO activity_request (activity_id, ticket_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                            .params(activityId, o.mergedIntoId()).update();
                    added = true;
                }
            }
            if (!added) {
                return outcomes;
            }
        }
    }

    private void send(long activityId, List<TicketViews.Outcome> outcomes) {
        Activity a = store.get(activityId);
        List<Long> students = jdbc.sql("SELECT student_id FROM attendance WHERE activity_id = ? AND state = 'PRESENT' ORDER BY student_id")
                .param(activityId).query(Long.class).list();
        if (students.isEmpty()) {
            students = jdbc.sql("SELECT student_id FROM registration WHERE activity_id = ? AND state = 'REGISTERED' ORDER BY student_id")
                    .param(activityId).query(Long.class).list();
        }
        Set<Long> attendees = activities.accountsOf(students);
        // A merged request is reported by the one it was merged into.
        List<TicketViews.Outcome> reported = outcomes.stream().filter(o -> o.state() != TicketState.MERGED).toList();
        jdbc.sql("INSERT INTO front_line_digest (activity_id, sent_at, recipients, requests) VALUES (?, ?, ?, ?)")
                .params(activityId, Timestamps.of(clock.instant()), attendees.size(), reported.size()).update();
        String title = a.plan.title();
        String count = String.valueOf(reported.size());
        if (!attendees.isEmpty()) {
            // Both languages travel with the notice; each reader's message picks its own.
            events.publishEvent(new Notice("frontline-digest-" + activityId, attendees, "frontline.notice.digest",
                    List.of(title, count, items(reported, Locale.SIMPLIFIED_CHINESE), items(reported, Locale.ENGLISH)),
                    Activities.link(activityId)));
        }
        events.publishEvent(new Notice("frontline-closed-" + activityId, activities.organisers(a), "frontline.notice.loopClosed",
                List.of(title, count, String.valueOf(attendees.size())), "/activities/" + activityId + "/issues"));
    }

    /**
     * What was done, one item per request: its category and the resolution given to the student.
     * Psychology, legal and safety matters (never on the public board) are only counted, so that no
     * attendee learns what a fellow student raised in confidence.
     */
    String items(List<TicketViews.Outcome> reported, Locale locale) {
        List<String> items = new ArrayList<>();
        int confidential = 0;
        int more = 0;
        for (TicketViews.Outcome o : reported) {
            if (o.confidential() || !o.category().publishable()) {
                confidential++;
                continue;
            }
            if (items.size() >= MAX_ITEMS) {
                more++;
                continue;
            }
            String category = text("ticket.category." + o.category().name(), locale);
            if (o.state() == TicketState.WITHDRAWN) {
                items.add(text("frontline.digest.withdrawn", locale, category));
            } else if (o.feedback() == null) {
                items.add(text("frontline.digest.closed", locale, category));
            } else {
                items.add(text("frontline.digest.item", locale, category, FrontLine.abbreviate(o.feedback(), FEEDBACK_MAX)));
            }
        }
        if (more > 0) {
            items.add(text("frontline.digest.more", locale, String.valueOf(more)));
        }
        if (confidential > 0) {
            items.add(text("frontline.digest.confidential", locale, String.valueOf(confidential)));
        }
        return String.join(Locale.ENGLISH.equals(locale) ? "; " : "；", items);
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
