package org.shouwang.studios;

import java.time.LocalDateTime;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shouwang.studios.DutyFixtures.MONDAY_9;

@IntegrationTest
class DutyRostersTests {

    @Autowired DutyRosters rosters;
    @Autowired DutyQueries queries;
    @Autowired DutyFixtures fx;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void monday() {
        fx.at(MONDAY_9);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static final DutyWeek WEEK = DutyWeek.of(MONDAY_9.toLocalDate());

    private int shiftsOf(String username) {
        return jdbc.queryForObject("SELECT count(*) FROM duty_shift s JOIN account a ON a.id = s.account_id WHERE a.username = ?",
                Integer.class, username);
    }

    @Test
    void studentAffairsPlanAShiftThatTheWeekShowsOnItsDayWithNameRoleAndPlace() {
        String police = fx.staff("police", Role.POLICE_OFFICER);
        long id = rosters.plan(fx.viewer("affairs"), fx.shift(police, fx.firstBuilding(), null,
                MONDAY_9.plusDays(2).withHour(18), MONDAY_9.plusDays(2).withHour(21)));

        DutyViews.Week week = queries.week(fx.viewer("affairs"), WEEK, null, null);
        DutyShift shift = week.days().get(2).shifts().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        assertThat(shift.person()).isEqualTo("值班·" + police);
        assertThat(shift.role()).isEqualTo(Role.POLICE_OFFICER);
        assertThat(shift.venue()).isEqualTo("值班室");
        assertThat(shift.start()).isEqualTo(MONDAY_9.plusDays(2).withHour(18));
        assertThat(shift.status()).isEqualTo(DutyShift.Status.PLANNED);
        assertThat(shift.removable()).isTrue();
        assertThat(week.week()).isEqualTo("2031-W10");
    }

    @Test
    void aBadShiftNamesEveryWrongFieldAndWritesNothing() {
        int before = jdbc.queryForObject("SELECT count(*) FROM duty_shift", Integer.class);
        assertThatThrownBy(() -> rosters.plan(fx.admin(), new DutyDraft("nobody-here", 999_999L, " ", null,
                "2031-03-04T18:00", "2031-03-04T17:00")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("username", "duty.unknownPerson"),
                                org.assertj.core.groups.Tuple.tuple("buildingId", "duty.unknownBuilding"),
                                org.assertj.core.groups.Tuple.tuple("venue", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("end", "duty.endNotAfterStart")));
        String police = fx.staff("police", Role.POLICE_OFFICER);
        assertThatThrownBy(() -> rosters.plan(fx.admin(), new DutyDraft(police, fx.firstBuilding(), "值班室", null,
                "2031-03-03T08:00", "2031-03-03T21:00")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("start", "duty.inPast"),
                                org.assertj.core.groups.Tuple.tuple("end", "duty.tooLong")));
        assertThatThrownBy(() -> rosters.plan(fx.admin(), new DutyDraft("student", fx.firstBuilding(), "值班室", 999_999L,
                "tomorrow", "")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("username", "duty.notStaff"),
                                org.assertj.core.groups.Tuple.tuple("studioId", "duty.unknownStudio"),
                                org.assertj.core.groups.Tuple.tuple("start", "duty.badTime"),
                                org.assertj.core.groups.Tuple.tuple("end", "field.required")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM duty_shift", Integer.class)).isEqualTo(before);
    }

    @Test
    void onePersonNeverHasTwoOverlappingShiftsButBackToBackAndOtherPeopleAreFine() {
        String counsellor = fx.staff("counsellor", Role.COUNSELLOR);
        String police = fx.staff("police", Role.POLICE_OFFICER);
        LocalDateTime six = MONDAY_9.withHour(18);
        rosters.plan(fx.admin(), fx.shift(counsellor, fx.firstBuilding(), null, six, six.plusHours(3)));

        assertThatThrownBy(() -> rosters.plan(fx.admin(), fx.shift(counsellor, fx.secondBuilding(), null, six.plusHours(2),
                six.plusHours(4)))).isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("duty.overlap");
                    assertThat(e.args()).containsExactly("值班·" + counsellor, "03-03 18:00–03-03 21:00");
                });
        assertThatThrownBy(() -> rosters.plan(fx.admin(), fx.shift(counsellor, fx.firstBuilding(), null, six.minusHours(1),
                six.plusHours(5)))).isInstanceOf(RuleViolation.class);
        rosters.plan(fx.admin(), fx.shift(counsellor, fx.firstBuilding(), null, six.plusHours(3), six.plusHours(4)));
        rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, six, six.plusHours(3)));
        assertThat(shiftsOf(counsellor)).isEqualTo(2);
        assertThat(shiftsOf(police)).isEqualTo(1);
    }

