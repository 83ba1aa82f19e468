package org.shouwang.studios;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shouwang.notifications.Notice;
import org.shouwang.shared.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every few minutes, on one node at a time (ShedLock): tells the student and the staff member of
 * each booked appointment that starts within {@code shouwang.appointments.remind-before} (a day),
 * once. Each appointment is claimed in its own transaction by a conditional update of its
 * {@code reminded_at}, so two runs never remind twice; moving an appointment to another slot clears
 * it, so the new time is reminded of in turn.
 */
@Component
public class AppointmentReminders {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AppointmentsProperties properties;
    private final Clock clock;

    AppointmentReminders(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
                         AppointmentsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shouwang.appointments.remind-every:PT5M}",
            initialDelayString = "${shouwang.appointments.remind-delay:PT1M}")
    @SchedulerLock(name = "appointments.reminders", lockAtMostFor = "PT10M")
    public void scheduled() {
        remind();
    }

    /** One pass: answers how many appointments were reminded of. */
    public int remind() {
        Instant now = clock.instant();
        List<Long> due = jdbc.sql("""
                        SELECT id FROM appointment WHERE state = 'BOOKED' AND reminded_at IS NULL AND starts_at > ? AND starts_at <= ?
                        ORDER BY starts_at""")
                .params(Timestamps.of(now), Timestamps.of(now.plus(properties.remindBefore()))).query(Long.class).list();
        int reminded = 0;
        for (long id : due) {
            Boolean done = transactions.execute(s -> remind(id, now));
            if (Boolean.TRUE.equals(done)) {
                reminded++;
            }
        }
        return reminded;
    }

    private boolean remind(long id, Instant now) {
        if (jdbc.sql("UPDATE appointment SET reminded_at = ? WHERE id = ? AND state = 'BOOKED' AND reminded_at IS NULL")
                .params(Timestamps.of(now), id).update() == 0) {
            return false;
        }
        record Due(long student, long staff, Instant startsAt, String place, String studio) {
        }
        Due d = jdbc.sql("""
                        SELECT a.student_account_id, a.staff_account_id, a.starts_at, s.place, st.name
                        FROM appointment a JOIN appointment_slot s ON s.id = a.slot_id JOIN studio st ON st.id = a.studio_id
                        WHERE a.id = ?""").param(id)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), Timestamps.read(rs, "starts_at"), rs.getString(4),
                        rs.getString(5)))
                .single();
        String key = "appointment-reminder-" + id + "-" + d.startsAt().getEpochSecond();
        List<String> args = List.of(d.studio(), Slots.when(d.startsAt()), d.place());
        String link = "/appointments/" + id;
        events.publishEvent(new Notice(key + "-student", Set.of(d.student()), "appointment.notice.reminder", args, link));
        events.publishEvent(new Notice(key + "-staff", Set.of(d.staff()), "appointment.notice.reminderStaff", args, link));
        return true;
    }
}
