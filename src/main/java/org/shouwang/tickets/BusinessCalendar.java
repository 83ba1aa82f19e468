package org.shouwang.tickets;

import java.sql.Time;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.identity.AuditLog;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business calendar deadlines run on: working periods of the day, holidays and make-up
 * working days (the State Council's schedule), terms and vacations. Edited by administrators;
 * read on every deadline, so a short-lived copy is kept and refreshed after a change (other nodes
 * see a change within {@link #REFRESH}). Deadline arithmetic runs on that copy, outside any
 * transaction of its own.
 */
@Service
public class BusinessCalendar implements Deadlines {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Loaded loaded;

    BusinessCalendar(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private record Loaded(WorkingTime time, Instant at) {
    }

    public enum DayKind { HOLIDAY, WORKDAY }

    public enum TermKind { TERM, VACATION }

    /** A day that breaks the weekday rule: a holiday on a weekday or a make-up working day on a weekend. */
    public record Day(LocalDate day, DayKind kind, String name) {
    }

    public record Term(long id, String name, TermKind kind, LocalDate starts, LocalDate ends) {
    }

    @Transactional(readOnly = true)
    public WorkingTime workingTime() {
        Loaded current = loaded;
        Instant now = Instant.now();
        if (current == null || current.at().plus(REFRESH).isBefore(now)) {
            current = new Loaded(load(), now);
            loaded = current;
        }
        return current.time();
    }

    @Override
    public Instant after(Instant start, long minutes, boolean urgent) {
        Duration amount = Duration.ofMinutes(minutes);
        return urgent ? start.plus(amount) : workingTime().plus(start, amount);
    }

    @Override
    public long minutesBetween(Instant from, Instant to, boolean urgent) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return (urgent ? Duration.between(from, to) : workingTime().between(from, to)).toMinutes();
    }

    @Transactional(readOnly = true)
    public List<WorkingTime.Period> periods() {
        return jdbc.sql("SELECT starts, ends FROM working_period ORDER BY starts")
                .query((rs, n) -> new WorkingTime.Period(rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Day> days(int year) {
        return jdbc.sql("SELECT on_date, kind, name FROM calendar_day WHERE on_date BETWEEN ? AND ? ORDER BY on_date")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Day(rs.getObject("on_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")), rs.getString("name")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Term> terms() {
        return jdbc.sql("SELECT id, name, kind, starts, ends FROM term ORDER BY starts")
                .query((rs, n) -> new Term(rs.getLong("id"), rs.getString("name"), TermKind.valueOf(rs.getString("kind")),
                        rs.getObject("starts", LocalDate.class), rs.getObject("ends", LocalDate.class)))
                .list();
    }

    /** Replaces the working periods of a day; they must not overlap. */
    @Transactional
    public void setPeriods(Viewer admin, List<WorkingTime.Period> periods) {
        if (periods.isEmpty()) {
            throw new InvalidInput("periods", "calendar.periodsRequired");
        }
        List<WorkingTime.Period> sorted = periods.stream().sorted((a, b) -> a.starts().compareTo(b.starts())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).starts().isBefore(sorted.get(i - 1).ends())) {
                throw new InvalidInput("periods", "calendar.periodsOverlap");
            }
        }
        jdbc.sql("DELETE FROM working_period").update();
        for (WorkingTime.Period p : sorted) {
            jdbc.sql("INSERT INTO working_period (starts, ends) VALUES (?, ?)").params(Time.valueOf(p.starts()), Time.valueOf(p.ends())).update();
        }
        audit.record(admin, "calendar.periods", "calendar", null, sorted.toString());
        loaded = null;
    }

    /** Marks a day as a holiday or a make-up working day, replacing what was there. */
    @Transactional
    public void setDay(Viewer admin, Day day) {
        jdbc.sql("DELETE FROM calendar_day WHERE on_date = ?").param(day.day()).update();
        jdbc.sql("INSERT INTO calendar_day (on_date, kind, name) VALUES (?, ?, ?)").params(day.day(), day.kind().name(), day.name()).update();
        audit.record(admin, "calendar.day", "calendar", day.day(), day.kind() + " " + day.name());
        loaded = null;
    }

    /** Sets several days at once, e.g. a year's holiday schedule. */
    @Transactional
    public void setDays(Viewer admin, List<Day> days) {
        days.forEach(d -> setDay(admin, d));
    }

    @Transactional
    public void removeDay(Viewer admin, LocalDate day) {
        if (jdbc.sql("DELETE FROM calendar_day WHERE on_date = ?").param(day).update() == 0) {
            throw new NotFoundException("calendarDay", day);
        }
        audit.record(admin, "calendar.dayRemoved", "calendar", day, null);
        loaded = null;
    }

    @Transactional
    public long addTerm(Viewer admin, String name, TermKind kind, LocalDate starts, LocalDate ends) {
        if (ends.isBefore(starts)) {
            throw new InvalidInput("ends", "calendar.termEndsBeforeStart");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO term (name, kind, starts, ends) VALUES (?, ?, ?, ?)")
                .params(name, kind.name(), starts, ends).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(admin, "calendar.term", "term", id, kind + " " + name + " " + starts + "–" + ends);
        return id;
    }

    @Transactional
    public void removeTerm(Viewer admin, long id) {
        if (jdbc.sql("DELETE FROM term WHERE id = ?").param(id).update() == 0) {
            throw new NotFoundException("term", id);
        }
        audit.record(admin, "calendar.termRemoved", "term", id, null);
    }

    /** Today, in the calendar's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private WorkingTime load() {
        List<WorkingTime.Period> periods = periods();
        if (periods.isEmpty()) {
            periods = List.of(new WorkingTime.Period(LocalTime.of(8, 0), LocalTime.of(17, 30)));
        }
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        jdbc.sql("SELECT on_date, kind FROM calendar_day").query(rs -> {
            exceptions.put(rs.getObject("on_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")) == DayKind.WORKDAY);
        });
        return new WorkingTime(periods, exceptions, clock.getZone());
    }
}
