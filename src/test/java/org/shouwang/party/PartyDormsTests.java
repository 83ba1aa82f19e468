package org.shouwang.party;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.party.PartyDormFixtures.Lodger;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class PartyDormsTests {

    @Autowired PartyDorms dorms;
    @Autowired PartyOrganisations organisations;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aBranchSecretaryMarksARoomWhereAMemberLivesAndTheBuildingShowsTheBadgeUntilUnmarked() {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        Lodger lodger = PartyDormFixtures.lodgers(jdbc, null, 1, 3).get(0);
        PartyDormFixtures.member(jdbc, branch, lodger.studentId(), "PROBATIONARY");

        assertThat(dorms.candidates(users.viewer("party"), branch)).singleElement()
                .satisfies(c -> assertThat(c.roomId()).isEqualTo(lodger.roomId())).satisfies(c -> assertThat(c.marked()).isFalse());
        dorms.mark(users.viewer("party"), branch, lodger.roomId());
        dorms.mark(users.viewer("party"), branch, lodger.roomId()); // twice is once

        assertThat(dorms.partyMemberDorms(lodger.buildingId())).contains(lodger.roomId());
        assertThat(dorms.dorms(users.viewer("party"), branch)).extracting(PartyDorms.Dorm::room).containsExactly(lodger.room());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM party_dorm WHERE organisation_id = ?", Integer.class, branch)).isEqualTo(1);

        dorms.unmark(users.viewer("party"), branch, lodger.roomId());
        assertThat(dorms.dorms(users.viewer("party"), branch)).isEmpty();
    }

    @Test
    void aRoomWithNoMemberOfTheBranchIsRefusedAndNothingWritten() {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        long other = PartyDormFixtures.branch(organisations, users, "headteacher");
        List<Lodger> lodgers = PartyDormFixtures.lodgers(jdbc, null, 3, 10);
        PartyDormFixtures.member(jdbc, other, lodgers.get(0).studentId(), "FULL");
        PartyDormFixtures.member(jdbc, branch, lodgers.get(1).studentId(), "ACTIVIST");

        assertThatThrownBy(() -> dorms.mark(users.viewer("party"), branch, lodgers.get(0).roomId()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("partyDorm.noMember"));
        assertThatThrownBy(() -> dorms.mark(users.viewer("party"), branch, lodgers.get(1).roomId()))
                .isInstanceOf(RuleViolation.class); // an activist is not a member yet
        assertThatThrownBy(() -> dorms.mark(users.viewer("party"), branch, lodgers.get(2).roomId())).isInstanceOf(RuleViolation.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM party_dorm WHERE organisation_id = ?", Integer.class, branch)).isZero();
    }

    @Test
    void onlyTheBranchsManagersMarkOrSeeItsRooms() {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        Lodger lodger = PartyDormFixtures.lodgers(jdbc, null, 1, 20).get(0);
        PartyDormFixtures.member(jdbc, branch, lodger.studentId(), "FULL");

        for (String outsider : List.of("counsellor", "student", "manager")) {
            assertThatThrownBy(() -> dorms.mark(users.viewer(outsider), branch, lodger.roomId())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> dorms.candidates(users.viewer(outsider), branch)).isInstanceOf(NotFoundException.class);
        }
        dorms.mark(users.viewer("admin"), branch, lodger.roomId());
        assertThatThrownBy(() -> dorms.unmark(users.viewer("student"), branch, lodger.roomId())).isInstanceOf(NotFoundException.class);
        assertThat(dorms.partyMemberDorms(lodger.buildingId())).contains(lodger.roomId());
    }
}
