package org.shouwang.activities;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The activities one organiser organised (for the pages of student organisations), and the form filled with an organiser. */
@IntegrationTest
class OrganisedActivitiesTests {

    @Autowired ActivityQueries queries;
    @Autowired Activities activities;
    @Autowired ActivityFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired MockMvc mvc;

    private static ActivityDraft by(ActivityDraft d, OrganiserKind kind, String organiser) {
        return new ActivityDraft(d.title(), d.description(), d.type(), d.series(), d.brand(), d.educations(), kind, organiser,
                d.leaderAccountId(), d.buildingId(), d.venue(), d.startsAt(), d.endsAt(), d.audience(), d.audienceCollegeId(),
                d.audienceGrade(), d.audienceBuildingId(), d.capacity(), d.waitlistLimit(), d.registrationOpensAt(),
                d.registrationClosesAt(), d.cancelBy(), d.hours(), d.credits(), d.hoursByDuration());
    }

    @Test
    void organisedByListsOneOrganisersActivitiesPublishedOnlyUnlessEveryStateIsAsked() {
        String organiser = "测试组织方-" + System.nanoTime();
        long draft = activities.create(users.viewer("counsellor"),
                by(fixtures.lecture("组织方草稿", 20, null), OrganiserKind.STUDENT_ORGANISATION, organiser));
        long published = fixtures.published(by(fixtures.lecture("组织方公开", 20, null), OrganiserKind.STUDENT_ORGANISATION, organiser));
        fixtures.published(by(fixtures.lecture("同名但是学院", 20, null), OrganiserKind.COLLEGE, organiser));

        assertThat(queries.organisedBy(OrganiserKind.STUDENT_ORGANISATION, organiser, false, 10))
                .extracting(ActivityViews.Row::id).containsExactly(published);
        assertThat(queries.organisedBy(OrganiserKind.STUDENT_ORGANISATION, organiser, true, 10))
                .extracting(ActivityViews.Row::id).containsExactlyInAnyOrder(published, draft);
        assertThat(queries.organisedBy(OrganiserKind.STUDENT_ORGANISATION, organiser, true, 1)).hasSize(1);
        assertThat(queries.organisedBy(OrganiserKind.STUDENT_ORGANISATION, " ", true, 10)).isEqualTo(List.of());
    }

    @Test
    void theNewActivityFormTakesItsOrganiserFromTheAddress() throws Exception {
        mvc.perform(get("/activities/new").param("organiserKind", "STUDENT_ORGANISATION").param("organiser", "书画社")
                        .with(users.as("counsellor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"书画社\"")))
                .andExpect(content().string(containsString("<option value=\"STUDENT_ORGANISATION\" selected=\"selected\"")));
        mvc.perform(get("/activities/new").param("organiserKind", "NO_SUCH").with(users.as("counsellor")))
                .andExpect(status().isOk());
        mvc.perform(get("/activities/new").param("organiser", "书画社").with(users.as("student")))
                .andExpect(status().isNotFound());
    }
}
