package org.shouwang.party;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ResponsibilityZonesTests {

    @Autowired ResponsibilityZones zones;
    @Autowired PartyOrganisations organisations;
    @Autowired Residence residence;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired java.time.Clock clock;

    /** The busiest floor for requests in the demo campus: building and floor. */
    private long[] busiestFloor() {
        return jdbc.queryForObject("""
                        SELECT building_id, floor_number FROM ticket WHERE building_id IS NOT NULL AND floor_number IS NOT NULL
                        GROUP BY building_id, floor_number ORDER BY count(*) DESC, building_id, floor_number LIMIT 1""",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    @Test
    void theMemberAndTheBranchsManagersSeeTheZonesCountsWhichAgreeWithTheRequestsAndInspectionsThere() {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        Viewer inspector = users.viewer("inspector");
        long member = PartyDormFixtures.member(jdbc, branch, inspector.studentId(), "FULL");
        long[] floor = busiestFloor();

        long id = zones.assign(users.viewer("party"), branch, new ResponsibilityZones.ZoneDraft(member, floor[0],
                List.of((int) floor[1]), List.of(), "本层"));

        ResponsibilityZones.Zone zone = zones.zone(inspector, id);
        long open = jdbc.queryForObject("""
                        SELECT count(*) FROM ticket WHERE building_id = ? AND floor_number = ? AND NOT confidential
                        AND state NOT IN ('RESOLVED', 'CLOSED', 'WITHDRAWN', 'MERGED')""", Long.class, floor[0], floor[1]);
        assertThat(zone.figures().open()).isEqualTo(open);
        assertThat(zone.figures().requests()).extracting(r -> r.open()).allMatch(n -> n >= 0);
        LocalDate today = CampusTime.today(clock);
        Double average = jdbc.queryForObject("""
                        SELECT avg(CAST(score AS DOUBLE PRECISION)) FROM room_inspection WHERE building_id = ? AND floor_number = ?
                        AND held_on BETWEEN ? AND ?""", Double.class, floor[0], floor[1], today.withDayOfMonth(1), today);
        assertThat(zone.figures().inspections().averageScore()).isEqualTo(average);
        assertThat(zones.mine(inspector)).extracting(ResponsibilityZones.Zone::id).contains(id);
        assertThat(zones.zones(users.viewer("party"), branch)).extracting(ResponsibilityZones.Zone::floors)
                .containsExactly(List.of((int) floor[1]));
    }

    @Test
    void nobodyElseSeesAZoneNorGivesOne() {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        PartyDormFixtures.Lodger lodger = PartyDormFixtures.lodgers(jdbc, null, 1, 30).get(0);
        long member = PartyDormFixtures.member(jdbc, branch, lodger.studentId(), "FULL");
        long id = zones.assign(users.viewer("admin"), branch, new ResponsibilityZones.ZoneDraft(member, lodger.buildingId(),
                List.of(), List.of(lodger.room()), null));

        for (String outsider : List.of("student", "counsellor", "manager", "inspector")) {
            assertThatThrownBy(() -> zones.zone(users.viewer(outsider), id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> zones.zones(users.viewer(outsider), branch)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> zones.remove(users.viewer(outsider), branch, id)).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> zones.assign(users.viewer("counsellor"), branch, new ResponsibilityZones.ZoneDraft(member,
                lodger.buildingId(), List.of(lodger.floor()), List.of(), null))).isInstanceOf(NotFoundException.class);
        assertThat(zones.zone(users.viewer("party"), id).rooms()).containsExactly(lodger.room());
        zones.remove(users.viewer("party"), branch, id);
        assertThatThrownBy(() -> zones.zone(users.viewer("party"), id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aZoneOutsideTheBuildingAnUnknownFloorOrAStrangerAreFieldErrorsAndNothingIsWritten() {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        long other = PartyDormFixtures.branch(organisations, users, "headteacher");
        PartyDormFixtures.Lodger lodger = PartyDormFixtures.lodgers(jdbc, null, 1, 40).get(0);
        long stranger = PartyDormFixtures.member(jdbc, other, lodger.studentId(), "FULL");
        int before = jdbc.queryForObject("SELECT count(*) FROM responsibility_zone", Integer.class);

        assertThatThrownBy(() -> zones.assign(users.viewer("party"), branch, new ResponsibilityZones.ZoneDraft(stranger,
                lodger.buildingId(), List.of(99), List.of("X999"), "x".repeat(501))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("memberId", "floors", "rooms", "note"));
        assertThatThrownBy(() -> zones.assign(users.viewer("party"), branch, new ResponsibilityZones.ZoneDraft(null, 999_999L,
                List.of(1), List.of(), null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("memberId", "buildingId"));
        assertThatThrownBy(() -> zones.assign(users.viewer("party"), branch, new ResponsibilityZones.ZoneDraft(null, lodger.buildingId(),
                List.of(), List.of(" "), null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .contains("floors"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM responsibility_zone", Integer.class)).isEqualTo(before);
    }
}
