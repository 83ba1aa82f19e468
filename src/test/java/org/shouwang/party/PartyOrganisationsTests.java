package org.shouwang.party;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class PartyOrganisationsTests {

    @Autowired PartyOrganisations organisations;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aBranchSecretaryManagesOnlyTheirBranchAndTheWorkingCommitteeEverythingBelowIt() {
        long committee = organisations.create(users.viewer("admin"), new PartyOrganisationDraft("测试党工委",
                PartyOrganisationKind.WORKING_COMMITTEE, null, false, null, "leader", "学生社区党工委", null));
        long branch = organisations.create(users.viewer("admin"), new PartyOrganisationDraft("测试功能型党支部",
                PartyOrganisationKind.BRANCH, committee, true, null, "party", null, null));
        long other = organisations.create(users.viewer("admin"), new PartyOrganisationDraft("测试另一支部",
                PartyOrganisationKind.BRANCH, committee, true, null, "party-02", null, null));

        assertThat(organisations.manages(users.viewer("party"), branch)).isTrue();
        assertThat(organisations.manages(users.viewer("party"), other)).isFalse();
        assertThat(organisations.manages(users.viewer("leader"), other)).isTrue();
        assertThat(organisations.tree()).extracting(PartyViews.Node::name).containsSubsequence("测试党工委", "测试功能型党支部");
        assertThat(organisations.holdsPartyRole(users.viewer("student"))).isFalse();
        assertThatThrownBy(() -> organisations.seat(users.viewer("party"), other, "party-03", CommitteePosition.PROPAGANDA))
                .isInstanceOf(NotFoundException.class);
        organisations.seat(users.viewer("party"), branch, "party-03", CommitteePosition.PROPAGANDA);
        assertThat(organisations.organisation(branch).committee()).extracting(PartyViews.CommitteeSeat::position)
                .containsExactly(CommitteePosition.PROPAGANDA);
    }

    @Test
    void aBadOrganisationNamesEveryWrongFieldAndWritesNothing() {
        int before = jdbc.queryForObject("SELECT count(*) FROM party_organisation", Integer.class);
        assertThatThrownBy(() -> organisations.create(users.viewer("admin"), new PartyOrganisationDraft(" ", null, 999_999L,
                false, 999_999L, "nobody-here", null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("name", "kind", "parentId", "collegeId", "secretaryUsername"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM party_organisation", Integer.class)).isEqualTo(before);
        assertThatThrownBy(() -> organisations.create(users.viewer("party"), new PartyOrganisationDraft("x",
                PartyOrganisationKind.BRANCH, null, false, null, null, null, null))).isInstanceOf(NotFoundException.class);
    }
}
