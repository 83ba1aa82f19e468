package org.shouwang.community;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityState;
import org.shouwang.activities.ActivityFixtures;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Terms, positions and their history; editing and deactivating; who may see what; the activities an organisation organised. */
@IntegrationTest
class OrganisationTermsTests {

    @Autowired Organisations organisations;
    @Autowired OrganisationFixtures fixtures;
    @Autowired ActivityFixtures activityFixtures;
    @Autowired Activities activities;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private LocalDate today() {
        return CampusTime.today(clock);
    }

    private int memberRows() {
        return jdbc.queryForObject("SELECT count(*) FROM organisation_member", Integer.class);
    }

    @Test
    void changingAPositionEndsTheOldTermTheDayBeforeAndKeepsItInTheHistory() {
        long id = fixtures.club("历史社", "headteacher");
        String number = fixtures.anotherStudent(1);
        long term = organisations.appoint(users.viewer("headteacher"), id, number, Position.MEMBER, today().minusMonths(6), null);

        long newTerm = organisations.changePosition(users.viewer("headteacher"), id, term, Position.PRESIDENT, null);

        OrganisationViews.Detail d = organisations.detail(users.viewer("headteacher"), id);
        assertThat(d.members()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(newTerm);
            assertThat(m.position()).isEqualTo(Position.PRESIDENT);
            assertThat(m.termStart()).isEqualTo(today());
            assertThat(m.termEnd()).isNull();
            assertThat(m.studentNumber()).isEqualTo(number);
        });
        assertThat(d.pastMembers()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(term);
            assertThat(m.position()).isEqualTo(Position.MEMBER);
            assertThat(m.termStart()).isEqualTo(today().minusMonths(6));
            assertThat(m.termEnd()).isEqualTo(today().minusDays(1));
        });
        assertThat(organisations.organisation(id).members()).extracting(OrganisationViews.Member::position)
                .containsExactly(Position.PRESIDENT);
    }

    @Test
    void aPositionChangeOnTheFirstDayCorrectsTheTermAndABadOneWritesNothing() {
        long id = fixtures.club("更正社", "headteacher");
        long term = organisations.appoint(users.viewer("admin"), id, fixtures.anotherStudent(2), Position.MEMBER, null, null);
        assertThat(organisations.changePosition(users.viewer("admin"), id, term, Position.SECRETARY, null)).isEqualTo(term);
        assertThat(organisations.detail(users.viewer("admin"), id).pastMembers()).isEmpty();

        int before = memberRows();
        assertThatThrownBy(() -> organisations.changePosition(users.viewer("admin"), id, term, Position.SECRETARY, today().minusDays(3)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactlyInAnyOrder("organisation.samePosition", "organisation.changeBeforeStart"));
        assertThatThrownBy(() -> organisations.changePosition(users.viewer("admin"), id, term, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactly("position"));
        assertThat(memberRows()).isEqualTo(before);
    }

    @Test
    void endingATermMovesTheMemberToThePastAndAnEndedTermCannotEndAgain() {
        long id = fixtures.club("结束社", "headteacher");
        long term = organisations.appoint(users.viewer("headteacher"), id, fixtures.anotherStudent(3), Position.MEMBER,
                today().minusMonths(2), null);

        assertThatThrownBy(() -> organisations.endTerm(users.viewer("headteacher"), id, term, today().minusMonths(3)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("organisation.termOrder"));
        organisations.endTerm(users.viewer("headteacher"), id, term, today().minusDays(1));

        OrganisationViews.Detail d = organisations.detail(users.viewer("headteacher"), id);
        assertThat(d.members()).isEmpty();
        assertThat(d.pastMembers()).extracting(OrganisationViews.Member::termEnd).containsExactly(today().minusDays(1));
        assertThatThrownBy(() -> organisations.endTerm(users.viewer("headteacher"), id, term, null))
                .isInstanceOf(RuleViolation.class).hasMessage("organisation.termEnded");
    }

    @Test
    void onlyTheAdvisorOrAnAdministratorAppointsAndEndsTerms() {
        long id = fixtures.club("权限社", "headteacher");
        long term = organisations.appoint(users.viewer("headteacher"), id, fixtures.anotherStudent(4), Position.MEMBER, null, null);
        for (String someone : new String[] {"counsellor", "student", "manager", "inspector"}) {
            assertThatThrownBy(() -> organisations.appoint(users.viewer(someone), id, fixtures.anotherStudent(5), Position.MEMBER,
                    null, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> organisations.endTerm(users.viewer(someone), id, term, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> organisations.changePosition(users.viewer(someone), id, term, Position.PRESIDENT, null))
                    .isInstanceOf(NotFoundException.class);
        }
        long other = fixtures.club("别的社", "counsellor");
        assertThatThrownBy(() -> organisations.endTerm(users.viewer("counsellor"), other, term, null))
                .as("a term of another organisation").isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAdministratorRevisesWithAVersionCheckAndOthersAreRefused() {
        long id = fixtures.club("修改社", "headteacher");
        OrganisationViews.Organisation o = organisations.organisation(id);
        String name = fixtures.uniqueName("新名字社");
        OrganisationDraft draft = new OrganisationDraft(name, OrganisationKind.VETERANS, "counsellor", "新简介", null);
        for (String someone : new String[] {"student", "counsellor", "headteacher", "affairs"}) {
            assertThatThrownBy(() -> organisations.revise(users.viewer(someone), id, draft, o.version()))
                    .isInstanceOf(NotFoundException.class);
        }
        organisations.revise(users.viewer("admin"), id, draft, o.version());
        OrganisationViews.Organisation revised = organisations.organisation(id);
        assertThat(revised.name()).isEqualTo(name);
        assertThat(revised.kind()).isEqualTo(OrganisationKind.VETERANS);
        assertThat(revised.advisorAccountId()).isEqualTo(users.viewer("counsellor").accountId());
        assertThatThrownBy(() -> organisations.revise(users.viewer("admin"), id, draft, o.version()))
                .isInstanceOf(RuleViolation.class).hasMessage("organisation.changedMeanwhile");
    }

    @Test
    void aBadDraftNamesEveryWrongFieldAndWritesNothing() {
        long taken = fixtures.club("重名社", "headteacher");
        String takenName = organisations.organisation(taken).name();
        long id = fixtures.club("草稿社", "headteacher");
        OrganisationViews.Organisation before = organisations.organisation(id);
        assertThatThrownBy(() -> organisations.revise(users.viewer("admin"), id, new OrganisationDraft(takenName, null, "student",
                "x".repeat(4001), today().plusDays(1)), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("name", "kind", "advisorUsername", "description", "foundedOn"));
        assertThat(organisations.organisation(id)).isEqualTo(before);
        assertThatThrownBy(() -> organisations.create(users.viewer("admin"), new OrganisationDraft(" ", OrganisationKind.CLUB,
                "nobody-such", null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactlyInAnyOrder("field.required", "organisation.unknownStaff"));
        assertThatThrownBy(() -> organisations.create(users.viewer("counsellor"), new OrganisationDraft("某社", OrganisationKind.CLUB,
                "counsellor", null, null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDeactivatedOrganisationLeavesTheDirectoryAndOnlyItsAdvisorAndAdministratorsStillSeeIt() {
        long id = fixtures.club("停用社", "headteacher");
        String number = fixtures.anotherStudent(6);
        organisations.appoint(users.viewer("headteacher"), id, number, Position.MEMBER, null, null);
        assertThatThrownBy(() -> organisations.deactivate(users.viewer("headteacher"), id, null)).isInstanceOf(NotFoundException.class);

        organisations.deactivate(users.viewer("admin"), id, organisations.organisation(id).version());

        assertThat(organisations.list()).extracting(OrganisationViews.Summary::id).doesNotContain(id);
        assertThat(organisations.deactivated(users.viewer("admin"))).extracting(OrganisationViews.Summary::id).contains(id);
        assertThat(organisations.deactivated(users.viewer("headteacher"))).isEmpty();
        assertThatThrownBy(() -> organisations.detail(users.viewer("student"), id)).isInstanceOf(NotFoundException.class);
        assertThat(organisations.detail(users.viewer("headteacher"), id).moves().manageMembers()).isFalse();
        assertThatThrownBy(() -> organisations.appoint(users.viewer("headteacher"), id, fixtures.anotherStudent(7), Position.MEMBER,
                null, null)).isInstanceOf(RuleViolation.class).hasMessage("organisation.inactive");

        organisations.reactivate(users.viewer("admin"), id, null);
        assertThat(organisations.list()).extracting(OrganisationViews.Summary::id).contains(id);
    }

    @Test
    void studentsSeeNamesAndPositionsButNotStudentNumbersOrPastMembers() {
        long id = fixtures.club("可见社", "headteacher");
        organisations.appoint(users.viewer("admin"), id, fixtures.anotherStudent(8), Position.PRESIDENT, null, null);
        organisations.appoint(users.viewer("admin"), id, fixtures.anotherStudent(9), Position.MEMBER, today().minusYears(1),
                today().minusMonths(1));

        OrganisationViews.Detail seenByStudent = organisations.detail(users.viewer("student"), id);
        assertThat(seenByStudent.members()).singleElement().satisfies(m -> {
            assertThat(m.studentNumber()).isNull();
            assertThat(m.name()).isNotBlank();
            assertThat(m.position()).isEqualTo(Position.PRESIDENT);
        });
        assertThat(seenByStudent.pastMembers()).isEmpty();
        assertThat(seenByStudent.moves()).isEqualTo(new OrganisationViews.Moves(false, false));

        OrganisationViews.Detail seenByStaff = organisations.detail(users.viewer("counsellor"), id);
        assertThat(seenByStaff.members()).extracting(OrganisationViews.Member::studentNumber).containsExactly(fixtures.anotherStudent(8));
        assertThat(seenByStaff.pastMembers()).extracting(OrganisationViews.Member::studentNumber)
                .containsExactly(fixtures.anotherStudent(9));
        assertThat(seenByStaff.moves()).isEqualTo(new OrganisationViews.Moves(false, false));
        assertThat(organisations.detail(users.viewer("headteacher"), id).moves()).isEqualTo(new OrganisationViews.Moves(false, true));
        assertThat(organisations.detail(users.viewer("admin"), id).moves()).isEqualTo(new OrganisationViews.Moves(true, true));
    }

    @Test
    void aStudentsOwnOrganisationsComeWithTheirPosition() {
        long id = fixtures.club("我的社", "headteacher");
        organisations.appoint(users.viewer("admin"), id, fixtures.numberOf("floorleader"), Position.SECRETARY, null, null);
        assertThat(organisations.mine(users.viewer("floorleader")))
                .anySatisfy(m -> {
                    assertThat(m.organisationId()).isEqualTo(id);
                    assertThat(m.position()).isEqualTo(Position.SECRETARY);
                });
        assertThat(organisations.mine(users.viewer("counsellor"))).isEmpty();
    }

    @Test
    void theActivitiesAnOrganisationOrganisedArePublicOncePublishedAndAllForItsAdvisor() {
        long id = fixtures.club("活动社", "headteacher");
        String name = organisations.organisation(id).name();
        long draft = activities.create(users.viewer("counsellor"),
                OrganisationFixtures.organisedBy(activityFixtures.lecture("活动社草稿活动", 30, null), name));
        long published = activityFixtures.published(
                OrganisationFixtures.organisedBy(activityFixtures.lecture("活动社公开活动", 30, null), name));
        activityFixtures.published(activityFixtures.lecture("别人的活动", 30, null));

        assertThat(organisations.activities(users.viewer("student"), id)).extracting(OrganisationViews.Activity::id)
                .containsExactly(published);
        assertThat(organisations.activities(users.viewer("headteacher"), id))
                .extracting(OrganisationViews.Activity::id, OrganisationViews.Activity::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(published, ActivityState.PUBLISHED),
                        org.assertj.core.groups.Tuple.tuple(draft, ActivityState.DRAFT));
        assertThat(organisations.detail(users.viewer("student"), id).upcomingActivities())
                .extracting(OrganisationViews.Activity::title).containsExactly("活动社公开活动");
    }

    @Test
    void theDemoSelfDisciplineCommitteeHasTheInspectorAsAHeadOfSectionUnderTheManager() {
        OrganisationViews.Summary committee = organisations.list().stream()
                .filter(s -> s.name().equals("学生社区自律委员会")).findFirst().orElseThrow();
        OrganisationViews.Organisation o = organisations.organisation(committee.id());
        assertThat(o.kind()).isEqualTo(OrganisationKind.SELF_DISCIPLINE);
        assertThat(o.advisorAccountId()).isEqualTo(users.viewer("manager").accountId());
        assertThat(o.members()).filteredOn(m -> m.studentId() == users.viewer("inspector").studentId())
                .extracting(OrganisationViews.Member::position).containsExactly(Position.MINISTER);
        assertThat(organisations.isInspector(users.viewer("inspector"))).isTrue();
        assertThat(organisations.supervisorOf(users.viewer("inspector").studentId())).contains(users.viewer("manager").accountId());
        assertThat(organisations.list()).extracting(OrganisationViews.Summary::name)
                .contains("校长助理团", "退役大学生士兵协会", "书画社", "青年志愿者协会");
    }
}
