package org.shouwang.party;

import java.util.List;
import java.util.UUID;

import org.shouwang.DemoUsers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data for Party-member dorms and zones: a branch whose secretary is given, and members put on
 * its roster by inserting party_member rows as the members part keeps them.
 */
public final class PartyDormFixtures {

    private PartyDormFixtures() {
    }

    /** A lodged student: their id, room and building, floor and room number. */
    public record Lodger(long studentId, long roomId, long buildingId, int floor, String room) {
    }

    public static long branch(PartyOrganisations organisations, DemoUsers users, String secretary) {
        return organisations.create(users.viewer("admin"), new PartyOrganisationDraft("测试支部" + UUID.randomUUID().toString().substring(0, 8),
                PartyOrganisationKind.BRANCH, null, true, null, secretary, null, null));
    }

    /** Students sleeping in the community now, one per room, in rooms of the given building (null: any), skipping {@code skip} rooms. */
    public static List<Lodger> lodgers(JdbcTemplate jdbc, Long buildingId, int count, int skip) {
        return jdbc.query("""
                        SELECT min(b.occupant_id) AS student, r.id AS room, f.building_id, f.number AS floor, r.number
                        FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                        WHERE b.occupant_id IS NOT NULL""" + (buildingId == null ? "" : " AND f.building_id = " + buildingId)
                        + " GROUP BY r.id, f.building_id, f.number, r.number ORDER BY f.building_id, r.id LIMIT ? OFFSET ?",
                (rs, n) -> new Lodger(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5)), count, skip);
    }

    /** Puts a student on the branch's roster with a status; returns the member id. */
    public static long member(JdbcTemplate jdbc, long branch, long studentId, String status) {
        jdbc.update("UPDATE party_member SET active = FALSE WHERE student_id = ? AND active", studentId);
        jdbc.update("""
                        INSERT INTO party_member (organisation_id, student_id, status, applied_on, active, created_at)
                        VALUES (?, ?, ?, DATE '2024-03-01', TRUE, CURRENT_TIMESTAMP)""", branch, studentId, status);
        return jdbc.queryForObject("SELECT max(id) FROM party_member WHERE organisation_id = ? AND student_id = ?", Long.class,
                branch, studentId);
    }
}
