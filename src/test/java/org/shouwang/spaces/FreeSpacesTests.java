package org.shouwang.spaces;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.people.Housing;
import org.shouwang.residence.Residence;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FreeSpacesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    @Autowired FreeSpaces free;
    @Autowired SpaceBookings bookings;
    @Autowired Spaces spaces;
    @Autowired SpaceFixtures fixtures;
    @Autowired Residence residence;
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

    private long room(String name, SpaceKind kind, long building, LocalTime opens, LocalTime closes) {
        return fixtures.create(new SpaceDraft(name, kind, building, 1, null, 6, "", "", opens, closes, EnumSet.allOf(DayOfWeek.class),
                true, true, true, 120, 7, false, null));
    }

    @Test
    void studyRoomsOpenAndNotTakenNowComeFirstInTheStudentsOwnBuildingWithHowLongTheyStayFree() {
        Viewer student = fixtures.students(20).stream().filter(s -> residence.placeOf(s.studentId()).isPresent()).findFirst().orElseThrow();
        long home = residence.placeOf(student.studentId()).map(Housing.Place::buildingId).orElseThrow();
        long away = jdbc.queryForObject("SELECT min(id) FROM building WHERE id <> ?", Long.class, home);
        long ownStudy = room("空位本楼自习室", SpaceKind.STUDY_ROOM, home, LocalTime.of(8, 0), LocalTime.of(22, 0));
        long ownSeminar = room("空位本楼研讨室", SpaceKind.SEMINAR_ROOM, home, LocalTime.of(8, 0), LocalTime.of(22, 0));
        long awayStudy = room("空位别楼自习室", SpaceKind.STUDY_ROOM, away, LocalTime.of(8, 0), LocalTime.of(22, 0));
        long taken = room("空位已占自习室", SpaceKind.STUDY_ROOM, home, LocalTime.of(8, 0), LocalTime.of(22, 0));
        long shut = room("空位关闭自习室", SpaceKind.STUDY_ROOM, home, LocalTime.of(8, 0), LocalTime.of(22, 0));
        long notYet = room("空位未开自习室", SpaceKind.STUDY_ROOM, home, LocalTime.of(11, 0), LocalTime.of(22, 0));
        long gym = room("空位健身房", SpaceKind.SPORTS, home, LocalTime.of(8, 0), LocalTime.of(22, 0));
        Viewer other = fixtures.students(1).get(0);
        bookings.book(other, new SpaceBookings.Request(taken, fixtures.at(TODAY, 10, 0), fixtures.at(TODAY, 11, 0), "自习", 1, null));
        bookings.book(other, new SpaceBookings.Request(ownStudy, fixtures.at(TODAY, 12, 0), fixtures.at(TODAY, 13, 0), "自习", 1, null));
        spaces.close(users.viewer("admin"), shut, fixtures.at(TODAY, 9, 0), fixtures.at(TODAY, 18, 0), "维修空调");

        List<FreeSpaces.Free> list = free.now(student);

        List<Long> ids = list.stream().map(FreeSpaces.Free::spaceId).toList();
        assertThat(ids).contains(ownStudy, ownSeminar, awayStudy).doesNotContain(taken, shut, notYet, gym);
        assertThat(ids.indexOf(ownStudy)).isLessThan(ids.indexOf(ownSeminar));
        assertThat(ids.indexOf(ownSeminar)).isLessThan(ids.indexOf(awayStudy));
        FreeSpaces.Free own = list.get(ids.indexOf(ownStudy));
        assertThat(own.ownBuilding()).isTrue();
        assertThat(own.freeUntil()).isEqualTo(fixtures.at(TODAY, 12, 0));
        assertThat(own.freeMinutes()).isEqualTo(120);
        FreeSpaces.Free seminar = list.get(ids.indexOf(ownSeminar));
        assertThat(seminar.freeUntil()).isEqualTo(fixtures.at(TODAY, 22, 0));
        assertThat(list.get(ids.indexOf(awayStudy)).ownBuilding()).isFalse();
    }

    @Test
    void nothingIsFreeOutsideOpeningHours() {
        long late = room("空位深夜自习室", SpaceKind.STUDY_ROOM, fixtures.building(), LocalTime.of(8, 0), LocalTime.of(22, 0));
        clock.fix(fixtures.at(TODAY, 22, 30));
        assertThat(free.now(users.viewer("student"))).extracting(FreeSpaces.Free::spaceId).doesNotContain(late);
        clock.fix(fixtures.at(TODAY, 21, 50));
        assertThat(free.now(users.viewer("student"))).extracting(FreeSpaces.Free::spaceId).doesNotContain(late);
        clock.fix(fixtures.at(TODAY, 21, 40));
        assertThat(free.now(users.viewer("student"))).extracting(FreeSpaces.Free::spaceId).contains(late);
    }
}
