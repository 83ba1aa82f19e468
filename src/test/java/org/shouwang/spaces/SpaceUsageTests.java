package org.shouwang.spaces;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Timestamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class SpaceUsageTests {

    @Autowired SpaceUsage usage;
    @Autowired SpaceFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired java.time.Clock clock;

    /** A past booking written as it happened; returns its id. */
    private long past(long space, LocalDate day, int hour, int hours, String state) {
        Instant starts = fixtures.at(day, hour, 0);
        jdbc.update("""
                        INSERT INTO space_booking (space_id, booker_account_id, purpose, attendees, starts_at, ends_at, state, created_at)
                        VALUES (?, ?, '自习', 1, ?, ?, ?, ?)""",
                space, users.viewer("student").accountId(), Timestamps.of(starts), Timestamps.of(starts.plusSeconds(3600L * hours)), state,
                Timestamps.of(starts.minusSeconds(86400)));
        return jdbc.queryForObject("SELECT max(id) FROM space_booking WHERE space_id = ?", Long.class, space);
    }

    private long otherBuilding() {
        return jdbc.queryForObject("SELECT max(id) FROM building", Long.class);
    }

    @Test
    void hoursBookedUsedNoShowsAndTheBusiestTimesAreCountedPerSpaceAndKind() {
        long study = fixtures.create(fixtures.studyRoom("统计自习室", false));
        SpaceDraft d = fixtures.studyRoom("统计研讨室", false);
        long seminar = fixtures.create(new SpaceDraft(d.name(), SpaceKind.SEMINAR_ROOM, d.buildingId(), 2, "201", 8, "", "", d.opensAt(),
                d.closesAt(), d.openDays(), true, true, true, 120, 7, false, null));
        LocalDate monday = LocalDate.of(2026, 9, 7);
        past(study, monday, 9, 2, "CHECKED_IN");
        past(study, monday, 14, 1, "NO_SHOW");
        long excused = past(study, monday.plusDays(1), 9, 2, "CANCELLED");
        jdbc.update("""
                INSERT INTO space_no_show_appeal (booking_id, space_id, booker_account_id, reason, state, created_at)
                VALUES (?, ?, ?, '病假', 'ACCEPTED', ?)""", excused, study, users.viewer("student").accountId(),
                Timestamps.of(Instant.now()));
        past(study, monday.plusDays(1), 19, 1, "DECLINED");
        past(seminar, monday.plusDays(2), 10, 3, "CHECKED_IN");
        past(seminar, monday.plusDays(20), 10, 3, "CHECKED_IN"); // outside the period

        SpaceUsage.Report r = usage.report(users.viewer("affairs"), monday, monday.plusDays(6), null, null);

        SpaceUsage.Figures s = r.spaces().stream().filter(x -> x.spaceId() == study).findFirst().orElseThrow().figures();
        assertThat(s.bookings()).isEqualTo(2);
        assertThat(s.hoursBooked()).isEqualTo(3.0);
        assertThat(s.hoursUsed()).isEqualTo(2.0);
        assertThat(s.noShows()).isEqualTo(1);
        assertThat(s.excused()).isEqualTo(1);
        assertThat(s.noShowRate()).isEqualTo(0.5);
        SpaceUsage.Figures m = r.spaces().stream().filter(x -> x.spaceId() == seminar).findFirst().orElseThrow().figures();
        assertThat(m.hoursBooked()).isEqualTo(3.0);
        assertThat(m.noShowRate()).isEqualTo(0.0);
        assertThat(r.kinds()).extracting(SpaceUsage.KindRow::kind).contains(SpaceKind.STUDY_ROOM, SpaceKind.SEMINAR_ROOM);
        assertThat(r.heat()[0][9]).isGreaterThanOrEqualTo(1.0);
        assertThat(r.heat()[0][10]).isGreaterThanOrEqualTo(1.0);
        assertThat(r.heat()[2][11]).isGreaterThanOrEqualTo(1.0);

        SpaceUsage.Report seminars = usage.report(users.viewer("affairs"), monday, monday.plusDays(6), SpaceKind.SEMINAR_ROOM, null);
        assertThat(seminars.spaces()).extracting(SpaceUsage.SpaceRow::kind).containsOnly(SpaceKind.SEMINAR_ROOM);
        assertThat(seminars.kinds()).extracting(SpaceUsage.KindRow::kind).containsExactly(SpaceKind.SEMINAR_ROOM);
    }

    @Test
    void theDefaultPeriodIsTheLastFourWeeks() {
        SpaceUsage.Report r = usage.report(users.viewer("admin"), null, null, null, null);
        assertThat(r.to()).isEqualTo(org.shouwang.shared.CampusTime.today(clock));
        assertThat(r.from()).isEqualTo(r.to().minusDays(27));
    }

    @Test
    void leadersAndStudentAffairsSeeEverySpaceManagersTheirOwnAndOthersNothing() {
        long mine = fixtures.create(fixtures.studyRoom("楼管统计自习室", false));
        SpaceDraft d = fixtures.studyRoom("别楼统计自习室", false);
        long elsewhere = fixtures.create(new SpaceDraft(d.name(), d.kind(), otherBuilding(), 1, null, 6, "", "", LocalTime.of(8, 0),
                LocalTime.of(22, 0), EnumSet.allOf(DayOfWeek.class), true, false, false, 120, 7, false, null));
        for (String all : new String[] {"admin", "leader", "affairs"}) {
            assertThat(usage.report(users.viewer(all), null, null, null, null).spaces()).extracting(SpaceUsage.SpaceRow::spaceId)
                    .contains(mine, elsewhere);
        }
        assertThat(usage.report(users.viewer("manager"), null, null, null, null).spaces()).extracting(SpaceUsage.SpaceRow::spaceId)
                .contains(mine).doesNotContain(elsewhere);
        for (String none : new String[] {"student", "headteacher", "handler"}) {
            assertThat(usage.maySee(users.viewer(none))).isFalse();
            assertThatThrownBy(() -> usage.report(users.viewer(none), null, null, null, null)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aBackwardOrOverlongPeriodIsAFieldError() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        assertThatThrownBy(() -> usage.report(users.viewer("admin"), day, day.minusDays(1), null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("to");
                    assertThat(p.code()).isEqualTo("spaceUsage.toBeforeFrom");
                }));
        assertThatThrownBy(() -> usage.report(users.viewer("admin"), day, day.plusDays(400), null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("spaceUsage.tooLong")));
    }
}
