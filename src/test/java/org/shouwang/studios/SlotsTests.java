package org.shouwang.studios;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class SlotsTests {

    @Autowired Slots slots;
    @Autowired Appointments appointments;
    @Autowired AppointmentFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSeriesMakesOneSlotForEachChosenWeekdayAndStartTime() {
        long studio = fixtures.careerStudio();
        LocalDate monday = fixtures.day().with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(60);
        List<Long> ids = slots.publish(users.viewer("studio"), studio, new SlotSeries(AppointmentService.CAREER_ADVICE, null,
                " 二楼 201 ", monday, monday.plusDays(13), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                List.of(LocalTime.of(14, 0), LocalTime.of(9, 0)), 45));

        assertThat(ids).hasSize(8);
        List<AppointmentViews.Day> days = slots.days(users.viewer("student"), studio, monday, monday.plusDays(13));
        assertThat(days).extracting(AppointmentViews.Day::date)
                .containsExactly(monday, monday.plusDays(2), monday.plusDays(7), monday.plusDays(9));
        AppointmentViews.Slot first = days.get(0).slots().get(0);
        assertThat(first.startsAt()).isEqualTo(monday.atTime(9, 0).atZone(CampusTime.ZONE).toInstant());
        assertThat(first.endsAt()).isEqualTo(monday.atTime(9, 45).atZone(CampusTime.ZONE).toInstant());
        assertThat(first.place()).isEqualTo("二楼 201");
        assertThat(first.staffName()).isNotBlank();
    }

    @Test
    void aSlotInThePastOrEndingBeforeItStartsOrOverlappingAnotherOfTheSameStaffIsRefusedFieldByFieldAndNothingIsWritten() {
        long studio = fixtures.careerStudio();
        Viewer staff = users.viewer("studio");
        LocalDate day = fixtures.day();
        Instant ten = fixtures.at(day, 10, 0);
        slots.publish(staff, studio, new SlotDraft(AppointmentService.CAREER_ADVICE, null, null, ten, ten.plusSeconds(3600)));
        int before = count();

        assertThatThrownBy(() -> slots.publish(staff, studio, new SlotDraft(AppointmentService.CAREER_ADVICE, null, null,
                Instant.now().minusSeconds(3600), Instant.now().minusSeconds(7200))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("startsAt", "appointment.slot.past"),
                                org.assertj.core.groups.Tuple.tuple("endsAt", "appointment.slot.endBeforeStart")));
        assertThatThrownBy(() -> slots.publish(staff, studio, new SlotDraft(AppointmentService.CAREER_ADVICE, null, null,
                ten.plusSeconds(1800), ten.plusSeconds(5400))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("startsAt", "appointment.slot.overlaps")));
        // The same person is one person in every studio.
        long other = fixtures.careerStudio();
        assertThatThrownBy(() -> slots.publish(staff, other, new SlotDraft(AppointmentService.CAREER_ADVICE, null, null,
                ten.minusSeconds(1800), ten.plusSeconds(60))))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> slots.publish(staff, studio, new SlotDraft(null, null, "x".repeat(201), null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("service", "place", "startsAt", "endsAt"));
        assertThat(count()).isEqualTo(before);
        // Back to back is fine.
        slots.publish(staff, studio, new SlotDraft(AppointmentService.CAREER_ADVICE, null, null, ten.plusSeconds(3600),
                ten.plusSeconds(7200)));
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aBadSeriesNamesEveryWrongFieldAndWritesNothing() {
        long studio = fixtures.careerStudio();
        Viewer staff = users.viewer("studio");
        LocalDate day = fixtures.day();
        int before = count();

        assertThatThrownBy(() -> slots.publish(staff, studio, new SlotSeries(AppointmentService.CAREER_ADVICE, null, null,
                day, day.minusDays(1), Set.of(), List.of(), 2)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("to", "weekdays", "startTimes", "minutes"));
        assertThatThrownBy(() -> slots.publish(staff, studio, new SlotSeries(AppointmentService.CAREER_ADVICE, null, null,
                day, day.plusDays(6), EnumSet.allOf(DayOfWeek.class), List.of(LocalTime.of(9, 0), LocalTime.of(9, 30)), 45)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("appointment.series.selfOverlap"));
        LocalDate today = CampusTime.today(java.time.Clock.systemUTC());
        assertThatThrownBy(() -> slots.publish(staff, studio, new SlotSeries(AppointmentService.CAREER_ADVICE, null, null,
                today.minusDays(3), today.plusDays(3), EnumSet.allOf(DayOfWeek.class), List.of(LocalTime.of(0, 5)), 30)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactly("from"));
        assertThatThrownBy(() -> slots.publish(staff, studio, new SlotSeries(AppointmentService.CAREER_ADVICE, null, null,
                day, day.plusDays(200), EnumSet.allOf(DayOfWeek.class), List.of(LocalTime.of(9, 0)), 30)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("appointment.range.tooLong"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void psychologyCounsellingIsOfferedByPsychologyStudiosAndReceivedByThePsychologyCentreOnly() {
        long career = fixtures.careerStudio();
        long psychology = fixtures.psychologyStudio();
        Instant start = fixtures.at(fixtures.day(), 10, 0);
        assertThatThrownBy(() -> slots.publish(users.viewer("studio"), career, new SlotDraft(
                AppointmentService.PSYCHOLOGY_COUNSELLING, null, null, start, start.plusSeconds(3000))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("appointment.slot.psychologyOnly"));
        long counsellor = users.viewer("counsellor").accountId();
        assertThatThrownBy(() -> slots.publish(users.viewer("psych"), psychology, new SlotDraft(
                AppointmentService.PSYCHOLOGY_COUNSELLING, counsellor, null, start, start.plusSeconds(3000))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("appointment.slot.notPsychologyCentre"));
        assertThat(slots.receivers(psychology)).containsOnlyKeys(users.viewer("psych").accountId());
        // The counsellor is a member of the psychology studio but not of the psychology centre: no slots of theirs.
        assertThatThrownBy(() -> slots.publish(users.viewer("counsellor"), psychology, new SlotDraft(
                AppointmentService.PSYCHOLOGY_COUNSELLING, null, null, start, start.plusSeconds(3000))))
                .isInstanceOf(NotFoundException.class);
        assertThat(slots.publish(users.viewer("psych"), psychology, new SlotDraft(AppointmentService.PSYCHOLOGY_COUNSELLING,
                null, null, start, start.plusSeconds(3000)))).isPositive();
    }

    @Test
    void onlyTheStudiosStaffPublishAndWithdrawAndABookedSlotStays() {
        long studio = fixtures.careerStudio();
        Instant start = fixtures.at(fixtures.day(), 15, 0);
        SlotDraft draft = new SlotDraft(AppointmentService.CAREER_ADVICE, null, null, start, start.plusSeconds(1800));
        for (String outsider : List.of("counsellor", "admin", "student", "psych")) {
            assertThatThrownBy(() -> slots.publish(users.viewer(outsider), studio, draft)).isInstanceOf(NotFoundException.class);
        }
        long free = slots.publish(users.viewer("studio"), studio, draft);
        long booked = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        appointments.book(fixtures.students(220, 1).get(0), booked, null);

        assertThatThrownBy(() -> slots.withdraw(users.viewer("counsellor"), free)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> slots.withdraw(users.viewer("studio"), booked))
                .isInstanceOf(RuleViolation.class).hasMessage("appointment.slot.booked");
        slots.withdraw(users.viewer("studio"), free);
        assertThatThrownBy(() -> slots.slot(users.viewer("student"), free)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> appointments.book(users.viewer("student"), free, null)).isInstanceOf(NotFoundException.class);
        // The staff see the booked slot with its appointment; a student sees only that it is taken.
        assertThat(slots.slot(users.viewer("studio"), booked).appointmentId()).isNotNull();
        assertThat(slots.slot(users.viewer("student"), booked).appointmentId()).isNull();
    }

    private int count() {
        return jdbc.queryForObject("SELECT count(*) FROM appointment_slot", Integer.class);
    }
}