    @Test
    void twentyOverlappingShiftsPlannedAtOnceForOnePersonWriteExactlyOne() throws Exception {
        // Ten people, twenty overlapping shifts each, all planned at once by two keepers on twenty threads; one
        // person's attempts follow each other in the queue, so they run side by side (without the lock, several win).
        List<String> people = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            people.add(fx.staff("rush", Role.POLICE_OFFICER));
        }
        Viewer admin = fx.admin();
        Viewer affairs = fx.viewer("affairs");
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (String person : people) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    go.await();
                    LocalDateTime start = MONDAY_9.plusDays(1).withHour(8).plusMinutes(n * 10);
                    try {
                        rosters.plan(n % 2 == 0 ? admin : affairs, fx.shift(person, fx.firstBuilding(), null, start, start.plusHours(4)));
                        outcomes.computeIfAbsent("planned", k -> new AtomicInteger()).incrementAndGet();
                    } catch (RuleViolation e) {
                        outcomes.computeIfAbsent(e.code(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyKeys("planned", "duty.overlap");
        assertThat(outcomes.get("planned")).hasValue(10);
        assertThat(outcomes.get("duty.overlap")).hasValue(190);
        for (String person : people) {
            assertThat(shiftsOf(person)).as(person).isEqualTo(1);
        }
    }

    @Test
    void studioStaffKeepTheirStudiosRosterOnly() {
        String leader = fx.staff("studio-leader", Role.STUDIO_STAFF);
        String member = fx.staff("studio-member", Role.STUDIO_STAFF);
        String outsider = fx.staff("other-leader", Role.STUDIO_STAFF);
        long studio = fx.studio(leader, member);
        long other = fx.studio(outsider);
        LocalDateTime start = MONDAY_9.plusDays(3).withHour(14);

        long ours = rosters.plan(fx.viewer(member), fx.shift(leader, fx.firstBuilding(), studio, start, start.plusHours(3)));
        long theirs = rosters.plan(fx.viewer(outsider), fx.shift(outsider, fx.firstBuilding(), other, start, start.plusHours(3)));
        long nobodys = rosters.plan(fx.admin(), fx.shift(fx.staff("police", Role.POLICE_OFFICER), fx.firstBuilding(), null,
                start, start.plusHours(3)));

        assertThatThrownBy(() -> rosters.plan(fx.viewer(member), fx.shift(member, fx.firstBuilding(), other, start.plusHours(4),
                start.plusHours(5)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rosters.plan(fx.viewer(member), fx.shift(member, fx.firstBuilding(), null, start.plusHours(4),
                start.plusHours(5)))).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field).containsExactly("studioId"));
        assertThatThrownBy(() -> rosters.remove(fx.viewer(member), theirs)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rosters.remove(fx.viewer(member), nobodys)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.week(fx.viewer(member), WEEK, other, null)).isInstanceOf(NotFoundException.class);

        List<Long> seen = queries.week(fx.viewer(leader), WEEK, null, null).days().stream()
                .flatMap(d -> d.shifts().stream()).map(DutyShift::id).toList();
        assertThat(seen).contains(ours).doesNotContain(theirs, nobodys);
        assertThat(queries.week(fx.admin(), WEEK, null, null).days().stream().flatMap(d -> d.shifts().stream())
                .map(DutyShift::id).toList()).contains(ours, theirs, nobodys);
        rosters.remove(fx.viewer(leader), ours);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM duty_shift WHERE id = ?", Integer.class, ours)).isZero();
    }

    @Test
    void everyoneElseIsRefusedTheRosterAsIfThereWereNone() {
        long shift = rosters.plan(fx.admin(), fx.shift(fx.staff("police", Role.POLICE_OFFICER), fx.firstBuilding(), null,
                MONDAY_9.plusDays(1).withHour(9), MONDAY_9.plusDays(1).withHour(12)));
        String other = fx.staff("other", Role.POLICE_OFFICER);
        // Demo accounts that lead or work in no studio, and fresh staff of the roles that stand duty.
        for (String username : List.of("student", "manager", "leader", "handler", "party", "buildingleader",
                fx.staff("counsellor", Role.COUNSELLOR), fx.staff("police", Role.POLICE_OFFICER))) {
            Viewer v = fx.viewer(username);
            assertThat(rosters.keepsRosters(v)).as(username).isFalse();
            assertThatThrownBy(() -> queries.week(v, WEEK, null, null)).as(username).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> rosters.plan(v, fx.shift(other, fx.firstBuilding(), null, MONDAY_9.plusDays(4),
                    MONDAY_9.plusDays(4).plusHours(1)))).as(username).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> rosters.remove(v, shift)).as(username).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> rosters.copyPreviousWeek(v, WEEK.next(), null)).as(username)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> rosters.enterWorked(v, fx.shift(other, fx.firstBuilding(), null, MONDAY_9.minusDays(1),
                    MONDAY_9.minusDays(1).plusHours(1)), null)).as(username).isInstanceOf(NotFoundException.class);
        }
        assertThat(shiftsOf(other)).isZero();
    }

    @Test
    void aShiftComesOffTheRosterOnlyBeforeItStarts() {
        String police = fx.staff("police", Role.POLICE_OFFICER);
        long later = rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, MONDAY_9.plusHours(1), MONDAY_9.plusHours(3)));
        long soon = rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, MONDAY_9.plusHours(4), MONDAY_9.plusHours(6)));
        rosters.remove(fx.viewer("affairs"), later);
        fx.at(MONDAY_9.plusHours(4));
        assertThatThrownBy(() -> rosters.remove(fx.admin(), soon)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("duty.alreadyStarted"));
        assertThat(shiftsOf(police)).isEqualTo(1);
        assertThatThrownBy(() -> rosters.remove(fx.admin(), 987_654_321L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void copyingThePreviousWeekSkipsShiftsThatWouldOverlapOrStartInThePast() {
        String a = fx.staff("copy-a", Role.COUNSELLOR);
        String b = fx.staff("copy-b", Role.COUNSELLOR);
        long studio = fx.studio(a, b);
        LocalDateTime monday = MONDAY_9.plusWeeks(5);   // week 2031-W15; its previous week planned from here
        DutyWeek target = DutyWeek.of(monday.toLocalDate());
        LocalDateTime prev = monday.minusWeeks(1);
        rosters.plan(fx.viewer(a), fx.shift(a, fx.firstBuilding(), studio, prev.withHour(8), prev.withHour(12)));
        rosters.plan(fx.viewer(a), fx.shift(a, fx.firstBuilding(), studio, prev.plusDays(1).withHour(8), prev.plusDays(1).withHour(12)));
        rosters.plan(fx.viewer(a), fx.shift(b, fx.secondBuilding(), studio, prev.plusDays(2).withHour(18), prev.plusDays(2).withHour(21)));
        // b already has a shift that week at the copied time.
        rosters.plan(fx.viewer(a), fx.shift(b, fx.firstBuilding(), studio, monday.plusDays(2).withHour(19), monday.plusDays(2).withHour(20)));
        // It is Monday 10:00 of the target week when the keeper copies: Monday 08:00 has passed.
        fx.at(monday.withHour(10));

        DutyViews.Copied copied = rosters.copyPreviousWeek(fx.viewer(b), target, null);
        assertThat(copied).isEqualTo(new DutyViews.Copied(1, 1, 1));
        List<DutyShift> week = queries.week(fx.viewer(a), target, studio, null).days().stream()
                .flatMap(d -> d.shifts().stream()).toList();
        assertThat(week).extracting(DutyShift::start).containsExactlyInAnyOrder(monday.plusDays(1).withHour(8),
                monday.plusDays(2).withHour(19));
        // Copying again copies nothing more.
        assertThat(rosters.copyPreviousWeek(fx.viewer(a), target, studio)).isEqualTo(new DutyViews.Copied(0, 2, 1));
    }

    @Test
    void thePersonOnDutyArrivesFromHalfAnHourBeforeTheStartAndLateAfterTenMinutes() {
        String police = fx.staff("police", Role.POLICE_OFFICER);
        LocalDateTime start = MONDAY_9.plusHours(2); // 11:00
        long first = rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, start, start.plusHours(2)));
        long second = rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, start.plusHours(3), start.plusHours(5)));
        long third = rosters.plan(fx.admin(), fx.shift(police, fx.firstBuilding(), null, start.plusHours(6), start.plusHours(7)));
        Viewer me = fx.viewer(police);

        fx.at(start.minusMinutes(31));
        assertThatThrownBy(() -> rosters.arrive(me, first)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("duty.arrivalNotYet"));
        assertThat(queries.mine(me)).extracting(DutyShift::mayArrive).containsExactly(false, false, false);
        fx.at(start.minusMinutes(20));
        assertThat(queries.mine(me).get(0).mayArrive()).isTrue();
        DutyShift onTime = rosters.arrive(me, first);
        assertThat(onTime.late()).isFalse();
        assertThat(onTime.arrivedAt()).isEqualTo(start.minusMinutes(20));
        assertThat(onTime.status()).isEqualTo(DutyShift.Status.ON_DUTY);
        fx.at(start.minusMinutes(5));
        assertThat(rosters.arrive(me, first).arrivedAt()).as("saying it again changes nothing").isEqualTo(start.minusMinutes(20));

        assertThatThrownBy(() -> rosters.arrive(fx.viewer("police"), second)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rosters.arrive(fx.admin(), second)).isInstanceOf(NotFoundException.class);
        fx.at(start.plusHours(3).plusMinutes(11));
        DutyShift late = rosters.arrive(me, second);
        assertThat(late.late()).isTrue();

        fx.at(start.plusHours(7));
        assertThatThrownBy(() -> rosters.arrive(me, third)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("duty.arrivalClosed"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM duty_shift WHERE id = ? AND arrived_at IS NULL", Integer.class, third))
                .isEqualTo(1);
    }

    @Test
    void aStudentSeesWhoIsOnDutyNowAndNextInTheirOwnBuildingOnly() {
        long home = fx.buildingOf("student");
        long elsewhere = home == fx.firstBuilding() ? fx.secondBuilding() : fx.firstBuilding();
        String police = fx.staff("police", Role.POLICE_OFFICER);
        String counsellor = fx.staff("counsellor", Role.COUNSELLOR);
        String far = fx.staff("far", Role.COUNSELLOR);
        String leader = fx.staff("studio-lead", Role.STUDIO_STAFF);
        long studio = fx.studio(leader);
        LocalDateTime d = MONDAY_9.plusDays(8);   // a Tuesday
        long now = rosters.plan(fx.admin(), fx.shift(police, home, null, d.withHour(8), d.withHour(12)));
        long next = rosters.plan(fx.admin(), fx.shift(counsellor, home, studio, d.withHour(14), d.withHour(17)));
        long tomorrow = rosters.plan(fx.admin(), fx.shift(counsellor, home, null, d.plusDays(1).withHour(8), d.plusDays(1).withHour(9)));
        long other = rosters.plan(fx.admin(), fx.shift(far, elsewhere, null, d.withHour(8), d.withHour(12)));
        fx.at(d.withHour(10));

        DutyViews.Now seen = queries.now(fx.viewer("student"), elsewhere, null);
        assertThat(seen.student()).isTrue();
        assertThat(seen.buildings()).singleElement().satisfies(b -> {
            assertThat(b.buildingId()).isEqualTo(home);
            assertThat(b.now()).extracting(DutyShift::id).contains(now).doesNotContain(next, other);
            assertThat(b.next()).extracting(DutyShift::id).contains(next).doesNotContain(tomorrow);
        });
        DutyViews.Now staff = queries.now(fx.viewer("counsellor"), null, null);
        assertThat(staff.buildings()).extracting(DutyViews.BuildingNow::buildingId).contains(home, elsewhere);
        DutyViews.Now one = queries.now(fx.viewer("counsellor"), elsewhere, null);
        assertThat(one.buildings()).singleElement().satisfies(b -> assertThat(b.now()).extracting(DutyShift::id).contains(other));
        DutyViews.Now studioOnly = queries.now(fx.viewer("student"), null, studio);
        assertThat(studioOnly.buildings().get(0).now()).isEmpty();
        assertThat(studioOnly.buildings().get(0).next()).extracting(DutyShift::id).containsExactly(next);
        assertThatThrownBy(() -> queries.now(fx.viewer("counsellor"), 999_999L, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void coverageCountsPlannedAttendedLateAndMissedShiftsByPersonStudioAndBuilding() {
        String a = fx.staff("cov-a", Role.COUNSELLOR);
        String b = fx.staff("cov-b", Role.POLICE_OFFICER);
        long studio = fx.studio(a);
        LocalDateTime monday = MONDAY_9.plusWeeks(10).withHour(8);
        DutyWeek week = DutyWeek.of(monday.toLocalDate());
        long a1 = rosters.plan(fx.admin(), fx.shift(a, fx.firstBuilding(), studio, monday, monday.plusHours(2)));
        long a2 = rosters.plan(fx.admin(), fx.shift(a, fx.firstBuilding(), studio, monday.plusDays(1), monday.plusDays(1).plusHours(2)));
        rosters.plan(fx.admin(), fx.shift(a, fx.firstBuilding(), studio, monday.plusDays(2), monday.plusDays(2).plusHours(2)));
        rosters.plan(fx.admin(), fx.shift(a, fx.firstBuilding(), studio, monday.plusDays(5), monday.plusDays(5).plusHours(2)));
        long b1 = rosters.plan(fx.admin(), fx.shift(b, fx.secondBuilding(), null, monday, monday.plusHours(2)));
        fx.at(monday.minusMinutes(5));
        rosters.arrive(fx.viewer(a), a1);
        rosters.arrive(fx.viewer(b), b1);
        fx.at(monday.plusDays(1).plusMinutes(30));
        rosters.arrive(fx.viewer(a), a2);
        fx.at(monday.plusDays(3));    // Thursday: three of a's shifts started, one missed, one late; Saturday's still to come

        DutyViews.Coverage all = queries.coverage(fx.viewer("leader"), week.monday(), week.sunday(), null);
        DutyViews.Line lineA = all.byPerson().stream().filter(l -> l.name().equals("值班·" + a)).findFirst().orElseThrow();
        assertThat(lineA).isEqualTo(new DutyViews.Line("值班·" + a, 4, 3, 2, 1, 1));
        assertThat(lineA.rate()).isEqualTo(66.7);
        assertThat(all.byPerson()).extracting(DutyViews.Line::name).contains("值班·" + b);

        DutyViews.Coverage mine = queries.coverage(fx.viewer(a), week.monday(), week.sunday(), null);
        assertThat(mine.byPerson()).extracting(DutyViews.Line::name).containsExactly("值班·" + a);
        assertThat(mine.total()).isEqualTo(new DutyViews.Line("", 4, 3, 2, 1, 1));
        assertThat(mine.byStudio()).singleElement().satisfies(l -> assertThat(l.planned()).isEqualTo(4));

        for (String refused : List.of("student", "manager", "handler", "dispatch", fx.staff("counsellor", Role.COUNSELLOR),
                fx.staff("police", Role.POLICE_OFFICER))) {
            assertThatThrownBy(() -> queries.coverage(fx.viewer(refused), week.monday(), week.sunday(), null)).as(refused)
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> queries.coverage(fx.viewer(a), week.monday(), week.sunday(), fx.studio(b)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.coverage(fx.admin(), week.sunday(), week.monday(), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("duty.toBeforeFrom"));
    }

    @Test
    void weeksAreReadInTheIsoWay() {
        assertThat(DutyWeek.parse("2031-W10", "week").monday()).isEqualTo(MONDAY_9.toLocalDate());
        assertThat(DutyWeek.parse("2026-W53", "week").text()).isEqualTo("2026-W53");
        assertThat(DutyWeek.of(java.time.LocalDate.of(2027, 1, 1)).text()).isEqualTo("2026-W53");
        for (String bad : List.of("2031-W54", "2027-W53", "W10", "2031-10", "")) {
            assertThatThrownBy(() -> DutyWeek.parse(bad, "week")).as(bad).isInstanceOf(InvalidInput.class);
        }
    }
}
