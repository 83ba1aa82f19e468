package org.shouwang.activities;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ActivityPlanTests {

    @Autowired Activities activities;
    @Autowired ActivityQueries queries;
    @Autowired ActivityFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void badPlansNameEveryWrongFieldAndWriteNothing() {
        ActivityDraft good = fixtures.lecture("坏计划", 10, null);
        ActivityDraft bad = new ActivityDraft(" ", good.description(), good.type(), null, null, java.util.Set.of(),
                good.organiserKind(), good.organiser(), null, 999_999L, good.venue(), good.startsAt(),
                good.startsAt().minus(Duration.ofHours(1)), good.audience(), null, null, null, 0, null,
                good.registrationOpensAt(), good.startsAt().plus(Duration.ofDays(1)), good.cancelBy(), good.hours(),
                good.credits(), false);
        int before = jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class);
        assertThatThrownBy(() -> activities.create(users.viewer("counsellor"), bad))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .contains("title", "educations", "endsAt", "capacity", "registrationClosesAt", "buildingId"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class)).isEqualTo(before);
    }

    @Test
    void anActivityIsPublishedOnlyAfterApprovalAndARejectionCarriesItsReason() {
        long id = activities.create(users.viewer("counsellor"), fixtures.lecture("待审核", 10, null));
        assertThatThrownBy(() -> queries.detail(users.viewer("student"), id)).isInstanceOf(NotFoundException.class);
        activities.submit(users.viewer("counsellor"), id, null);
        assertThatThrownBy(() -> activities.approve(users.viewer("counsellor"), id, null))
                .isInstanceOf(RuleViolation.class).hasMessage("activity.notApprover");
        assertThatThrownBy(() -> activities.reject(users.viewer("affairs"), id, " ", null)).isInstanceOf(InvalidInput.class);
        activities.reject(users.viewer("affairs"), id, "时间与期中考试冲突", null);
        assertThat(queries.detail(users.viewer("counsellor"), id).rejectionReason()).isEqualTo("时间与期中考试冲突");
        activities.submit(users.viewer("counsellor"), id, null);
        activities.approve(users.viewer("affairs"), id, null);
        assertThat(queries.detail(users.viewer("student"), id).state()).isEqualTo(ActivityState.PUBLISHED);
        assertThat(queries.detail(users.viewer("student"), id).moves().register()).isTrue();
    }

    @Test
    void onlyOrganisersSeeTheRegistrationList() {
        long id = fixtures.published(fixtures.lecture("名单", 10, null));
        activities.register(users.viewer("student"), id);
        assertThat(queries.registrations(users.viewer("counsellor"), id)).hasSize(1);
        assertThatThrownBy(() -> queries.registrations(users.viewer("student"), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.registrations(users.viewer("handler"), id)).isInstanceOf(NotFoundException.class);
    }
}
