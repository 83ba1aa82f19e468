package org.shouwang.demo;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.party.PartyDormFixtures;
import org.shouwang.party.PartyOrganisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoPartyDormsTests {

    @Autowired DemoPartyDorms section;
    @Autowired DemoCampus campus;
    @Autowired PartyOrganisations organisations;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    @Transactional
    void withABranchWhoseMembersLiveInTheCommunityTheSectionMarksDormsGivesZonesAndHoldsAttendedActivitiesAgainAndAgain() {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        for (PartyDormFixtures.Lodger lodger : PartyDormFixtures.lodgers(jdbc, null, 4, 70)) {
            PartyDormFixtures.member(jdbc, branch, lodger.studentId(), "FULL");
        }
        int dorms = jdbc.queryForObject("SELECT count(*) FROM party_dorm", Integer.class);
        int zones = jdbc.queryForObject("SELECT count(*) FROM responsibility_zone", Integer.class);
        int held = jdbc.queryForObject("SELECT count(*) FROM activity WHERE organiser_kind = 'PARTY_BRANCH'", Integer.class);

        section.load(new DemoSection.Context(7, true, campus));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM party_dorm", Integer.class)).isPositive().isGreaterThanOrEqualTo(dorms);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM responsibility_zone", Integer.class)).isGreaterThan(zones);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM activity WHERE organiser_kind = 'PARTY_BRANCH'", Integer.class))
                .isEqualTo(held + 2);
        assertThat(jdbc.queryForObject("""
                        SELECT count(*) FROM attendance t JOIN activity a ON a.id = t.activity_id
                        WHERE a.organiser_kind = 'PARTY_BRANCH' AND t.state = 'PRESENT' AND a.starts_at < CURRENT_TIMESTAMP""", Integer.class))
                .isPositive();
    }
}
