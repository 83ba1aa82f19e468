package org.shouwang.studios;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.shouwang.identity.Accounts;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookable slots of a studio: its staff publish one slot or a series, and withdraw free ones;
 * everyone signed in sees the free ones by day. Every problem of a slot or series is a field error
 * and nothing is written then: a slot in the past, an end before the start, one that overlaps
 * another slot of the same staff member.
 */
@Service
@Transactional
public class Slots {

    static final int PLACE_MAX = 200;
    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 480;
    /** The longest range of days one listing covers. */
    static final int LIST_MAX_DAYS = 62;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final Studios studios;
    private final SlotRules rules;
    private final Accounts accounts;
    private final AppointmentsProperties properties;
    private final Clock clock;

    Slots(JdbcClient jdbc, Studios studios, SlotRules rules, @Lazy Accounts accounts, AppointmentsProperties properties,
          Clock clock) {
        this.jdbc = jdbc;
        this.studios = studios;
        this.rules = rules;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    // — reading —

    /** Whether the viewer publishes and withdraws this studio's slots (and sees them booked). */
    @Transactional(readOnly = true)
    public boolean manages(Viewer viewer, long studioId) {
        return rules.manages(viewer, studioId, studios.typeOf(studioId));
    }

    /** The staff who may receive students in the studio, by account id: the choices of the slot form. */
    @Transactional(readOnly = true)
    public Map<Long, String> receivers(long studioId) {
        StudioType type = studios.typeOf(studioId);
        List<Long> staff = studios.staffOf(studioId).stream().filter(id -> rules.mayReceive(id, studioId, type)).toList();
        Map<Long, String> names = accounts.names(staff);
        Map<Long, String> choices = new LinkedHashMap<>();
        staff.forEach(id -> choices.put(id, names.getOrDefault(id, String.valueOf(id))));
        return choices;
    }

    /**
     * The studio's slots from {@code from} to {@code to} (campus dates, both included; null: today and
     * 13 days on), by day. Free slots not yet started for everyone; the studio's staff see booked ones too.
     */
    @Transactional(readOnly = true)
    public List<AppointmentViews.Day> days(Viewer viewer, long studioId, LocalDate from, LocalDate to) {
        StudioViews.Studio studio = studios.studio(studioId);
        boolean manages = rules.manages(viewer, studioId, studio.type());
        if (!studio.active() && !manages) {
            throw new NotFoundException("studio", studioId);
        }
        LocalDate first = from == null ? CampusTime.today(clock) : from;
        LocalDate last = to == null ? first.plusDays(13) : to;
        Fields f = new Fields();
        if (last.isBefore(first)) {
            f.add("to", "appointment.series.toBeforeFrom");
        } else if (first.plusDays(LIST_MAX_DAYS).isBefore(last)) {
            f.add("to", "appointment.range.tooLong", LIST_MAX_DAYS);
        }
        f.check();
        Instant start = first.atStartOfDay(CampusTime.ZONE).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(CampusTime.ZONE).toInstant();
        String which = manages ? "s.state <> 'WITHDRAWN'" : "s.state = 'FREE' AND s.starts_at > :now";
        List<AppointmentViews.Slot> slots = jdbc.sql("""
                        SELECT s.id, s.studio_id, s.service, s.staff_account_id, s.place, s.starts_at, s.ends_at, s.state,
                               (SELECT a.id FROM appointment a WHERE a.slot_id = s.id AND a.state <> 'CANCELLED'
                                ORDER BY a.id DESC LIMIT 1) AS appointment_id
                        FROM appointment_slot s
                        WHERE s.studio_id = :studio AND s.starts_at >= :start AND s.starts_at < :end""" + " AND " + which
                        + " ORDER BY s.starts_at, s.id")
                .param("studio", studioId).param("start", Timestamps.of(start)).param("end", Timestamps.of(end))
                .params(manages ? Map.of() : Map.of("now", Timestamps.of(clock.instant())))
                .query((rs, n) -> new AppointmentViews.Slot(rs.getLong("id"), rs.getLong("studio_id"),
                        AppointmentService.valueOf(rs.getString("service")), rs.getLong("staff_account_id"), null,
                        rs.getString("place"), Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
                        SlotState.valueOf(rs.getString("state")), manages ? (Long) rs.getObject("appointment_id") : null))
                .list();
        Map<Long, String> names = accounts.names(slots.stream().map(AppointmentViews.Slot::staffAccountId).distinct().toList());
        Map<LocalDate, List<AppointmentViews.Slot>> byDay = new LinkedHashMap<>();
        for (AppointmentViews.Slot s : slots) {
            byDay.computeIfAbsent(s.startsAt().atZone(CampusTime.ZONE).toLocalDate(), d -> new ArrayList<>())
                    .add(named(s, names));
        }
        return byDay.entrySet().stream().map(e -> new AppointmentViews.Day(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** The active studios with free slots ahead, by type and name: where a student may book. */
    @Transactional(readOnly = true)
    public List<AppointmentViews.OpenStudio> open() {
        return jdbc.sql("""
                        SELECT st.id, st.name, st.type, count(*) AS free, min(s.starts_at) AS next
                        FROM appointment_slot s JOIN studio st ON st.id = s.studio_id
                        WHERE s.state = 'FREE' AND s.starts_at > ? AND st.active
                        GROUP BY st.id, st.name, st.type ORDER BY st.type, st.name""")
                .param(Timestamps.of(clock.instant()))
                .query((rs, n) -> new AppointmentViews.OpenStudio(rs.getLong("id"), rs.getString("name"),
                        StudioType.valueOf(rs.getString("type")), rs.getLong("free"), Timestamps.read(rs, "next")))
                .list();
    }

    /**
     * One slot, as its booking page shows it; a withdrawn one is not there (404). Only the studio's
     * staff learn which appointment holds a booked slot.
     */
    @Transactional(readOnly = true)
    public AppointmentViews.Slot slot(Viewer viewer, long slotId) {
        AppointmentViews.Slot s = jdbc.sql("""
                        SELECT id, studio_id, service, staff_account_id, place, starts_at, ends_at, state FROM appointment_slot
                        WHERE id = ?""").param(slotId)
                .query((rs, n) -> new AppointmentViews.Slot(rs.getLong("id"), rs.getLong("studio_id"),
                        AppointmentService.valueOf(rs.getString("service")), rs.getLong("staff_account_id"), null,
                        rs.getString("place"), Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
                        SlotState.valueOf(rs.getString("state")), null))
                .optional().filter(x -> x.state() != SlotState.WITHDRAWN)
                .orElseThrow(() -> new NotFoundException("slot", slotId));
        Long appointment = null;
        if (s.state() == SlotState.BOOKED && rules.manages(viewer, s.studioId(), studios.typeOf(s.studioId()))) {
            appointment = jdbc.sql("SELECT id FROM appointment WHERE slot_id = ? AND state <> 'CANCELLED' ORDER BY id DESC")
                    .param(slotId).query(Long.class).list().stream().findFirst().orElse(null);
        }
        return named(new AppointmentViews.Slot(s.id(), s.studioId(), s.service(), s.staffAccountId(), null, s.place(),
                s.startsAt(), s.endsAt(), s.state(), appointment), accounts.names(List.of(s.staffAccountId())));
    }

    private static AppointmentViews.Slot named(AppointmentViews.Slot s, Map<Long, String> names) {
        return new AppointmentViews.Slot(s.id(), s.studioId(), s.service(), s.staffAccountId(),
                names.getOrDefault(s.staffAccountId(), ""), s.place(), s.startsAt(), s.endsAt(), s.state(), s.appointmentId());
    }

    // — publishing —

    /** One slot; answers its id. Only the studio's staff (404 for anyone else). */
    public long publish(Viewer viewer, long studioId, SlotDraft draft) {
        StudioViews.Studio studio = managed(viewer, studioId);
        Fields f = new Fields();
        Common c = common(f, viewer, studio, draft.service(), draft.staffAccountId(), draft.place());
        Instant now = clock.instant();
        if (f.required(draft.startsAt(), "startsAt") && !draft.startsAt().isAfter(now)) {
            f.add("startsAt", "appointment.slot.past");
        }
        if (f.required(draft.endsAt(), "endsAt") && draft.startsAt() != null) {
            if (!draft.endsAt().isAfter(draft.startsAt())) {
                f.add("endsAt", "appointment.slot.endBeforeStart");
            } else if (Duration.between(draft.startsAt(), draft.endsAt()).toMinutes() > MAX_MINUTES) {
                f.add("endsAt", "appointment.slot.tooLong", MAX_MINUTES / 60);
            }
        }
        if (f.ok()) {
            overlaps(f, "startsAt", c.staff(), List.of(new Span(draft.startsAt(), draft.endsAt())));
        }
        f.check();
        return insert(viewer, studioId, c, new Span(draft.startsAt(), draft.endsAt()));
    }

    /** A series of slots; answers their ids in time order. Only the studio's staff (404 for anyone else). */
    public List<Long> publish(Viewer viewer, long studioId, SlotSeries series) {
        StudioViews.Studio studio = managed(viewer, studioId);
        Fields f = new Fields();
        Common c = common(f, viewer, studio, series.service(), series.staffAccountId(), series.place());
        boolean range = f.required(series.from(), "from") & f.required(series.to(), "to");
        if (range && series.to().isBefore(series.from())) {
            f.add("to", "appointment.series.toBeforeFrom");
            range = false;
        } else if (range && series.from().plusDays(properties.seriesMaxDays()).isBefore(series.to())) {
            f.add("to", "appointment.range.tooLong", properties.seriesMaxDays());
            range = false;
        }
        boolean weekdays = series.weekdays() != null && !series.weekdays().isEmpty();
        if (!weekdays) {
            f.add("weekdays", "field.required");
        }
        boolean times = series.startTimes() != null && !series.startTimes().isEmpty()
                && series.startTimes().stream().allMatch(java.util.Objects::nonNull);
        if (!times) {
            f.add("startTimes", "field.required");
        }
        boolean minutes = f.required(series.minutes(), "minutes");
        if (minutes && (series.minutes() < MIN_MINUTES || series.minutes() > MAX_MINUTES)) {
            f.add("minutes", "appointment.series.minutes", MIN_MINUTES, MAX_MINUTES);
            minutes = false;
        }
        List<Span> spans = new ArrayList<>();
        if (range && weekdays && times && minutes) {
            List<LocalTime> starts = new ArrayList<>(new TreeSet<>(series.startTimes()));
            for (int i = 1; i < starts.size(); i++) {
                if (starts.get(i - 1).plusMinutes(series.minutes()).isAfter(starts.get(i))
                        || starts.get(i - 1).plusMinutes(series.minutes()).isBefore(starts.get(i - 1))) {
                    f.add("startTimes", "appointment.series.selfOverlap", starts.get(i - 1).toString(), starts.get(i).toString());
                    break;
                }
            }
            for (LocalDate d = series.from(); !d.isAfter(series.to()); d = d.plusDays(1)) {
                if (series.weekdays().contains(d.getDayOfWeek())) {
                    for (LocalTime t : starts) {
                        ZonedDateTime s = d.atTime(t).atZone(CampusTime.ZONE);
                        spans.add(new Span(s.toInstant(), s.plusMinutes(series.minutes()).toInstant()));
                    }
                }
            }
            if (spans.isEmpty()) {
                f.add("weekdays", "appointment.series.empty");
            } else if (spans.size() > properties.seriesMaxSlots()) {
                f.add("startTimes", "appointment.series.tooMany", spans.size(), properties.seriesMaxSlots());
            } else {
                Instant now = clock.instant();
                spans.stream().filter(s -> !s.start().isAfter(now)).findFirst()
                        .ifPresent(s -> f.add("from", "appointment.series.past", when(s.start())));
            }
        }
        if (f.ok()) {
            overlaps(f, "startTimes", c.staff(), spans);
        }
        f.check();
        List<Long> ids = new ArrayList<>();
        for (Span s : spans) {
            ids.add(insert(viewer, studioId, c, s));
        }
        return ids;
    }

    /** Withdraws a free slot; a booked one stays (409). Only the studio's staff (404 for anyone else). */
    public void withdraw(Viewer viewer, long slotId) {
        Long studioId = jdbc.sql("SELECT studio_id FROM appointment_slot WHERE id = ? AND state <> 'WITHDRAWN'").param(slotId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("slot", slotId));
        if (!rules.manages(viewer, studioId, studios.typeOf(studioId))) {
            throw new NotFoundException("slot", slotId);
        }
        if (jdbc.sql("UPDATE appointment_slot SET state = 'WITHDRAWN' WHERE id = ? AND state = 'FREE'").param(slotId).update() == 0) {
            throw new RuleViolation("appointment.slot.booked");
        }
    }

    // — helpers —

    private record Span(Instant start, Instant end) {
    }

    private record Common(AppointmentService service, long staff, String place) {
    }

    private StudioViews.Studio managed(Viewer viewer, long studioId) {
        StudioViews.Studio studio = studios.studio(studioId);
        if (!studio.active() || !rules.manages(viewer, studioId, studio.type())) {
            throw new NotFoundException("studio", studioId);
        }
        return studio;
    }

    /** The service, who receives and where: checked the same for one slot and for a series. */
    private Common common(Fields f, Viewer viewer, StudioViews.Studio studio, AppointmentService service, Long staffAccountId,
                          String place) {
        if (f.required(service, "service") && service == AppointmentService.PSYCHOLOGY_COUNSELLING
                && studio.type() != StudioType.PSYCHOLOGY) {
            f.add("service", "appointment.slot.psychologyOnly");
        }
        long staff = staffAccountId == null ? viewer.accountId() : staffAccountId;
        if (!rules.mayReceive(staff, studio.id(), studio.type())) {
            f.add("staffAccountId", studio.confidential() ? "appointment.slot.notPsychologyCentre" : "appointment.slot.notStaff");
        }
        String where = f.text(place, "place", PLACE_MAX, false);
        return new Common(service, staff, where == null ? studio.venue() : where);
    }

    /** A problem on {@code field} for the first new slot that overlaps another slot of the staff member (or each other). */
    private void overlaps(Fields f, String field, long staff, List<Span> spans) {
        Instant first = spans.stream().map(Span::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = spans.stream().map(Span::end).max(Comparator.naturalOrder()).orElseThrow();
        List<Span> taken = jdbc.sql("""
                        SELECT starts_at, ends_at FROM appointment_slot
                        WHERE staff_account_id = ? AND state <> 'WITHDRAWN' AND starts_at < ? AND ends_at > ?""")
                .params(staff, Timestamps.of(last), Timestamps.of(first))
                .query((rs, n) -> new Span(Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"))).list();
        for (Span s : spans) {
            for (Span t : taken) {
                if (s.start().isBefore(t.end()) && t.start().isBefore(s.end())) {
                    f.add(field, "appointment.slot.overlaps", when(t.start()));
                    return;
                }
            }
        }
    }

    private long insert(Viewer viewer, long studioId, Common c, Span span) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO appointment_slot (studio_id, staff_account_id, service, place, starts_at, ends_at, created_by,
                                                      created_at)
                        VALUES (:studio, :staff, :service, :place, :start, :end, :by, :now)""")
                .param("studio", studioId).param("staff", c.staff()).param("service", c.service().name())
                .param("place", c.place()).param("start", Timestamps.of(span.start())).param("end", Timestamps.of(span.end()))
                .param("by", viewer.accountId()).param("now", Timestamps.of(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    static String when(Instant t) {
        return WHEN.format(t.atZone(CampusTime.ZONE));
    }
}
