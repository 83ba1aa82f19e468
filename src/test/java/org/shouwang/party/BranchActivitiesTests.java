package org.shouwang.party;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.Audience;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class BranchActivitiesTests {

    @Autowired BranchActivities branchActivities;
    @Autowired PartyOrganisations organisations;
    @Autowired Activities activities;
    @Autowired CheckIns checkIns;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private List<Viewer> students(int count, int skip) {
        return jdbc.query("""
                        SELECT a.id, a.username, a.display_name, a.student_id FROM account a
                        WHERE a.student_id IS NOT NULL AND a.enabled ORDER BY a.id DESC LIMIT ? OFFSET ?""",
                (rs, n) -> new Viewer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Set.of(Role.STUDENT), rs.getLong("student_id"), null, null), count, skip);
    }

    /** Published, registered for by the given students, held now with the first {@code present} of them checked in. */
    private long held(String branch, ActivityType type, String title, List<Viewer> registering, int present) {
        Instant starts = clock.instant().plus(Duration.ofHours(3));
        long id = activities.create(users.viewer("party"), new ActivityDraft(title, "支部活动", type, null, null,
                Set.of(FiveEducation.MORAL), OrganiserKind.PARTY_BRANCH, branch, null, null, "党团活动室", starts,
                starts.plus(Duration.ofHours(1)), Audience.EVERYONE, null, null, null, 30, 3, clock.instant().minus(Duration.ofHours(1)),
                starts.minus(Duration.ofHours(1)), starts.minus(Duration.ofHours(1)), new BigDecimal("1.0"), new BigDecimal("0.1"), false));
        activities.submit(users.viewer("party"), id, null);
        activities.approve(users.viewer("affairs"), id, null);
        registering.forEach(s -> activities.register(s, id));
        jdbc.update("UPDATE activity SET starts_at = ?, ends_at = ? WHERE id = ?", Timestamps.of(clock.instant().minus(Duration.ofMinutes(5))),
                Timestamps.of(clock.instant().plus(Duration.ofHours(1))), id);
        if (present > 0) {
            checkIns.manual(users.viewer("party"), id, String.join("\n", registering.subList(0, present).stream().map(Viewer::username).toList()));
        }
        return id;
    }

    @Test
    void aBranchPageCountsItsActivitiesByTypeAndShowsMembersAttendanceOnlyToPartyRoles() {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        String name = organisations.organisation(branch).name();
        List<Viewer> members = students(3, 5);
        members.forEach(m -> PartyDormFixtures.member(jdbc, branch, m.studentId(), "FULL"));
        held(name, ActivityType.PARTY_LESSON, "党课", members, 2);
        held(name, ActivityType.PARTY_DAY, "主题党日", members.subList(0, 2), 1);
        int year = CampusTime.today(clock).getYear();

        BranchActivities.BranchYear seen = branchActivities.year(users.viewer("party"), branch, year);
        assertThat(seen.total()).isEqualTo(2);
        assertThat(seen.countsByType()).containsEntry(ActivityType.PARTY_LESSON, 1).containsEntry(ActivityType.PARTY_DAY, 1)
                .containsEntry(ActivityType.ORGANISATION_LIFE, 0);
        assertThat(seen.attendance()).hasSize(3);
        assertThat(seen.attendance()).filteredOn(a -> a.studentId() == members.get(0).studentId()).singleElement()
                .satisfies(a -> assertThat(a.attended()).isEqualTo(2)).satisfies(a -> assertThat(a.registered()).isEqualTo(2));
        assertThat(seen.attendance()).filteredOn(a -> a.studentId() == members.get(2).studentId()).singleElement()
                .satisfies(a -> assertThat(a.attended()).isZero()).satisfies(a -> assertThat(a.registered()).isEqualTo(1));
        assertThat(seen.manages()).isTrue();

        BranchActivities.BranchYear student = branchActivities.year(users.viewer("student"), branch, year);
        assertThat(student.total()).isEqualTo(2);
        assertThat(student.attendance()).isNull();
        assertThat(branchActivities.year(users.viewer("manager"), branch, year).attendance()).isNull();
        assertThat(branchActivities.year(users.viewer("party"), branch, year - 1).total()).isZero();
        assertThatThrownBy(() -> branchActivities.year(users.viewer("student"), 999_999L, year)).isInstanceOf(NotFoundException.class);
    }
}
