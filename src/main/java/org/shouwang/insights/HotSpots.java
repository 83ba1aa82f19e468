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

import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Hot spots (未诉先办): in a month, the same kind of problem raised again and again on one floor of a
 * building — requests of one category and sub-category, at least {@code threshold} of them (default 3).
 * Psychology, legal and safety requests form a hot spot only from {@link #SENSITIVE_MINIMUM} on, so that
 * no small group of them is shown. Leaders, admins and student affairs see hot spots; anyone else 404.
 */
@Service
public class HotSpots {

    /** Below this many, psychology, legal and safety requests never appear in an aggregate. */
    public static final int SENSITIVE_MINIMUM = 5;

    private final TicketQueries tickets;
    private final Residence residence;
    private final Clock clock;
    private final int threshold;

    HotSpots(TicketQueries tickets, Residence residence, Clock clock,
             @Value("${shouwang.insights.hot-spot-threshold:3}") int threshold) {
        this.tickets = tickets;
        this.residence = residence;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** A recurring problem: its key, place, kind and the requests behind it. */
    public record HotSpot(String key, long buildingId, String buildingName, int floor, Category category, String subcategory,
                          List<Request> requests) {
        public int count() {
            return requests.size();
        }
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
        List<HotSpot> spots = new ArrayList<>();
        groups.forEach((key, rows) -> {
            TicketQueries.Located first = rows.get(0);
            int minimum = first.category().publishable() ? threshold : Math.max(threshold, SENSITIVE_MINIMUM);
            if (rows.size() >= minimum) {
                spots.add(new HotSpot(key, first.buildingId(), buildings.get(first.buildingId()), first.floor(), first.category(),
                        first.subcategory(), rows.stream().map(r -> new Request(r.id(), r.number())).toList()));
            }
        });
        spots.sort(Comparator.comparingInt(HotSpot::count).reversed().thenComparing(HotSpot::key));
        return spots;
    }

    static String key(long buildingId, int floor, Category category, String subcategory) {
        return buildingId + "-" + floor + "-" + category.name() + "-" + (subcategory == null ? "NONE" : subcategory);
    }
}
