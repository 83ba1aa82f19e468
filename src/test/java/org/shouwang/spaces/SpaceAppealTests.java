package org.shouwang.spaces;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
class SpaceAppealTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Autowired SpaceAppeals appeals;
    @Autowired SpaceBookings bookings;
    @Autowired SpaceFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void tenOClock() {
        clock.fix(fixtures.at(TODAY, 10, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Books {@code day} 12:00–13:00 at 10:00 that day and lets it be released as a no-show. */
    private long noShow(Viewer student, long space, LocalDate day) {
        clock.fix(fixtures.at(day, 10, 0));
        long id = bookings.book(student, new SpaceBookings.Request(space, fixtures.at(day, 12, 0), fixtures.at(day, 13, 0), "自习", 1, null));
        clock.fix(fixtures.at(day, 12, 16));
        bookings.release();
        assertThat(bookings.booking(student, id).state()).isEqualTo(BookingState.NO_SHOW);
        return id;
    }

    private int notices(Viewer who, String code) {
        return jdbc.queryForObject("SELECT count(*) FROM notification WHERE account_id = ? AND message_code = ?", Integer.class,
                who.accountId(), code);
    }

    @Test
    void anAcceptedAppealExcusesTheNoShowAndLiftsTheBlockWhenTheRestFallBelowTheLimit() {
        Viewer student = fixtures.students(1).get(0);
        long space = fixtures.create(fixtures.studyRoom("申诉解封自习室", false));
        long first = noShow(student, space, TODAY);
        noShow(student, space, TODAY.plusDays(1));
        noShow(student, space, TODAY.plusDays(2));
        assertThat(appeals.standing(student).blocked()).isTrue();
        assertThat(appeals.standing(student).noShowsInWindow()).isEqualTo(3);

        long appeal = appeals.appeal(student, first, "那天发烧去了校医院");
        assertThat(appeals.myNoShows(student)).filteredOn(n -> n.bookingId() == first).singleElement()
                .satisfies(n -> assertThat(n.appeal().state()).isEqualTo(SpaceAppeals.State.WAITING));
        assertThat(appeals.toDecide(users.viewer("manager"))).extracting(SpaceAppeals.Appeal::id).contains(appeal);

        appeals.accept(users.viewer("manager"), appeal);

        assertThat(bookings.booking(student, first).state()).isEqualTo(BookingState.CANCELLED);
        assertThat(appeals.appealOf(student, appeal).state()).isEqualTo(SpaceAppeals.State.ACCEPTED);
        SpaceAppeals.Standing standing = appeals.standing(student);
        assertThat(standing.blocked()).isFalse();
        assertThat(standing.noShowsInWindow()).isEqualTo(2);
        assertThat(appeals.myNoShows(student)).filteredOn(n -> n.bookingId() == first).singleElement()
                .satisfies(n -> assertThat(n.excused()).isTrue());
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(student, "spaceAppeal.notice.accepted") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(users.viewer("manager"), "spaceAppeal.notice.new") >= 1);
        // Booking again is possible: the block is gone.
        bookings.book(student, new SpaceBookings.Request(space, fixtures.at(TODAY.plusDays(2), 15, 0), fixtures.at(TODAY.plusDays(2), 16, 0),
                "自习", 1, null));
    }

    @Test
    void anAppealAfterTheAppealDaysIsAFieldErrorAndNothingIsWritten() {
        Viewer student = fixtures.students(1).get(0);
        long space = fixtures.create(fixtures.studyRoom("申诉过期自习室", false));
        long missed = noShow(student, space, TODAY);
        clock.fix(fixtures.at(TODAY.plusDays(8), 12, 1));

        assertThatThrownBy(() -> appeals.appeal(student, missed, "忘了"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("booking");
                    assertThat(p.code()).isEqualTo("spaceAppeal.tooLate");
                }));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM space_no_show_appeal WHERE booking_id = ?", Integer.class, missed)).isZero();
        assertThat(appeals.myNoShows(student)).filteredOn(n -> n.bookingId() == missed).singleElement()
                .satisfies(n -> assertThat(n.appealable()).isFalse());
    }

    @Test
    void anAppealNeedsAReasonAnOwnNoShowAndOnlyOneAppeal() {
        Viewer student = fixtures.students(1).get(0);
        Viewer other = fixtures.students(1).get(0);
        long space = fixtures.create(fixtures.studyRoom("申诉校验自习室", false));
        long missed = noShow(student, space, TODAY);

        assertThatThrownBy(() -> appeals.appeal(student, missed, "  "))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("reason")));
        assertThatThrownBy(() -> appeals.appeal(student, missed, "长".repeat(501))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> appeals.appeal(other, missed, "不是我的")).isInstanceOf(NotFoundException.class);
        appeals.appeal(student, missed, "临时有课");
        assertThatThrownBy(() -> appeals.appeal(student, missed, "再申诉一次"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("spaceAppeal.alreadyAppealed"));

        clock.fix(fixtures.at(TODAY.plusDays(1), 9, 0));
        long kept = bookings.book(student, new SpaceBookings.Request(space, fixtures.at(TODAY.plusDays(1), 14, 0),
                fixtures.at(TODAY.plusDays(1), 15, 0), "自习", 1, null));
        assertThatThrownBy(() -> appeals.appeal(student, kept, "还没开始"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("spaceAppeal.notNoShow"));
    }

    @Test
    void onlyAManagerOfTheSpaceDecidesAndARejectionNeedsAReasonAndIsTold() {
        Viewer student = fixtures.students(1).get(0);
        long space = fixtures.create(fixtures.studyRoom("申诉驳回自习室", false));
        long missed = noShow(student, space, TODAY);
        long appeal = appeals.appeal(student, missed, "睡过头了");

        for (Viewer outsider : new Viewer[] {users.viewer("headteacher"), users.viewer("counsellor"), student}) {
            assertThatThrownBy(() -> appeals.accept(outsider, appeal)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> appeals.reject(outsider, appeal, "不行")).isInstanceOf(NotFoundException.class);
        }
        assertThat(appeals.toDecide(users.viewer("headteacher"))).extracting(SpaceAppeals.Appeal::id).doesNotContain(appeal);
        assertThatThrownBy(() -> appeals.reject(users.viewer("manager"), appeal, " "))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("reason")));
        assertThat(appeals.appealOf(student, appeal).state()).isEqualTo(SpaceAppeals.State.WAITING);

        appeals.reject(users.viewer("manager"), appeal, "睡过头不属于不可抗力");
        SpaceAppeals.Appeal rejected = appeals.appealOf(student, appeal);
        assertThat(rejected.state()).isEqualTo(SpaceAppeals.State.REJECTED);
        assertThat(rejected.decision()).isEqualTo("睡过头不属于不可抗力");
        assertThat(bookings.booking(student, missed).state()).isEqualTo(BookingState.NO_SHOW);
        assertThatThrownBy(() -> appeals.accept(users.viewer("admin"), appeal))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("spaceAppeal.decided"));
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(student, "spaceAppeal.notice.rejected") == 1);
    }
}
