package org.shouwang.residence;

import java.time.Instant;
import java.util.List;

/** Read-only summaries of the horizontal chain. */
public final class ResidenceViews {

    private ResidenceViews() {
    }

    public record Community(long id, String code, String name, long buildings, long beds, long occupied) {
    }

    public record Building(long id, String code, String name, String gender, long communityId, String community,
                           Long managerId, String manager, Long leaderId, String leader,
                           int floors, long rooms, long beds, long occupied, long reserved) {
        public long free() {
            return beds - occupied - reserved;
        }

        public int occupancyPercent() {
            return beds == 0 ? 0 : (int) Math.round(100.0 * occupied / beds);
        }
    }

    public record Floor(long id, int number, Long leaderId, String leader, List<Room> rooms) {
        public long free() {
            return rooms.stream().flatMap(r -> r.beds().stream()).filter(b -> b.status() == BedStatus.FREE).count();
        }
    }

    public record Room(long id, String number, String kind, String gender, int capacity, List<BedCell> beds) {
    }

    /** A bed on the map or the room page; {@code occupant} is null unless the viewer may see who it is. */
    public record BedCell(long id, String label, BedStatus status, Long occupantId, String occupant) {
    }

    public record RoomDetail(long id, String number, String kind, String gender, int capacity, int floor,
                             long buildingId, String building, List<BedCell> beds, List<Stay> history) {
    }

    /** One stay of a student in a bed. */
    public record Stay(long id, long studentId, String student, String place, Instant startedAt, Instant endedAt,
                       String endReason, String startedBy, String endedBy) {
    }

    /** A whole building (floor null) or one floor of it that someone looks after. */
    public record Area(long buildingId, Integer floor) {
    }
}
