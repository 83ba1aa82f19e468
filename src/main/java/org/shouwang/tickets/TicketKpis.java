package org.shouwang.tickets;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs of DESIGN §5, one implementation for the KPI page, the API and later reports: for the
 * requests submitted in a period (withdrawn ones excluded), broken down by one dimension. Rates
 * carry their numerator and denominator, so 0/0 is "no figure", not zero. Psychology requests
 * count like any other (counts only, never content).
 * <p>
 * Aggregates only: administrators, leaders, student affairs and the dispatch desk see every
 * department; a department head sees their own department's requests only; anyone else gets 404.
 * <p>
 * Figures come from the rollup cells of the period ({@link KpiRollup}) plus the requests not rolled
 * up yet, read in one snapshot, so they always equal a plain recount.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class TicketKpis {

    /** Longest period a query may span. */
    static final int MAX_YEARS = 10;

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;

    TicketKpis(JdbcClient jdbc, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What a KPI table is broken down by. */
    public enum Dimension {
        CATEGORY, DEPARTMENT, COLLEGE, BUILDING, FLOOR, MONTH;

        String cells() {
            return this == MONTH ? KpiFacts.TOTAL : name();
        }
    }

    /** A share: {@code count} of {@code of}; {@code value} is null when {@code of} is 0. */
    public record Rate(long count, long of, Double value) {
        static Rate of(long count, long of) {
            return new Rate(count, of, of == 0 ? null : (double) count / of);
        }
    }

    /**
     * The figures of one group. Medians are in business minutes (natural minutes for urgent
     * requests), null when nothing was responded to or resolved.
     */
    public record Figures(long requests, long responded, Rate responseRate, Rate onTimeResponseRate, long resolved,
                          Rate onTimeResolutionRate, long followUpsAnswered, Rate contactRate, Rate resolutionRate,
                          Rate satisfactionRate, Double medianResponseMinutes, Double medianResolutionMinutes, long returned,
                          Rate returnRate, long reopened, Rate reopenRate, long supervised) {

        static Figures of(KpiTally t) {
            return new Figures(t.requests, t.responded, Rate.of(t.responded, t.requests), Rate.of(t.respondedOnTime, t.requests),
                    t.resolved, Rate.of(t.resolvedOnTime, t.resolved), t.followedUp, Rate.of(t.contacted, t.followedUp),
                    Rate.of(t.solved, t.followedUp), Rate.of(t.satisfied, t.followedUp), t.responseMinutes.median(),
                    t.resolutionMinutes.median(), t.returned, Rate.of(t.returned, t.requests), t.reopened,
                    Rate.of(t.reopened, t.requests), t.supervised);
        }
    }

    /**
     * One group of the breakdown. {@code key}: the category name, a department, college or
     * building id, "building/floor", or "yyyy-MM"; "-" for requests without one. {@code name}: the
     * department, college or building name ("building name / floor"), null for categories and months.
     */
    public record Row(String key, String name, Figures figures) {
    }

    /** The figures of a period [from, to) of submission dates; departmentId is set when narrowed to one department. */
    public record Report(LocalDate from, LocalDate to, Dimension dimension, Long departmentId, List<Row> rows, Figures total) {
    }

    /** Who may see KPIs, and of which department: null for all. Throws 404 for anyone else. */
    public Long scope(Viewer viewer) {
        if (viewer.has(Role.ADMIN) || viewer.has(Role.LEADER) || viewer.has(Role.STUDENT_AFFAIRS) || viewer.has(Role.DISPATCH_DESK)) {
            return null;
        }
        if (viewer.has(Role.DEPARTMENT_HEAD) && viewer.departmentId() != null) {
            return viewer.departmentId();
        }
        throw new NotFoundException("page", "kpis");
    }

    public boolean mayView(Viewer viewer) {
        try {
            scope(viewer);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The KPIs of requests submitted from {@code from} (inclusive) to {@code to} (exclusive); no dimension: totals only. */
    public Report report(Viewer viewer, LocalDate from, LocalDate to, Dimension dimension) {
        return report(viewer, from, to, dimension, null);
    }

    /**
     * The same, narrowed to one department ({@code departmentId} null: as {@link #scope} decides):
     * a viewer who sees every department may choose one; a department head only their own, 404
     * for any other.
     */
    public Report report(Viewer viewer, LocalDate from, LocalDate to, Dimension dimension, Long departmentId) {
        Dimension[] one = {dimension};
        return reports(viewer, from, to, departmentId, one).get(0);
    }

    /**
     * Several breakdowns of one period at once (null: the total only), in the order asked, from one
     * snapshot and one read of the requests not rolled up yet: the same figures as one
     * {@link #report} each, for the price of about one. Department as in {@link #report}.
     */
    public List<Report> reports(Viewer viewer, LocalDate from, LocalDate to, Long departmentId, Dimension... dimensions) {
        Long own = scope(viewer);
        if (departmentId != null && own != null && !own.equals(departmentId)) {
            throw new NotFoundException("department", departmentId);
        }
        Long department = departmentId != null ? departmentId : own;
        check(from, to);
        List<Tallies> all = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            Tallies t = new Tallies(dimension);
            String cells = dimension == null ? KpiFacts.TOTAL : dimension.cells();
            // Whole months from the month cells, the days around them from the day cells.
            LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate endMonth = to.withDayOfMonth(1);
            if (firstMonth.isBefore(endMonth)) {
                readCells('M', cells, department, firstMonth, endMonth, dimension, t.total, t.groups);
                readCells('D', cells, department, from, firstMonth, dimension, t.total, t.groups);
                readCells('D', cells, department, endMonth, to, dimension, t.total, t.groups);
            } else {
                readCells('D', cells, department, from, to, dimension, t.total, t.groups);
            }
            all.add(t);
        }
        // Requests not rolled up yet (everything still open, and what closed since the last rollup),
        // read once for every breakdown, each added as the rollup would add it.
        readOpen(department, from, to, all);
        List<Report> reports = new ArrayList<>();
        for (Tallies t : all) {
            reports.add(new Report(from, to, t.dimension, department, rows(t.dimension, t.groups), Figures.of(t.total)));
        }
        return reports;
    }

    /** One breakdown being counted: its total and its groups by key. */
    private record Tallies(Dimension dimension, KpiTally total, Map<String, KpiTally> groups) {
        Tallies(Dimension dimension) {
            this(dimension, new KpiTally(), new HashMap<>());
        }
    }

    /**
     * Adds the requests of [from, to) not rolled up yet to every breakdown, row by row as they are
     * read (no list of them is built), with the facts and group keys the rollup uses for its cells.
     */
    private void readOpen(Long department, LocalDate from, LocalDate to, List<Tallies> all) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamps.of(start(from)));
        params.put("to", Timestamps.of(start(to)));
        String condition = " WHERE NOT t.kpi_rolled AND t.submitted_at >= :from AND t.submitted_at < :to AND t.state <> 'WITHDRAWN'";
        if (department != null) {
            params.put("department", department);
            condition += " AND t.department_id = :department";
        }
        jdbc.sql(KpiFacts.SELECT + condition).params(params).query(rs -> {
            KpiFacts.Request r = KpiFacts.read(rs, 0);
            for (Tallies t : all) {
                t.total.add(r.facts());
                if (t.dimension != null) {
                    String key = t.dimension == Dimension.MONTH ? YearMonth.from(r.day()).toString() : r.key(t.dimension.cells());
                    t.groups.computeIfAbsent(key, k -> new KpiTally()).add(r.facts());
                }
            }
        });
    }

    private void readCells(char grain, String cells, Long department, LocalDate from, LocalDate to, Dimension dimension,
                           KpiTally total, Map<String, KpiTally> groups) {
        if (!from.isBefore(to)) {
            return;
        }
        List<String> dimensions = cells.equals(KpiFacts.TOTAL) ? List.of(KpiFacts.TOTAL) : List.of(KpiFacts.TOTAL, cells);
        jdbc.sql("SELECT dimension, period_start, group_key, " + KpiRollup.counters() + """
                         FROM ticket_kpi_cell
                        WHERE grain = :grain AND dimension IN (:dimensions) AND department_id = :department
                          AND period_start >= :from AND period_start < :to""")
                .param("grain", String.valueOf(grain)).param("dimensions", dimensions)
                .param("department", department == null ? -1L : department).param("from", from).param("to", to)
                .query(rs -> {
                    KpiTally tally = KpiRollup.read(rs);
                    boolean totalCell = rs.getString("dimension").equals(KpiFacts.TOTAL);
                    if (totalCell) {
                        total.add(tally);
                    }
                    if (dimension == Dimension.MONTH && totalCell) {
                        String month = YearMonth.from(rs.getObject("period_start", LocalDate.class)).toString();
                        groups.computeIfAbsent(month, k -> new KpiTally()).add(tally);
                    } else if (dimension != null && dimension != Dimension.MONTH && !totalCell) {
                        groups.computeIfAbsent(rs.getString("group_key"), k -> new KpiTally()).add(tally);
                    }
                });
    }

    private List<Row> rows(Dimension dimension, Map<String, KpiTally> groups) {
        if (dimension == null) {
            return List.of();
        }
        Map<String, String> names = names(dimension);
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, tally) -> rows.add(new Row(key, names.get(key), Figures.of(tally))));
        Comparator<Row> order = switch (dimension) {
            case CATEGORY -> Comparator.comparing(r -> Category.valueOf(r.key()).ordinal());
            case MONTH -> Comparator.comparing(Row::key);
            default -> Comparator.comparing((Row r) -> r.key().equals(KpiFacts.NONE) ? 1 : 0)
                    .thenComparing(r -> r.name() == null ? "" : r.name()).thenComparing(Row::key);
        };
        rows.sort(order);
        return rows;
    }

    /** Names of departments, colleges, buildings and floors by group key. */
    private Map<String, String> names(Dimension dimension) {
        Map<String, String> names = new HashMap<>();
        switch (dimension) {
            case DEPARTMENT -> jdbc.sql("SELECT id, name FROM department").query(rs -> {
                names.put(String.valueOf(rs.getLong("id")), rs.getString("name"));
            });
            case COLLEGE -> jdbc.sql("SELECT id, name FROM college").query(rs -> {
                names.put(String.valueOf(rs.getLong("id")), rs.getString("name"));
            });
            case BUILDING, FLOOR -> jdbc.sql("SELECT id, name FROM building").query(rs -> {
                names.put(String.valueOf(rs.getLong("id")), rs.getString("name"));
            });
            default -> {
            }
        }
        if (dimension == Dimension.FLOOR) {
            return new FloorNames(names);
        }
        return names;
    }

    /** "building/floor" keys named "building name / floor", looked up lazily. */
    private static final class FloorNames extends HashMap<String, String> {
        private final Map<String, String> buildings;

        FloorNames(Map<String, String> buildings) {
            this.buildings = buildings;
        }

        @Override
        public String get(Object key) {
            String[] parts = String.valueOf(key).split("/");
            String building = buildings.get(parts[0]);
            if (building == null) {
                return null;
            }
            return parts.length < 2 || parts[1].equals(KpiFacts.NONE) ? building : building + " / " + parts[1];
        }
    }

    private static void check(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidInput("from", "kpi.fromRequired");
        }
        if (to == null) {
            throw new InvalidInput("to", "kpi.toRequired");
        }
        if (!from.isBefore(to)) {
            throw new InvalidInput("to", "kpi.periodOrder");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw new InvalidInput("to", "kpi.periodTooLong", MAX_YEARS);
        }
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(KpiFacts.ZONE).toInstant();
    }

    // — periods —

    /** The periods a picker offers. */
    public enum Period { MONTH, TERM, YEAR, DAYS30, CUSTOM }

    /** [from, to) of a named period around today; CUSTOM takes the given dates. */
    public LocalDate[] period(Period period, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(KpiFacts.ZONE));
        return switch (period) {
            case MONTH -> new LocalDate[]{today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1)};
            case YEAR -> new LocalDate[]{today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1)};
            case DAYS30 -> new LocalDate[]{today.minusDays(29), today.plusDays(1)};
            case TERM -> term(today);
            case CUSTOM -> {
                check(from, to);
                yield new LocalDate[]{from, to};
            }
        };
    }

    /** The term under way (or the last one begun), else the last 30 days. */
    private LocalDate[] term(LocalDate today) {
        return calendar.terms().stream()
                .filter(t -> t.kind() == BusinessCalendar.TermKind.TERM && !t.starts().isAfter(today))
                .max(Comparator.comparing(BusinessCalendar.Term::starts))
                .map(t -> new LocalDate[]{t.starts(), t.ends().isBefore(today) ? t.ends().plusDays(1) : today.plusDays(1)})
                .orElse(new LocalDate[]{today.minusDays(29), today.plusDays(1)});
    }

    // — the public board —

    /** Anonymised counts and recent items: never text, names, rooms, nor psychology, legal or safety cases. */
    public record Board(LocalDate from, LocalDate to, long resolved, Map<String, Long> byCategory, List<BuildingCount> byBuilding,
                        List<BoardItem> recent) {
    }

    public record BuildingCount(String building, long resolved) {
    }

    /** One resolved request as the public sees it; building null when it was about no building. */
    public record BoardItem(Category category, Category.Subcategory subcategory, String building, LocalDate submitted,
                            Integer resolutionMinutes, Satisfaction satisfaction) {
    }

    static final int BOARD_ITEMS = 20;

    /** Requests resolved in [from, to) that may be shown publicly. Any signed-in user. */
    public Board board(LocalDate from, LocalDate to) {
        check(from, to);
        List<String> publishable = Arrays.stream(Category.values()).filter(Category::publishable).map(Category::name).toList();
        String where = """
                 FROM ticket t LEFT JOIN building b ON b.id = t.building_id
                WHERE t.state IN ('RESOLVED', 'CLOSED') AND NOT t.confidential AND t.category IN (:publishable)
                  AND t.resolved_at >= :from AND t.resolved_at < :to""";
        Map<String, Object> params = Map.of("publishable", publishable, "from", Timestamps.of(start(from)), "to", Timestamps.of(start(to)));
        Map<String, Long> byCategory = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT t.category, count(*) AS n" + where + " GROUP BY t.category").params(params)
                .query(rs -> {
                    counts.put(rs.getString("category"), rs.getLong("n"));
                });
        Arrays.stream(Category.values()).filter(Category::publishable).forEach(c -> byCategory.put(c.name(), counts.getOrDefault(c.name(), 0L)));
        List<BuildingCount> byBuilding = jdbc.sql("SELECT b.id, b.name, count(*) AS n" + where + " GROUP BY b.id, b.name ORDER BY count(*) DESC, b.name")
                .params(params).query((rs, n) -> new BuildingCount(rs.getString("name"), rs.getLong("n"))).list();
        List<BoardItem> recent = jdbc.sql("""
                        SELECT t.category, t.subcategory, b.name AS building, t.submitted_at, t.resolution_minutes, t.satisfaction"""
                        + where + " ORDER BY t.resolved_at DESC, t.id DESC LIMIT " + BOARD_ITEMS)
                .params(params).query((rs, n) -> {
                    String sub = rs.getString("subcategory");
                    String satisfaction = rs.getString("satisfaction");
                    int minutes = rs.getInt("resolution_minutes");
                    Integer resolution = rs.wasNull() ? null : minutes;
                    return new BoardItem(Category.valueOf(rs.getString("category")), sub == null ? null : Category.Subcategory.valueOf(sub),
                            rs.getString("building"), Timestamps.read(rs, "submitted_at").atZone(KpiFacts.ZONE).toLocalDate(),
                            resolution, satisfaction == null ? null : Satisfaction.valueOf(satisfaction));
                }).list();
        long resolved = byBuilding.stream().mapToLong(BuildingCount::resolved).sum();
        return new Board(from, to, resolved, byCategory, byBuilding, recent);
    }
}
