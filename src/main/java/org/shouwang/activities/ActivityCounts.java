package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.shouwang.people.People;
import org.shouwang.residence.Residence;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many activities, attendances and hours there were in a period, by one dimension: the one
 * implementation the counts page, the API and reports use. Counted are the published activities
 * that started in the period (start date in the campus zone, both ends inclusive) and, on them,
 * the attendances marked PRESENT with their hours. Aggregate figures only: nothing names a student.
 */
@Service
@Transactional(readOnly = true)
public class ActivityCounts {

    /**
     * What the figures are grouped by. An activity serving several educations counts in each of
     * them; by college, a group is the participants' college (as it was when they attended), and
     * its activities are those that college's students attended.
     */
    public enum Dimension {
        TYPE, SERIES, BRAND, EDUCATION, ORGANISER, COLLEGE, BUILDING
    }

    /**
     * One group. {@code key} is the type or education (enum name), the series, brand or organiser
     * as written, or the college's or building's id; "-" for activities without one. {@code name}
     * is what to show: the type or education in the caller's language, the series, brand or
     * organiser, the college's or building's name, or "(none)".
     */
    public record Row(String key, String name, long activities, long attendances, BigDecimal hours) {
    }

    /** The period's figures; {@code total} counts each activity once, whatever the dimension. */
    public record Report(LocalDate from, LocalDate to, Dimension by, List<Row> rows, Row total) {
    }

    static final String NONE = "-";

    private final JdbcClient jdbc;
    private final ActivitiesProperties properties;
    private final People people;
    private final Residence residence;
    private final MessageSource messages;
    private final Clock clock;

    ActivityCounts(JdbcClient jdbc, ActivitiesProperties properties, @Lazy People people, @Lazy Residence residence,
                   MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.properties = properties;
        this.people = people;
        this.residence = residence;
        this.clock = clock;
    }

    /** The counts for a viewer: staff only (aggregate figures), anyone else 404. */
    public Report counts(Viewer viewer, LocalDate from, LocalDate to, Dimension by) {
        requireStaff(viewer);
        return counts(from, to, by);
    }

    /** Staff may read counts; students and floor leaders are answered as if there were nothing. */
    public void requireStaff(Viewer viewer) {
        if (!viewer.isStaff()) {
            throw new NotFoundException("page", "activities/counts");
        }
    }

    /**
     * The counts of [from, to] (dates in the campus zone, both inclusive; without them, the current
     * semester) by one dimension (TYPE when none). From after to is a field error on {@code to}.
     */
    public Report counts(LocalDate from, LocalDate to, Dimension by) {
        return counts(from, to, List.of(by == null ? Dimension.TYPE : by)).get(0);
    }

    /** Several breakdowns of one period, in the order asked: the same figures as one {@link #counts} each, in one read. */
    public List<Report> counts(Viewer viewer, LocalDate from, LocalDate to, List<Dimension> dimensions) {
        requireStaff(viewer);
        return counts(from, to, dimensions);
    }

