package org.shouwang.party;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.identity.Accounts;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class PartyMembersTests {

    @Autowired PartyMembers members;
    @Autowired PartyOrganisations organisations;
    @Autowired PartyFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private LocalDate today() {
        return CampusTime.today(clock);
    }

    private int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM party_member", Integer.class)
                + jdbc.queryForObject("SELECT count(*) FROM party_member_history", Integer.class);
    }

    @Test
    void theDemoHasTheWorkingCommitteeTwelveFunctionalBranchesAndAboutEightPercentOfStudentsAsMembers() {
        long working = fixtures.workingCommittee();
        assertThat(organisations.organisation(working).secretaryName()).isEqualTo(users.viewer("leader").displayName());
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM party_organisation WHERE functional AND parent_id = ?
                  AND (name LIKE '学生社区第%党支部' OR name IN ('退役大学生士兵党支部', '学生骨干党支部', '志愿服务党支部'))""",
                Integer.class, working)).isEqualTo(12);
        int students = jdbc.queryForObject("SELECT count(*) FROM student", Integer.class);
        int memberStudents = jdbc.queryForObject("""
                SELECT count(*) FROM party_member m JOIN student s ON s.id = m.student_id
                WHERE m.status IN ('FULL', 'PROBATIONARY')
                  AND ((m.status = 'FULL' AND s.political_status = 'PARTY_MEMBER')
                    OR (m.status = 'PROBATIONARY' AND s.political_status = 'PROBATIONARY_MEMBER'))""", Integer.class);
        assertThat(memberStudents * 100.0 / students).isBetween(5.0, 12.0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM party_member WHERE staff_id IS NOT NULL", Integer.class)).isPositive();
        long first = jdbc.queryForObject("SELECT id FROM party_organisation WHERE name = '学生社区第一党支部'", Long.class);
        assertThat(organisations.manages(users.viewer("party"), first)).isTrue();
    }

    @Test
    void aSecretaryMovesAMemberOnInOrderAndFullMembershipWaitsAYear() {
        long branch = fixtures.branch("转正", "party");
        String number = fixtures.freeStudent();
        LocalDate probationary = today().minusDays(400);
        long id = members.add(users.viewer("party"), branch, new PartyMemberDraft(number, PartyMemberStatus.PROBATIONARY,
                probationary.minusYears(2), probationary.minusYears(1), probationary, null));
        assertThat(members.roster(users.viewer("party"), branch).members()).extracting(PartyMemberViews.Member::number)
                .containsExactly(number);

        int before = rows();
        assertThatThrownBy(() -> members.changeStatus(users.viewer("party"), id, PartyMemberStatus.FULL, probationary.plusMonths(6), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactly("on"));
        assertThatThrownBy(() -> members.changeStatus(users.viewer("party"), id, PartyMemberStatus.ACTIVIST, today(), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .contains("status"));
        assertThat(rows()).isEqualTo(before);
        assertThat(members.member(users.viewer("party"), id).member().status()).isEqualTo(PartyMemberStatus.PROBATIONARY);

        members.changeStatus(users.viewer("party"), id, PartyMemberStatus.FULL, probationary.plusYears(1), null);
        PartyMemberViews.Detail d = members.member(users.viewer("party"), id);
        assertThat(d.member().status()).isEqualTo(PartyMemberStatus.FULL);
        assertThat(d.member().fullOn()).isEqualTo(probationary.plusYears(1));
        assertThat(d.history()).extracting(PartyMemberViews.Event::action).containsExactly("STATUS", "JOINED");
        assertThatThrownBy(() -> organisations.deactivate(users.viewer("admin"), branch, null))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("party.hasMembers"));
    }

    @Test
    void aBadMemberNamesEveryWrongFieldAndWritesNothing() {
        long branch = fixtures.branch("校验", "party");
        int before = rows();
        assertThatThrownBy(() -> members.add(users.viewer("party"), branch, new PartyMemberDraft("0000000000", null, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("number", "status"));
        String number = fixtures.freeStudent();
        assertThatThrownBy(() -> members.add(users.viewer("party"), branch, new PartyMemberDraft(number, PartyMemberStatus.ACTIVIST,
                today().minusDays(10), today().minusDays(20), today().minusDays(5), null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("activistOn", "probationaryOn"));
        assertThatThrownBy(() -> members.add(users.viewer("party"), branch, new PartyMemberDraft(number, PartyMemberStatus.APPLICANT,
                today().plusDays(3), null, null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactly("appliedOn"));
        assertThat(rows()).isEqualTo(before);

        members.add(users.viewer("party"), branch, new PartyMemberDraft(number, PartyMemberStatus.APPLICANT, today(), null, null, null));
        assertThatThrownBy(() -> members.add(users.viewer("party"), branch, new PartyMemberDraft(number, PartyMemberStatus.APPLICANT,
                today(), null, null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactly("number"));
    }

    @Test
    void aTransferKeepsTheHistoryAndBothBranchesSeeIt() {
        long from = fixtures.branch("转出", "party");
        long to = fixtures.branch("转入", "party-02");
        long id = members.add(users.viewer("party"), from, new PartyMemberDraft(fixtures.freeStudent(), PartyMemberStatus.FULL,
                null, null, today().minusYears(3), today().minusYears(2)));

        assertThatThrownBy(() -> members.transfer(users.viewer("party"), id, from, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactly("organisationId"));
        members.transfer(users.viewer("party"), id, to, "毕业留校转入", null);

        assertThat(members.roster(users.viewer("party"), from).members()).isEmpty();
        assertThat(members.roster(users.viewer("party-02"), to).members()).extracting(PartyMemberViews.Member::id).containsExactly(id);
        assertThat(members.roster(users.viewer("party"), from).transfers()).singleElement()
                .satisfies(e -> assertThat(e.toOrganisationId()).isEqualTo(to));
        assertThat(members.roster(users.viewer("party-02"), to).transfers()).singleElement()
                .satisfies(e -> assertThat(e.fromOrganisationId()).isEqualTo(from));
        // Now it is the other branch's member: its old secretary may no longer change it.
        assertThatThrownBy(() -> members.leave(users.viewer("party"), id, today(), "离校", null)).isInstanceOf(NotFoundException.class);

        members.leave(users.viewer("party-02"), id, today(), "毕业离校", null);
        assertThat(members.roster(users.viewer("party-02"), to).members()).isEmpty();
        assertThat(members.member(users.viewer("party-02"), id).history()).extracting(PartyMemberViews.Event::action)
                .containsExactly("LEFT", "TRANSFER", "JOINED");
        assertThatThrownBy(() -> members.changeStatus(users.viewer("party-02"), id, PartyMemberStatus.FULL, today(), null))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void onlyPartyRolesAdminsAndTheMemberSeeWhoHasWhichStatus() {
        long branch = fixtures.branch("可见", "party");
        Viewer student = users.viewer("student");
        jdbc.update("UPDATE party_member SET active = FALSE WHERE student_id = ?", student.studentId());
        String number = jdbc.queryForObject("SELECT student_number FROM student WHERE id = ?", String.class, student.studentId());
        long id = members.add(users.viewer("party"), branch, new PartyMemberDraft(number, PartyMemberStatus.ACTIVIST,
                today().minusDays(200), today().minusDays(20), null, null));

        long leaderId = accounts.createQuietly("leader-np-" + System.nanoTime(), "x", "无党内职务的校领导", null, null, null,
                EnumSet.of(Role.LEADER));
        Viewer plainLeader = new Viewer(leaderId, "leader-np", "无党内职务的校领导", Set.of(Role.LEADER), null, null, null);
        for (Viewer outsider : new Viewer[] {users.viewer("counsellor"), users.viewer("inspector"), plainLeader}) {
            assertThat(members.seesStatus(outsider)).isFalse();
            assertThatThrownBy(() -> members.roster(outsider, branch)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> members.member(outsider, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> members.add(outsider, branch, new PartyMemberDraft(fixtures.freeStudent(), PartyMemberStatus.APPLICANT,
                    today(), null, null, null))).isInstanceOf(NotFoundException.class);
        }
        assertThat(members.counts().get(branch).activist()).isEqualTo(1);
        assertThat(members.member(student, id).member().status()).isEqualTo(PartyMemberStatus.ACTIVIST);
        assertThat(members.mine(student)).get().satisfies(d -> assertThat(d.member().organisationId()).isEqualTo(branch));
        assertThat(members.member(users.viewer("admin"), id).manageable()).isTrue();
        // Another branch's secretary sees the roster (a Party role) but may not keep it.
        assertThat(members.roster(users.viewer("party-02"), branch).members()).hasSize(1);
        assertThatThrownBy(() -> members.changeStatus(users.viewer("party-02"), id, PartyMemberStatus.PROBATIONARY, today(), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> members.add(users.viewer("party-02"), branch, new PartyMemberDraft(fixtures.freeStudent(),
                PartyMemberStatus.APPLICANT, today(), null, null, null))).isInstanceOf(NotFoundException.class);
    }
}
