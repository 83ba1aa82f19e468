package org.shouwang.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the KPIs read of a request: its submission day, the groups it falls in, and its figures.
 * Read the same way for the rollup and for requests not rolled up yet.
 */
final class KpiFacts {

    /** Submission days are days in China. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final String SELECT = """
            SELECT t.id, t.submitted_at, t.state, t.category, t.department_id, t.college_id, t.building_id, t.floor_number,
                   CASE WHEN t.first_response_at IS NULL THEN 0 ELSE 1 END AS responded, t.responded_on_time, t.response_minutes,
                   CASE WHEN t.resolved_at IS NULL THEN 0 ELSE 1 END AS resolved, t.resolved_on_time, t.resolution_minutes,
                   CASE WHEN t.followed_up_at IS NULL THEN 0 ELSE 1 END AS followed_up, t.contacted, t.solved, t.satisfaction,
                   t.returns, t.reopens, t.supervision_level
            FROM ticket t
            """;

    /** The cell dimensions of the rollup: the breakdowns, and TOTAL (which the month breakdown reads too). */
    static final String TOTAL = "TOTAL";
    static final String[] DIMENSIONS = {TOTAL, "CATEGORY", "DEPARTMENT", "COLLEGE", "BUILDING", "FLOOR"};
    static final String NONE = "-";

    private KpiFacts() {
    }

    record Request(long id, LocalDate day, String state, String category, Long departmentId, Long collegeId, Long buildingId,
                   Integer floor, KpiTally.Facts facts) {

        boolean withdrawn() {
            return state.equals(TicketState.WITHDRAWN.name());
        }

        /** Its group in a cell dimension (see {@link #DIMENSIONS}). */
        String key(String dimension) {
            return switch (dimension) {
                case "CATEGORY" -> category;
                case "DEPARTMENT" -> departmentId == null ? NONE : departmentId.toString();
                case "COLLEGE" -> collegeId == null ? NONE : collegeId.toString();
                case "BUILDING" -> buildingId == null ? NONE : buildingId.toString();
                case "FLOOR" -> buildingId == null ? NONE : buildingId + "/" + (floor == null ? NONE : floor.toString());
                default -> "";
            };
        }
    }

    static Request read(ResultSet rs, int n) throws SQLException {
        Integer response = rs.getInt("response_minutes");
        if (rs.wasNull()) {
            response = null;
        }
        Integer resolution = rs.getInt("resolution_minutes");
        if (rs.wasNull()) {
            resolution = null;
        }
        String satisfaction = rs.getString("satisfaction");
        KpiTally.Facts facts = new KpiTally.Facts(rs.getInt("responded") == 1, rs.getBoolean("responded_on_time"), response,
                rs.getInt("resolved") == 1, rs.getBoolean("resolved_on_time"), resolution, rs.getInt("followed_up") == 1,
                rs.getBoolean("contacted"), rs.getBoolean("solved"),
                satisfaction != null && Satisfaction.valueOf(satisfaction).content(),
                rs.getInt("returns") > 0, rs.getInt("reopens") > 0, rs.getInt("supervision_level") > 0);
        long department = rs.getLong("department_id");
        Long departmentId = rs.wasNull() ? null : department;
        long building = rs.getLong("building_id");
        Long buildingId = rs.wasNull() ? null : building;
        int floor = rs.getInt("floor_number");
        Integer floorNumber = rs.wasNull() ? null : floor;
        return new Request(rs.getLong("id"), rs.getObject("submitted_at", java.time.OffsetDateTime.class).atZoneSameInstant(ZONE).toLocalDate(),
                rs.getString("state"), rs.getString("category"), departmentId, rs.getLong("college_id"), buildingId, floorNumber, facts);
    }
}
