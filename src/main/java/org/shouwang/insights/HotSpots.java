package org.shouwang.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.governance.ActionItemDraft;
import org.shouwang.governance.ActionItemStatus;
import org.shouwang.governance.ActionItems;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hot spots (未诉先办): in a month, the same kind of problem raised again and again on one floor of a
 * building — requests of one category and sub-category, at least {@code threshold} of them (default 3).
 * Psychology, legal and safety requests form a hot spot only from {@link SmallGroups#MIN_GROUP} on, so that
 * no small group of them is shown. Leaders, admins and student affairs see hot spots; anyone else 404.
 */
@Service
public class HotSpots {

    private final JdbcClient jdbc;
    private final ActionItems actionItems;
    private final TicketQueries tickets;
    private final Residence residence;
    private final Clock clock;
    private final int threshold;

    HotSpots(JdbcClient jdbc, ActionItems actionItems, TicketQueries tickets, Residence residence, Clock clock,
             @Value("${shouwang.insights.hot-spot-threshold:3}") int threshold) {
        this.jdbc = jdbc;
        this.actionItems = actionItems;
        this.tickets = tickets;
        this.residence = residence;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** A recurring problem: its key, place, kind and the requests behind it. */
    public record HotSpot(String key, long buildingId, String buildingName, int floor, Category category, String subcategory,
                          List<Request> requests, Item item) {
        public int count() {
            return requests.size();
        }
    }

    /** The action item a hot spot was turned into: its id, title and status. */
    public record Item(long id, String title, ActionItemStatus status, boolean overdue) {
    }

    /** One request behind a hot spot: its id (for a link) and number, never its content. */
    public record Request(long id, String number) {
    }

    public boolean maySee(Viewer viewer) {
        return viewer.has(Role.LEADER) || viewer.has(Role.ADMIN) || viewer.has(Role.STUDENT_AFFAIRS);
    }

    public int threshold() {
        return threshold;
    }

    /** The month named by {@code text} (YYYY-MM), the current campus month when blank; otherwise a field error on "month". */
    public YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(CampusTime.today(clock));
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("month", "hotspots.month.invalid");
        }
    }

    /** The hot spots of a month, most requests first (404 for those who may not see them). */
    public List<HotSpot> of(Viewer viewer, YearMonth month) {
        if (!maySee(viewer)) {
            throw new NotFoundException("page", "insights/hot-spots");
        }
        Instant from = month.atDay(1).atStartOfDay(CampusTime.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(CampusTime.ZONE).toInstant();
        Map<String, List<TicketQueries.Located>> groups = new LinkedHashMap<>();
        for (TicketQueries.Located r : tickets.locatedIn(from, to)) {
            groups.computeIfAbsent(key(r.buildingId(), r.floor(), r.category(), r.subcategory()), k -> new ArrayList<>()).add(r);
        }
        Map<Long, String> buildings = residence.buildingNames();
        Map<String, Long> items = new LinkedHashMap<>();
        jdbc.sql("SELECT spot_key, action_item_id FROM hot_spot_item WHERE period_month = ?").param(month.toString())
                .query(rs -> {
                    items.put(rs.getString(1), rs.getLong(2));
                });
        List<HotSpot> spots = new ArrayList<>();
        groups.forEach((key, rows) -> {
            TicketQueries.Located first = rows.get(0);
            int minimum = first.category().publishable() ? threshold : Math.max(threshold, SmallGroups.MIN_GROUP);
            if (rows.size() >= minimum) {
                spots.add(new HotSpot(key, first.buildingId(), buildings.get(first.buildingId()), first.floor(), first.category(),
                        first.subcategory(), rows.stream().map(r -> new Request(r.id(), r.number())).toList(),
                        item(viewer, items.get(key))));
            }
        });
        spots.sort(Comparator.comparingInt(HotSpot::count).reversed().thenComparing(HotSpot::key));
        return spots;
    }

    private Item item(Viewer viewer, Long id) {
        if (id == null) {
            return null;
        }
        GovernanceViews.ActionItem a = actionItems.item(viewer, id);
        return new Item(a.id(), a.decision(), a.status(), a.overdue());
    }

    /** Whether the viewer may turn a hot spot into an action item: a leader. */
    public boolean mayTurn(Viewer viewer) {
        return viewer.has(Role.LEADER);
    }

    /**
     * A leader turns a hot spot of a month into an action item of governance (owner department,
     * deadline, title): once only (409 the second time); an unknown hot spot or anyone but a leader 404;
     * a missing title, unknown department or past deadline are field errors and nothing is written.
     */
    @Transactional
    public long turnIntoActionItem(Viewer viewer, YearMonth month, String key, ActionItemDraft draft) {
        if (!mayTurn(viewer)) {
            throw new NotFoundException("hot spot", key);
        }
        HotSpot spot = of(viewer, month).stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("hot spot", key));
        if (spot.item() != null) {
            throw new RuleViolation("hotspots.alreadyTurned");
        }
        long id = actionItems.openFromSource(viewer, "hot-spot " + month + " " + key, draft);
        jdbc.sql("""
                        INSERT INTO hot_spot_item (period_month, spot_key, action_item_id, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(month.toString(), key, id, viewer.accountId(), Timestamps.of(clock.instant())).update();
        return id;
    }

    static String key(long buildingId, int floor, Category category, String subcategory) {
        return buildingId + "-" + floor + "-" + category.name() + "-" + (subcategory == null ? "NONE" : subcategory);
    }
}
