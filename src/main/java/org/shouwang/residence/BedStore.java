package org.shouwang.residence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.shouwang.people.Gender;
import org.shouwang.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BedStore {

    private static final String BED = """
            SELECT b.id, b.label, b.reserved, b.occupant_id, r.id AS room_id, r.number AS room, r.gender,
                   f.number AS floor, bu.id AS building_id, bu.name AS building
            FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id JOIN building bu ON bu.id = f.building_id
            """;

    private final JdbcClient jdbc;

    BedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Bed> find(long bedId) {
        return jdbc.sql(BED + " WHERE b.id = ?").param(bedId).query(BedStore::bed).optional();
    }

    Optional<Bed> occupiedBy(long studentId) {
        return jdbc.sql(BED + " WHERE b.occupant_id = ?").param(studentId).query(BedStore::bed).optional();
    }

    /** Takes a free, unreserved bed for the student; false when someone else got there first. */
    boolean occupy(long bedId, long studentId) {
        return jdbc.sql("UPDATE bed SET occupant_id = ? WHERE id = ? AND occupant_id IS NULL AND reserved = FALSE")
                .params(studentId, bedId).update() == 1;
    }

    boolean vacate(long bedId, long studentId) {
        return jdbc.sql("UPDATE bed SET occupant_id = NULL WHERE id = ? AND occupant_id = ?")
                .params(bedId, studentId).update() == 1;
    }

    boolean setReserved(long bedId, boolean reserved) {
        return jdbc.sql("UPDATE bed SET reserved = ? WHERE id = ? AND occupant_id IS NULL")
                .params(reserved, bedId).update() == 1;
    }

    void startStay(long bedId, long studentId, Instant at, String by) {
        jdbc.sql("INSERT INTO bed_assignment (bed_id, student_id, started_at, started_by) VALUES (?, ?, ?, ?)")
                .params(bedId, studentId, Timestamps.of(at), by).update();
    }

    void endStay(long bedId, long studentId, Instant at, String by, String reason) {
        jdbc.sql("""
                        UPDATE bed_assignment SET ended_at = ?, ended_by = ?, end_reason = ?
                        WHERE bed_id = ? AND student_id = ? AND ended_at IS NULL""")
                .params(Timestamps.of(at), by, reason, bedId, studentId).update();
    }

    List<ResidenceViews.Stay> staysOfStudent(long studentId) {
        return stays("WHERE a.student_id = ?", studentId);
    }

    List<ResidenceViews.Stay> staysOfRoom(long roomId) {
        return stays("WHERE b.room_id = ?", roomId);
    }

    private List<ResidenceViews.Stay> stays(String where, long id) {
        return jdbc.sql("""
                        SELECT a.id, a.student_id, s.name AS student, bu.name || ' ' || r.number || '-' || b.label AS place,
                               a.started_at, a.ended_at, a.end_reason, a.started_by, a.ended_by
                        FROM bed_assignment a JOIN student s ON s.id = a.student_id JOIN bed b ON b.id = a.bed_id
                        JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id JOIN building bu ON bu.id = f.building_id
                        """ + where + " ORDER BY a.started_at DESC, a.id DESC")
                .param(id)
                .query((rs, n) -> new ResidenceViews.Stay(rs.getLong("id"), rs.getLong("student_id"), rs.getString("student"),
                        rs.getString("place"), Timestamps.read(rs, "started_at"), Timestamps.read(rs, "ended_at"), rs.getString("end_reason"),
                        rs.getString("started_by"), rs.getString("ended_by")))
                .list();
    }

    private static Bed bed(ResultSet rs, int n) throws SQLException {
        return new Bed(rs.getLong("id"), rs.getString("label"), rs.getBoolean("reserved"),
                rs.getObject("occupant_id", Long.class), rs.getLong("room_id"), rs.getString("room"),
                Gender.of(rs.getString("gender")), rs.getInt("floor"), rs.getLong("building_id"), rs.getString("building"));
    }


}
