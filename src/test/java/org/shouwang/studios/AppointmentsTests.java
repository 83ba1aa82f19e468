package org.shouwang.studios;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class AppointmentsTests {

    @Autowired Appointments appointments;
    @Autowired Slots slots;
    @Autowired AppointmentReminders reminders;
    @Autowired AppointmentFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aStudentBooksAFreeSlotWithATopicAndTheStudiosStaffFindItInTheirList() {
        long studio = fixtures.careerStudio();
        long slot = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        Viewer student = fixtures.students(100, 1).get(0);

        long id = appointments.book(student, slot, "  简历修改  ");

        AppointmentViews.Detail mine = appointments.detail(student, id);
        assertThat(mine.topic()).isEqualTo("简历修改");
        assertThat(mine.state()).isEqualTo(AppointmentState.BOOKED);
        assertThat(mine.moves().cancel()).isTrue();
        assertThat(mine.studentName()).isNull();
        assertThat(slots.slot(student, slot).state()).isEqualTo(SlotState.BOOKED);
        assertThat(appointments.list(student, AppointmentViews.Scope.MINE, null, null).rows())
                .extracting(AppointmentViews.Row::id).contains(id);
        AppointmentViews.Listing staff = appointments.list(users.viewer("studio"), AppointmentViews.Scope.STUDIOS,
                null, fixtures.day().plusDays(400));
        assertThat(staff.rows()).filteredOn(r -> r.id() == id).singleElement()
                .satisfies(r -> assertThat(r.studentNumber()).isEqualTo(student.username()));
        // The slot is not offered to anyone else any more.
        assertThat(slots.days(users.viewer("student"), studio, mine.startsAt().atZone(org.shouwang.shared.CampusTime.ZONE)
                .toLocalDate(), null)).isEmpty();
        // The staff member is told.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE notice_key = ?", Integer.class, "appointment-booked-" + id) == 1);
    }

    @Test
    void thirtyStudentsBookingOneSlotAtTheSameMomentGetExactlyOneAppointment() throws Exception {
        long studio = fixtures.careerStudio();
        long slot = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        List<Viewer> students = fixtures.students(130, 30);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Future<?>> done = new ArrayList<>();
        for (Viewer s : students) {
            done.add(pool.submit(() -> {
                start.await();
                try {
                    appointments.book(s, slot, null);
                    outcomes.computeIfAbsent("booked", k -> new AtomicInteger()).incrementAndGet();
                } catch (RuleViolation e) {
                    outcomes.computeIfAbsent(e.code(), k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyKeys("booked", "appointment.slot.taken");
        assertThat(outcomes.get("booked")).hasValue(1);
        assertThat(outcomes.get("appointment.slot.taken")).hasValue(29);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment WHERE slot_id = ?", Integer.class, slot)).isEqualTo(1);
    }

    @Test
    void aStudentHoldsAtMostOneFutureAppointmentPerStudioEvenBookingTwoSlotsAtOnce() throws Exception {
        long studio = fixtures.careerStudio();
        long first = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        long second = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        long third = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        long elsewhere = fixtures.slot(fixtures.careerStudio(), "studio", AppointmentService.CAREER_ADVICE);
        Viewer student = fixtures.students(170, 1).get(0);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tries = new ArrayList<>();
        for (long slot : List.of(first, second)) {
            tries.add(pool.submit(() -> {
                start.await();
                try {
                    appointments.book(student, slot, null);
                    return "booked";
                } catch (RuleViolation e) {
                    return e.code();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : tries) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder("booked", "appointment.onePerStudio");
        assertThatThrownBy(() -> appointments.book(student, third, null))
                .isInstanceOf(RuleViolation.class).hasMessage("appointment.onePerStudio");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment WHERE student_id = ? AND studio_id = ?", Integer.class,
                student.studentId(), studio)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_slot WHERE id IN (?, ?, ?) AND state = 'FREE'",
                Integer.class, first, second, third)).isEqualTo(2);
        // Another studio is another matter.
        assertThat(appointments.book(student, elsewhere, null)).isPositive();
    }

    @Test
    void cancellingFreesTheSlotAndReschedulingMovesToAnotherFreeSlotInOneStep() {
        long studio = fixtures.careerStudio();
        long first = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        long second = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        long taken = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        long otherStudio = fixtures.slot(fixtures.careerStudio(), "studio", AppointmentService.CAREER_ADVICE);
        List<Viewer> students = fixtures.students(180, 2);
        Viewer student = students.get(0);
        appointments.book(students.get(1), taken, null);
        long id = appointments.book(student, first, "实习");

        assertThatThrownBy(() -> appointments.reschedule(student, id, taken))
                .isInstanceOf(RuleViolation.class).hasMessage("appointment.slot.taken");
        assertThatThrownBy(() -> appointments.reschedule(student, id, otherStudio))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("slotId"));
        assertThat(slots.slot(student, first).state()).isEqualTo(SlotState.BOOKED);

        appointments.reschedule(student, id, second);
        AppointmentViews.Detail moved = appointments.detail(student, id);
        assertThat(moved.slotId()).isEqualTo(second);
        assertThat(moved.topic()).isEqualTo("实习");
        assertThat(slots.slot(student, first).state()).isEqualTo(SlotState.FREE);
        assertThat(slots.slot(student, second).state()).isEqualTo(SlotState.BOOKED);

        appointments.cancel(student, id);
        assertThat(appointments.detail(student, id).state()).isEqualTo(AppointmentState.CANCELLED);
        assertThat(slots.slot(student, second).state()).isEqualTo(SlotState.FREE);
        assertThatThrownBy(() -> appointments.cancel(student, id)).isInstanceOf(RuleViolation.class)
                .hasMessage("appointment.notBooked");
        // Free again: the student may book anew, in this studio too.
        assertThat(appointments.book(student, second, null)).isPositive();
    }

    @Test
    void cancellingOrReschedulingIsRefusedFromTheCutOffOn() {
        long studio = fixtures.careerStudio();
        long slot = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        long other = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        Viewer student = fixtures.students(190, 1).get(0);
        long id = appointments.book(student, slot, null);
        Instant start = appointments.detail(student, id).startsAt();

        clock.fix(start.minus(Duration.ofHours(2)).minusSeconds(60));
        assertThat(appointments.detail(student, id).moves().cancel()).isTrue();
        clock.fix(start.minus(Duration.ofHours(2)));
        assertThat(appointments.detail(student, id).moves().cancel()).isFalse();
        assertThatThrownBy(() -> appointments.cancel(student, id))
                .isInstanceOf(RuleViolation.class).hasMessage("appointment.tooLate");
        assertThatThrownBy(() -> appointments.reschedule(student, id, other))
                .isInstanceOf(RuleViolation.class).hasMessage("appointment.tooLate");
        assertThat(appointments.detail(student, id).state()).isEqualTo(AppointmentState.BOOKED);
        assertThat(slots.slot(student, other).state()).isEqualTo(SlotState.FREE);
    }

    @Test
    void afterTheStartTheStaffMarkTheOutcomeAndKeepANoteTheStudentNeverSees() {
        long studio = fixtures.careerStudio();
        long slot = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        Viewer student = fixtures.students(200, 1).get(0);
        Viewer staff = users.viewer("studio");
        long id = appointments.book(student, slot, null);
        Instant start = appointments.detail(student, id).startsAt();

        assertThatThrownBy(() -> appointments.recordOutcome(staff, id, AppointmentViews.Outcome.ATTENDED))
                .isInstanceOf(RuleViolation.class).hasMessage("appointment.notStarted");
        assertThatThrownBy(() -> appointments.writeNote(staff, id, "x".repeat(4001)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("note"));
        assertThatThrownBy(() -> appointments.recordOutcome(student, id, AppointmentViews.Outcome.ATTENDED))
                .isInstanceOf(RuleViolation.class).hasMessage("appointment.staffMove");
        assertThatThrownBy(() -> appointments.writeNote(users.viewer("headteacher"), id, "看不到"))
                .isInstanceOf(NotFoundException.class);

        clock.fix(start.plusSeconds(600));
        appointments.recordOutcome(staff, id, AppointmentViews.Outcome.NO_SHOW);
        appointments.writeNote(staff, id, "学生未到，已电话联系，改约下周。");

        AppointmentViews.Detail seenByStaff = appointments.detail(staff, id);
        assertThat(seenByStaff.state()).isEqualTo(AppointmentState.NO_SHOW);
        assertThat(seenByStaff.note()).isEqualTo("学生未到，已电话联系，改约下周。");
        assertThat(seenByStaff.noteBy()).isNotBlank();
        AppointmentViews.Detail seenByStudent = appointments.detail(student, id);
        assertThat(seenByStudent.state()).isEqualTo(AppointmentState.NO_SHOW);
        assertThat(seenByStudent.note()).isNull();
        assertThat(seenByStudent.noteBy()).isNull();
        assertThat(seenByStudent.moves().cancel()).isFalse();
    }

    @Test
    void theStudentAndTheStaffMemberAreRemindedOnceADayBeforeAndAgainAfterAMove() {
        long studio = fixtures.careerStudio();
        long slot = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        long later = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        Viewer student = fixtures.students(210, 1).get(0);
        long id = appointments.book(student, slot, null);
        Instant start = appointments.detail(student, id).startsAt();

        clock.fix(start.minus(Duration.ofHours(25)));
        reminders.remind();
        assertThat(reminded(id)).isFalse();

        clock.fix(start.minus(Duration.ofHours(23)));
        reminders.remind();
        reminders.remind();
        assertThat(reminded(id)).isTrue();
        String key = "appointment-reminder-" + id + "-" + start.getEpochSecond();
        await().atMost(Duration.ofSeconds(10)).until(() -> notices(key + "-student", student.accountId()) == 1
                && notices(key + "-staff", users.viewer("studio").accountId()) == 1);

        clock.reset();
        appointments.reschedule(student, id, later);
        Instant moved = appointments.detail(student, id).startsAt();
        assertThat(reminded(id)).isFalse();
        clock.fix(moved.minus(Duration.ofHours(1)));
        reminders.remind();
        await().atMost(Duration.ofSeconds(10)).until(() -> notices("appointment-reminder-" + id + "-"
                + moved.getEpochSecond() + "-student", student.accountId()) == 1);
        assertThat(notices(key + "-student", student.accountId())).isEqualTo(1);
    }

    private boolean reminded(long id) {
        return jdbc.queryForObject("SELECT reminded_at IS NOT NULL FROM appointment WHERE id = ?", Boolean.class, id);
    }

    private int notices(String key, long account) {
        return jdbc.queryForObject("SELECT count(*) FROM notification WHERE notice_key = ? AND account_id = ?", Integer.class,
                key, account);
    }
}
