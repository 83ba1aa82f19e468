package org.shouwang.spaces;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.community.OrganisationDraft;
import org.shouwang.community.OrganisationKind;
import org.shouwang.community.Organisations;
import org.shouwang.community.Position;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class SpaceBookingTests {

    /** A Tuesday, 10:00 on campus. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Autowired SpaceBookings bookings;
    @Autowired Spaces spaces;
    @Autowired SpaceFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired Organisations organisations;

    @BeforeEach
    void tenOClock() {
        clock.fix(fixtures.at(TODAY, 10, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private SpaceBookings.Request slot(long space, LocalDate day, int hour, int hours) {
        return new SpaceBookings.Request(space, fixtures.at(day, hour, 0), fixtures.at(day, hour + hours, 0), "小组讨论", 3, null);
    }

    @Test
    void manyBookingTheSameSlotAtOnceLeaveExactlyOneBooking() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("并发自习室", false));
        List<Viewer> students = fixtures.students(40);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (Viewer s : students) {
            done.add(pool.submit(() -> {
                try {
                    bookings.book(s, slot(space, TODAY.plusDays(1), 14, 2));
                    outcomes.computeIfAbsent("booked", k -> new AtomicInteger()).incrementAndGet();
                } catch (RuleViolation e) {
                    outcomes.computeIfAbsent(e.code(), k -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyKeys("booked", "space.taken");
        assertThat(outcomes.get("booked")).hasValue(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM space_booking WHERE space_id = ?", Integer.class, space)).isEqualTo(1);
    }

    @Test
    void overlappingButNotAdjacentBookingsAreRefused() {
        long space = fixtures.create(fixtures.studyRoom("相邻自习室", false));
        List<Viewer> students = fixtures.students(3);
        bookings.book(students.get(0), slot(space, TODAY.plusDays(1), 14, 2));
        bookings.book(students.get(1), slot(space, TODAY.plusDays(1), 16, 2));
        assertThatThrownBy(() -> bookings.book(students.get(2), new SpaceBookings.Request(space, fixtures.at(TODAY.plusDays(1), 15, 30),
                fixtures.at(TODAY.plusDays(1), 16, 30), "讨论", 2, null)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("space.taken"));
    }

    @Test
    void outsideHoursTooLongTooFarAheadInThePastOrOverCapacityIsRefusedWithReasonsAndNothingWritten() {
        long space = fixtures.create(fixtures.studyRoom("规则自习室", false));
        Viewer student = fixtures.students(1).get(0);
        int before = jdbc.queryForObject("SELECT count(*) FROM space_booking", Integer.class);

        assertThatThrownBy(() -> bookings.book(student, slot(space, TODAY.plusDays(1), 21, 2)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("space.outsideHours"));
        assertThatThrownBy(() -> bookings.book(student, slot(space, TODAY.plusDays(1), 9, 3)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("space.tooLong"));
        assertThatThrownBy(() -> bookings.book(student, slot(space, TODAY.plusDays(8), 9, 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("space.tooFarAhead"));
        assertThatThrownBy(() -> bookings.book(student, slot(space, TODAY, 8, 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("space.inPast"));
        assertThatThrownBy(() -> bookings.book(student, new SpaceBookings.Request(space, fixtures.at(TODAY, 14, 0),
                fixtures.at(TODAY, 15, 0), " ", 7, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("purpose", "attendees"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM space_booking", Integer.class)).isEqualTo(before);
    }

    @Test
    void aClosedPeriodRefusesBookingsWithItsReason() {
        long space = fixtures.create(fixtures.studyRoom("维修自习室", false));
        spaces.close(users.viewer("admin"), space, fixtures.at(TODAY.plusDays(2), 0, 0), fixtures.at(TODAY.plusDays(3), 0, 0), "空调维修");
        assertThatThrownBy(() -> bookings.book(fixtures.students(1).get(0), slot(space, TODAY.plusDays(2), 14, 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.args()).containsExactly("空调维修")));
    }

    @Test
    void onlyAMemberBooksForAStudentOrganisation() {
        long club = organisations.create(users.viewer("admin"), new OrganisationDraft("空间测试社团", OrganisationKind.CLUB,
                "counsellor", null, null));
        List<Viewer> students = fixtures.students(2);
        String number = jdbc.queryForObject("SELECT student_number FROM student WHERE id = ?", String.class,
                students.get(0).studentId());
        organisations.appoint(users.viewer("counsellor"), club, number, Position.MEMBER, null, null);
        long space = fixtures.create(fixtures.studyRoom("社团活动室", false));

        bookings.book(students.get(0), new SpaceBookings.Request(space, fixtures.at(TODAY.plusDays(1), 14, 0),
                fixtures.at(TODAY.plusDays(1), 15, 0), "社团例会", 5, "空间测试社团"));
        assertThatThrownBy(() -> bookings.book(students.get(1), new SpaceBookings.Request(space, fixtures.at(TODAY.plusDays(1), 16, 0),
                fixtures.at(TODAY.plusDays(1), 17, 0), "社团例会", 5, "空间测试社团")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("space.notAMember"));
    }

    @Test
    void aStudentHoldsNoMoreThanTheLimitOfFutureBookings() {
        Viewer student = fixtures.students(1).get(0);
        for (int i = 0; i < 3; i++) {
            long space = fixtures.create(fixtures.studyRoom("限额自习室" + i, false));
            bookings.book(student, slot(space, TODAY.plusDays(1), 9 + 2 * i, 1));
        }
        long fourth = fixtures.create(fixtures.studyRoom("限额自习室3", false));
        assertThatThrownBy(() -> bookings.book(student, slot(fourth, TODAY.plusDays(1), 16, 1)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("space.limitReached"));
    }

    @Test
    void aRoomThatNeedsApprovalWaitsForItsManagerWhoDeclinesWithAReason() {
        long space = fixtures.create(fixtures.studyRoom("审批研讨室", true));
        Viewer student = fixtures.students(1).get(0);
        long id = bookings.book(student, slot(space, TODAY.plusDays(1), 14, 1));
        assertThat(bookings.booking(student, id).state()).isEqualTo(BookingState.PENDING);
        assertThatThrownBy(() -> bookings.approve(student, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bookings.decline(users.viewer("manager"), id, " ")).isInstanceOf(InvalidInput.class);

        bookings.decline(users.viewer("manager"), id, "当晚有党员大会");
        SpaceViews.Booking declined = bookings.booking(student, id);
        assertThat(declined.state()).isEqualTo(BookingState.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("当晚有党员大会");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE account_id = ? AND message_code = 'space.notice.declined'",
                Integer.class, student.accountId()) == 1);
    }

    @Test
    void aBookerChecksInWithinTheGraceOrIsReleasedAsANoShowAndRepeatedNoShowsBlock() {
        Viewer student = fixtures.students(1).get(0);
        long space = fixtures.create(fixtures.studyRoom("签到自习室", false));
        long kept = bookings.book(student, slot(space, TODAY, 11, 1));
        clock.fix(fixtures.at(TODAY, 11, 10));
        bookings.checkIn(student, kept);
        assertThat(bookings.booking(student, kept).state()).isEqualTo(BookingState.CHECKED_IN);

        for (int i = 0; i < 3; i++) {
            clock.fix(fixtures.at(TODAY.plusDays(i), 10, 0));
            long missed = bookings.book(student, slot(space, TODAY.plusDays(i), 12, 1));
            clock.fix(fixtures.at(TODAY.plusDays(i), 12, 16));
            bookings.release();
            assertThat(bookings.booking(student, missed).state()).isEqualTo(BookingState.NO_SHOW);
        }
        clock.fix(fixtures.at(TODAY.plusDays(2), 13, 0));
        assertThatThrownBy(() -> bookings.book(student, slot(space, TODAY.plusDays(2), 15, 1)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("space.blocked"));
    }

    @Test
    void theDoorCodeChecksTheBookerInAndAForgedOneIsRefused() {
        Viewer student = fixtures.students(1).get(0);
        long space = fixtures.create(fixtures.studyRoom("门码自习室", false));
        long id = bookings.book(student, slot(space, TODAY, 14, 1));
        clock.fix(fixtures.at(TODAY, 13, 55));
        assertThatThrownBy(() -> bookings.checkInAtDoor(student, space, "forged"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("space.wrongDoorCode"));
        assertThat(bookings.checkInAtDoor(student, space, spaces.doorKey(users.viewer("admin"), space))).isEqualTo(id);
        assertThat(bookings.booking(student, id).state()).isEqualTo(BookingState.CHECKED_IN);
    }

    @Test
    void anActivityAndAStudentNeverHoldTheSameTime() {
        long space = fixtures.create(fixtures.studyRoom("活动共用室", false));
        Viewer student = fixtures.students(1).get(0);
        bookings.book(student, slot(space, TODAY.plusDays(1), 14, 2));
        assertThatThrownBy(() -> bookings.reserveForActivity(users.viewer("counsellor"), space, 999_001L,
                fixtures.at(TODAY.plusDays(1), 15, 0), fixtures.at(TODAY.plusDays(1), 17, 0), "班会", 5))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("space.taken"));
        bookings.reserveForActivity(users.viewer("counsellor"), space, 999_001L, fixtures.at(TODAY.plusDays(1), 18, 0),
                fixtures.at(TODAY.plusDays(1), 20, 0), "班会", 5);
        Viewer other = fixtures.students(1).get(0);
        assertThatThrownBy(() -> bookings.book(other, slot(space, TODAY.plusDays(1), 19, 1)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("space.taken"));
        bookings.releaseForActivity(999_001L);
        bookings.book(other, slot(space, TODAY.plusDays(1), 19, 1));
    }

    @Test
    void aStudentSeesOnlyTheirOwnBookingsAndAManagerThoseOfTheirSpaces() {
        long space = fixtures.create(fixtures.studyRoom("可见性自习室", false));
        List<Viewer> students = fixtures.students(2);
        long id = bookings.book(students.get(0), slot(space, TODAY.plusDays(1), 9, 1));
        assertThatThrownBy(() -> bookings.booking(students.get(1), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bookings.booking(users.viewer("counsellor"), id)).isInstanceOf(NotFoundException.class);
        assertThat(bookings.booking(users.viewer("manager"), id).bookerAccountId()).isEqualTo(students.get(0).accountId());
        assertThat(bookings.ofManagedSpaces(users.viewer("manager"), null, Instant.EPOCH)).extracting(SpaceViews.Booking::id).contains(id);
        assertThat(bookings.ofManagedSpaces(users.viewer("counsellor"), null, Instant.EPOCH)).isEmpty();
        assertThat(bookings.mine(students.get(1))).extracting(SpaceViews.Booking::id).doesNotContain(id);
        assertThat(Duration.between(bookings.taken(space, fixtures.at(TODAY.plusDays(1), 0, 0), fixtures.at(TODAY.plusDays(2), 0, 0))
                .get(0).startsAt(), fixtures.at(TODAY.plusDays(1), 10, 0))).isEqualTo(Duration.ofHours(1));
    }
}
