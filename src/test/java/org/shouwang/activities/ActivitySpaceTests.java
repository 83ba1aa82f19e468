package org.shouwang.activities;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceDraft;
import org.shouwang.spaces.SpaceFixtures;
import org.shouwang.spaces.SpaceKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Activities reserve their community space through the spaces' booking rules: no collision with any other booking. */
@IntegrationTest
class ActivitySpaceTests {

    /** Tuesday 1 December 2026, 10:00 on campus: lectures drafted now start on the 8th at 10:00. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Autowired Activities activities;
    @Autowired ActivityQueries queries;
    @Autowired ActivityFixtures fixtures;
    @Autowired SpaceFixtures spaceFixtures;
    @Autowired SpaceBookings bookings;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @BeforeEach
    void tenOClock() {
        clock.fix(spaceFixtures.at(TODAY, 10, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long seminarRoom(String name) {
        return spaceFixtures.create(new SpaceDraft(name, SpaceKind.SEMINAR_ROOM, spaceFixtures.building(), 1, "105", 40, "投影", "",
                LocalTime.of(8, 0), LocalTime.of(22, 0), EnumSet.allOf(DayOfWeek.class), true, true, true, 180, 30, false, null));
    }

    private ActivityDraft lectureIn(long space, String title, int capacity) {
        ActivityDraft d = fixtures.lecture(title, capacity, 0);
        return new ActivityDraft(d.title(), d.description(), d.type(), d.series(), d.brand(), d.educations(), d.organiserKind(),
                d.organiser(), null, null, "", d.startsAt(), d.endsAt(), d.audience(), null, null, null, d.capacity(),
                d.waitlistLimit(), d.registrationOpensAt(), d.registrationClosesAt(), d.cancelBy(), d.hours(), d.credits(), false,
                space);
    }

    private SpaceBookings.Request studentSlot(long space, int hour) {
        return new SpaceBookings.Request(space, spaceFixtures.at(TODAY.plusDays(7), hour, 0),
                spaceFixtures.at(TODAY.plusDays(7), hour + 1, 0), "小组讨论", 3, null);
    }

    @Test
    void anActivityHoldsItsSpaceSoAStudentCannotBookItUntilTheActivityIsCancelled() {
        long space = seminarRoom("讲座研讨室");
        long id = fixtures.published(lectureIn(space, "占用空间的讲座", 30));
        ActivityDraft plan = queries.detail(users.viewer("counsellor"), id).plan();
        assertThat(plan.venue()).isEqualTo("讲座研讨室");
        assertThat(plan.buildingId()).isEqualTo(spaceFixtures.building());
        assertThat(plan.spaceId()).isEqualTo(space);

        Viewer student = spaceFixtures.students(1).get(0);
        assertThatThrownBy(() -> bookings.book(student, studentSlot(space, 11)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("space.taken"));
        activities.cancel(users.viewer("counsellor"), id, "主讲人临时有事", null);
        bookings.book(student, studentSlot(space, 11));
    }

    @Test
    void anActivityOnATakenSlotIsRefusedAndNothingIsWritten() {
        long space = seminarRoom("已被预约的研讨室");
        bookings.book(spaceFixtures.students(1).get(0), studentSlot(space, 11));
        int before = jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class);
        assertThatThrownBy(() -> activities.create(users.viewer("counsellor"), lectureIn(space, "撞车的讲座", 30)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("space.taken"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class)).isEqualTo(before);
    }

    @Test
    void movingTheActivityMovesItsReservationAndTooManyPlacesForTheRoomIsAFieldError() {
        long space = seminarRoom("改期研讨室");
        long id = activities.create(users.viewer("counsellor"), lectureIn(space, "改期的讲座", 30));
        ActivityDraft plan = queries.detail(users.viewer("counsellor"), id).plan();
        Instant later = plan.startsAt().plus(Duration.ofHours(4));
        ActivityDraft moved = new ActivityDraft(plan.title(), plan.description(), plan.type(), plan.series(), plan.brand(),
                plan.educations(), plan.organiserKind(), plan.organiser(), null, plan.buildingId(), plan.venue(), later,
                later.plus(Duration.ofHours(2)), plan.audience(), null, null, null, plan.capacity(), plan.waitlistLimit(),
                plan.registrationOpensAt(), plan.registrationClosesAt(), plan.cancelBy(), plan.hours(), plan.credits(), false, space);
        activities.revise(users.viewer("counsellor"), id, moved, null);

        bookings.book(spaceFixtures.students(1).get(0), studentSlot(space, 10));
        assertThatThrownBy(() -> bookings.book(spaceFixtures.students(1).get(0), studentSlot(space, 15)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("space.taken"));

        assertThatThrownBy(() -> activities.create(users.viewer("counsellor"), lectureIn(seminarRoom("小研讨室"), "人太多", 41)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactly("capacity"));
    }

    @Test
    void theApiTakesTheSpaceAndAnswersConflictForATakenSlot() throws Exception {
        long space = seminarRoom("接口研讨室");
        bookings.book(spaceFixtures.students(1).get(0), studentSlot(space, 11));
        ActivityDraft d = lectureIn(space, "接口讲座", 30);
        String body = """
                {"title":"接口讲座","description":"介绍","type":"LECTURE","educations":["INTELLECTUAL"],"organiserKind":"DEPARTMENT",
                 "organiser":"学生工作部","startsAt":"%s","endsAt":"%s","audience":"EVERYONE","capacity":30,
                 "registrationOpensAt":"%s","registrationClosesAt":"%s","spaceId":%d}""".formatted(d.startsAt(), d.endsAt(),
                d.registrationOpensAt(), d.registrationClosesAt(), space);
        mvc.perform(post("/api/v1/activities").with(users.as("counsellor")).with(csrf())
                        .contentType("application/json").content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:space.taken"));
    }
}