    /** Several breakdowns of one period for a caller that checked access itself (reports), in one read. */
    public List<Report> counts(LocalDate from, LocalDate to, List<Dimension> dimensions) {
        LocalDate[] period = period(from, to);
        Map<String, Object> range = Map.of(
                "from", Timestamps.of(period[0].atStartOfDay(properties.zone()).toInstant()),
                "until", Timestamps.of(period[1].plusDays(1).atStartOfDay(properties.zone()).toInstant()));
        String published = "a.state = 'PUBLISHED' AND a.starts_at >= :from AND a.starts_at < :until";
        // Every breakdown but by college is read from the activities alone, once: present attendances
        // and hours are each activity's own counters (kept by every attendance write), and an
        // activity serving several educations comes once per education (ordered by id).
        Map<Dimension, Map<String, Tally>> groups = new java.util.EnumMap<>(Dimension.class);
        Tally total = new Tally();
        long[] last = {-1};
        jdbc.sql("""
                        SELECT a.id, a.type, a.series, a.brand, a.organiser, a.building_id, a.present, a.present_hours, e.education
                        FROM activity a LEFT JOIN activity_education e ON e.activity_id = a.id
                        WHERE %s ORDER BY a.id""".formatted(published))
                .params(range).query(rs -> {
                    long id = rs.getLong("id");
                    long present = rs.getLong("present");
                    BigDecimal hours = rs.getBigDecimal("present_hours");
                    if (id != last[0]) {
                        last[0] = id;
                        total.add(present, hours);
                        for (Dimension d : dimensions) {
                            if (d != Dimension.EDUCATION && d != Dimension.COLLEGE) {
                                groups.computeIfAbsent(d, k -> new HashMap<>()).computeIfAbsent(key(rs, d), k -> new Tally())
                                        .add(present, hours);
                            }
                        }
                    }
                    String education = rs.getString("education");
                    if (education != null && dimensions.contains(Dimension.EDUCATION)) {
                        groups.computeIfAbsent(Dimension.EDUCATION, k -> new HashMap<>()).computeIfAbsent(education, k -> new Tally())
                                .add(present, hours);
                    }
                });
        List<Report> reports = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            Function<String, String> names = names(dimension);
            List<Row> rows = new ArrayList<>();
            if (dimension == Dimension.COLLEGE) {
                // a participant's college is on the attendance: by college, attendances are read
                rows.addAll(jdbc.sql("""
                                SELECT CAST(t.college_id AS VARCHAR(20)) AS k, count(DISTINCT a.id) AS activities,
                                       count(t.id) AS attendances, COALESCE(sum(t.hours), 0) AS hours
                                FROM activity a JOIN attendance t ON t.activity_id = a.id AND t.state = 'PRESENT'
                                WHERE %s GROUP BY t.college_id""".formatted(published))
                        .params(range)
                        .query((rs, n) -> {
                            String key = rs.getString("k") == null ? NONE : rs.getString("k");
                            return new Row(key, names.apply(key), rs.getLong("activities"), rs.getLong("attendances"),
                                    rs.getBigDecimal("hours").setScale(1));
                        })
                        .list());
            } else {
                groups.getOrDefault(dimension, Map.of()).forEach((key, t) -> rows.add(t.row(key, names.apply(key))));
            }
            rows.sort(Comparator.comparingLong(Row::activities).reversed().thenComparing(Comparator.comparingLong(Row::attendances).reversed())
                    .thenComparing(r -> NONE.equals(r.key()) ? 1 : 0).thenComparing(Row::key));
            // the total counts each activity once, whatever the dimension
            reports.add(new Report(period[0], period[1], dimension, rows, total.row("total", null)));
        }
        return reports;
    }

    /** Activities, present attendances and hours of a group, being added up. */
    private static final class Tally {
        long activities;
        long attendances;
        BigDecimal hours = BigDecimal.ZERO;

        void add(long present, BigDecimal presentHours) {
            activities++;
            attendances += present;
            hours = hours.add(presentHours);
        }

        Row row(String key, String name) {
            return new Row(key, name, activities, attendances, hours.setScale(1));
        }
    }

    /** The group of the current row in a dimension read from the activity: NONE when it has none. */
    private static String key(java.sql.ResultSet rs, Dimension d) throws java.sql.SQLException {
        String key = switch (d) {
            case TYPE -> rs.getString("type");
            case SERIES -> rs.getString("series");
            case BRAND -> rs.getString("brand");
            case ORGANISER -> rs.getString("organiser");
            case BUILDING -> rs.getObject("building_id") == null ? null : String.valueOf(rs.getLong("building_id"));
            default -> throw new IllegalArgumentException(d.name());
        };
        return key == null || key.isBlank() ? NONE : key;
    }

    /** [from, to] as given, or the current semester; refuses from after to. */
    public LocalDate[] period(LocalDate from, LocalDate to) {
        Semester current = Semester.of(LocalDate.now(clock.withZone(properties.zone())));
        LocalDate f = from != null ? from : to != null ? to.withDayOfMonth(1) : current.from();
        LocalDate t = to != null ? to : from != null ? f.plusMonths(6).minusDays(1) : current.until().minusDays(1);
        if (f.isAfter(t)) {
            throw new InvalidInput("to", "growth.counts.toBeforeFrom");
        }
        if (f.getYear() < 1950 || t.getYear() > 2100) {
            throw new InvalidInput(f.getYear() < 1950 ? "from" : "to", "growth.counts.outOfRange");
        }
        return new LocalDate[] {f, t};
    }

    /**
     * The name of a group's key: types and educations in the caller's language, series, brands
     * and organisers as written, colleges and buildings looked up.
     */
    private Function<String, String> names(Dimension d) {
        Locale locale = LocaleContextHolder.getLocale();
        String none = messages.getMessage("growth.counts.none", null, locale);
        Map<String, String> names = new HashMap<>();
        switch (d) {
            case TYPE -> {
                for (ActivityType t : ActivityType.values()) {
                    names.put(t.name(), messages.getMessage("growth.type." + t.name(), null, locale));
                }
            }
            case EDUCATION -> {
                for (FiveEducation e : FiveEducation.values()) {
                    names.put(e.name(), messages.getMessage("growth.education." + e.name(), null, locale));
                }
            }
            case COLLEGE -> people.collegeNames().forEach((id, name) -> names.put(String.valueOf(id), name));
            case BUILDING -> residence.buildingNames().forEach((id, name) -> names.put(String.valueOf(id), name));
            default -> {
                return key -> NONE.equals(key) ? none : key;
            }
        }
        return key -> NONE.equals(key) ? none : names.getOrDefault(key, key);
    }
}
