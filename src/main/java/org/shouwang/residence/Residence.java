package org.shouwang.residence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.identity.Accounts;
import org.shouwang.identity.AuditLog;
import org.shouwang.people.Housing;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The horizontal chain — communities, buildings, floors, rooms, beds — and who sleeps where.
 * Check-in, move and check-out keep every stay in the history; a bed never holds two students.
 */
@Service
@Transactional(readOnly = true)
public class Residence implements Housing {

    private static final String BUILDING = """
            SELECT bu.id, bu.code, bu.name, bu.gender, co.id AS community_id, co.name AS community,
                   bu.manager_staff_id, ms.name AS manager, bu.leader_student_id, ls.name AS leader,
                   (SELECT count(*) FROM floor f WHERE f.building_id = bu.id) AS floors,
                   (SELECT count(*) FROM room r JOIN floor f ON f.id = r.floor_id WHERE f.building_id = bu.id) AS rooms,
                   (SELECT count(*) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id WHERE f.building_id = bu.id) AS beds,
                   (SELECT count(b.occupant_id) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id WHERE f.building_id = bu.id) AS occupied,
                   (SELECT count(*) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                     WHERE f.building_id = bu.id AND b.reserved AND b.occupant_id IS NULL) AS reserved
            FROM building bu JOIN community co ON co.id = bu.community_id
            LEFT JOIN staff ms ON ms.id = bu.manager_staff_id LEFT JOIN student ls ON ls.id = bu.leader_student_id
            """;

    private final JdbcClient jdbc;
    private final BedStore beds;
    private final People people;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Clock clock;

    Residence(JdbcClient jdbc, BedStore beds, @Lazy People people, AuditLog audit, @Lazy Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.beds = beds;
        this.people = people;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    public List<ResidenceViews.Community> communities() {
        return jdbc.sql("""
                        SELECT co.id, co.code, co.name, (SELECT count(*) FROM building bu WHERE bu.community_id = co.id) AS buildings,
                               (SELECT count(*) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                                  JOIN building bu ON bu.id = f.building_id WHERE bu.community_id = co.id) AS beds,
                               (SELECT count(b.occupant_id) FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                                  JOIN building bu ON bu.id = f.building_id WHERE bu.community_id = co.id) AS occupied
                        FROM community co ORDER BY co.code""")
                .query((rs, n) -> new ResidenceViews.Community(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("buildings"), rs.getLong("beds"), rs.getLong("occupied")))
                .list();
    }

    public ResidenceViews.Community community(long id) {
        return communities().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("community", id));
    }

    public List<ResidenceViews.Building> buildings(long communityId) {
        return jdbc.sql(BUILDING + " WHERE co.id = ? ORDER BY bu.code").param(communityId).query(Residence::building).list();
    }

    /** Every building's name by id, in code order: for other modules' lists and pickers. */
    public java.util.Map<Long, String> buildingNames() {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM building ORDER BY code").query(rs -> {
            names.put(rs.getLong("id"), rs.getString("name"));
        });
        return names;
    }

    public ResidenceViews.Building building(long id) {
        return jdbc.sql(BUILDING + " WHERE bu.id = ?").param(id).query(Residence::building).optional()
                .orElseThrow(() -> new NotFoundException("building", id));
    }

    /** Buildings the viewer manages or leads, or where their floor is. */
    public List<ResidenceViews.Building> buildingsServedBy(Viewer viewer) {
        return jdbc.sql(BUILDING + """
                         WHERE bu.manager_staff_id = :staff OR bu.leader_student_id = :student
                            OR bu.id IN (SELECT building_id FROM floor WHERE leader_student_id = :student)
                         ORDER BY bu.code""")
                .param("staff", viewer.staffId()).param("student", viewer.studentId())
                .query(Residence::building).list();
    }

    /** Floors × rooms × beds of a building, for the vacancy map. Names of occupants are not included. */
    public List<ResidenceViews.Floor> vacancyMap(long buildingId) {
        building(buildingId);
        Map<Long, ResidenceViews.Floor> floors = new LinkedHashMap<>();
        Map<Long, ResidenceViews.Room> rooms = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT f.id AS floor_id, f.number AS floor, f.leader_student_id, ls.name AS leader,
                               r.id AS room_id, r.number AS room, r.kind, r.gender, r.capacity,
                               b.id AS bed_id, b.label, b.reserved, b.occupant_id
                        FROM floor f LEFT JOIN student ls ON ls.id = f.leader_student_id
                        LEFT JOIN room r ON r.floor_id = f.id LEFT JOIN bed b ON b.room_id = r.id
                        WHERE f.building_id = ? ORDER BY f.number DESC, r.number, b.label""")
                .param(buildingId)
                .query(rs -> {
                    ResidenceViews.Floor floor = floors.computeIfAbsent(rs.getLong("floor_id"), id -> floor(rs, id));
                    long roomId = rs.getLong("room_id");
                    if (rs.wasNull()) {
                        return;
                    }
                    ResidenceViews.Room room = rooms.computeIfAbsent(roomId, id -> {
                        ResidenceViews.Room r = room(rs, id);
                        floor.rooms().add(r);
                        return r;
                    });
                    long bedId = rs.getLong("bed_id");
                    if (!rs.wasNull()) {
                        Long occupant = rs.getObject("occupant_id", Long.class);
                        room.beds().add(new ResidenceViews.BedCell(bedId, rs.getString("label"),
                                BedStatus.of(occupant, rs.getBoolean("reserved")), null, null));
                    }
                });
        return List.copyOf(floors.values());
    }

    /** A room with its beds and history; occupants' names only where the viewer may see them. */
    public ResidenceViews.RoomDetail room(Viewer viewer, long roomId) {
        record Head(long id, String number, String kind, String gender, int capacity, int floor, long buildingId, String building) {
        }
        Head head = jdbc.sql("""
                        SELECT r.id, r.number, r.kind, r.gender, r.capacity, f.number AS floor, bu.id AS building_id, bu.name AS building
                        FROM room r JOIN floor f ON f.id = r.floor_id JOIN building bu ON bu.id = f.building_id WHERE r.id = ?""")
                .param(roomId)
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getString("number"), rs.getString("kind"), rs.getString("gender"),
                        rs.getInt("capacity"), rs.getInt("floor"), rs.getLong("building_id"), rs.getString("building")))
                .optional().orElseThrow(() -> new NotFoundException("room", roomId));
        record Row(long id, String label, boolean reserved, Long occupant, String name) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT b.id, b.label, b.reserved, b.occupant_id, s.name FROM bed b LEFT JOIN student s ON s.id = b.occupant_id
                        WHERE b.room_id = ? ORDER BY b.label""")
                .param(roomId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("label"), rs.getBoolean("reserved"),
                        rs.getObject("occupant_id", Long.class), rs.getString("name")))
                .list();
        List<ResidenceViews.Stay> stays = beds.staysOfRoom(roomId);
        Set<Long> everyone = new HashSet<>();
        rows.stream().map(Row::occupant).filter(java.util.Objects::nonNull).forEach(everyone::add);
        stays.forEach(stay -> everyone.add(stay.studentId()));
        Set<Long> visible = people.visibleAmong(viewer, everyone);
        List<ResidenceViews.BedCell> cells = rows.stream().map(r -> {
            boolean shown = r.occupant() != null && visible.contains(r.occupant());
            return new ResidenceViews.BedCell(r.id(), r.label(), BedStatus.of(r.occupant(), r.reserved()),
                    shown ? r.occupant() : null, shown ? r.name() : null);
        }).toList();
        List<ResidenceViews.Stay> history = stays.stream().filter(s -> visible.contains(s.studentId())).toList();
        return new ResidenceViews.RoomDetail(head.id(), head.number(), head.kind(), head.gender(), head.capacity(),
                head.floor(), head.buildingId(), head.building(), cells, history);
    }

    /** Every stay of a student, newest first; 404 outside the viewer's scope. */
    public List<ResidenceViews.Stay> staysOf(Viewer viewer, long studentId) {
        if (!people.sees(viewer, studentId)) {
            throw new NotFoundException("student", studentId);
        }
        return beds.staysOfStudent(studentId);
    }

    @Transactional
    public void checkIn(Viewer viewer, long studentId, long bedId) {
        StudentSummary student = studentFor(viewer, studentId);
        Bed bed = bedFor(viewer, bedId);
        beds.occupiedBy(studentId).ifPresent(current -> {
            // Where they sleep is told only to those who may see the student.
            String where = people.sees(viewer, studentId) ? current.describe() : "—";
            throw new RuleViolation("student.alreadyHoused", student.name(), where);
        });
        bed.admit(student);
        take(bed, student);
        beds.startStay(bedId, studentId, clock.instant(), viewer.username());
        audit.record(viewer, "residence.checkIn", "bed", bedId, student.studentNumber() + " -> " + bed.describe());
    }

    @Transactional
    public void move(Viewer viewer, long studentId, long toBedId) {
        StudentSummary student = studentFor(viewer, studentId);
        Bed from = beds.occupiedBy(studentId).orElseThrow(() -> new RuleViolation("student.notHoused", student.name()));
        authorize(viewer, from);
        Bed to = bedFor(viewer, toBedId);
        to.admit(student);
        beds.vacate(from.id(), studentId);
        take(to, student);
        var now = clock.instant();
        beds.endStay(from.id(), studentId, now, viewer.username(), "MOVED");
        beds.startStay(to.id(), studentId, now, viewer.username());
        audit.record(viewer, "residence.move", "bed", toBedId,
                student.studentNumber() + " " + from.describe() + " -> " + to.describe());
    }

    @Transactional
    public void checkOut(Viewer viewer, long studentId) {
        StudentSummary student = studentFor(viewer, studentId);
        Bed bed = beds.occupiedBy(studentId).orElseThrow(() -> new RuleViolation("student.notHoused", student.name()));
        authorize(viewer, bed);
        if (!beds.vacate(bed.id(), studentId)) {
            throw new RuleViolation("student.notHoused", student.name());
        }
        beds.endStay(bed.id(), studentId, clock.instant(), viewer.username(), "CHECKED_OUT");
        audit.record(viewer, "residence.checkOut", "bed", bed.id(), student.studentNumber() + " <- " + bed.describe());
    }

    @Transactional
    public void reserve(Viewer viewer, long bedId, boolean reserved) {
        Bed bed = bedFor(viewer, bedId);
        if (!beds.setReserved(bedId, reserved)) {
            throw new RuleViolation("bed.occupied", bed.describe());
        }
        audit.record(viewer, reserved ? "residence.reserve" : "residence.release", "bed", bedId, bed.describe());
    }

    /** Admins appoint a building's manager (staff) and leader (student), and floor leaders. */
    @Transactional
    public void appoint(Viewer admin, long buildingId, String managerNumber, String leaderNumber) {
        Long previous = building(buildingId).leaderId();
        Long manager = blank(managerNumber) ? null : people.staffIdByNumber(managerNumber)
                .orElseThrow(() -> new RuleViolation("staff.unknown", managerNumber));
        Long leader = blank(leaderNumber) ? null : residentOf(buildingId, null, leaderNumber);
        jdbc.sql("UPDATE building SET manager_staff_id = ?, leader_student_id = ? WHERE id = ?")
                .params(manager, leader, buildingId).update();
        handOver(previous, leader, Role.BUILDING_LEADER, "SELECT count(*) FROM building WHERE leader_student_id = ?");
        audit.record(admin, "residence.appoint", "building", buildingId, "manager " + managerNumber + ", leader " + leaderNumber);
    }

    @Transactional
    public void appointFloorLeader(Viewer admin, long floorId, String leaderNumber) {
        record Floor(long buildingId, Long leader) {
        }
        Floor floor = jdbc.sql("SELECT building_id, leader_student_id FROM floor WHERE id = ?").param(floorId)
                .query((rs, n) -> new Floor(rs.getLong(1), rs.getObject(2, Long.class))).optional()
                .orElseThrow(() -> new NotFoundException("floor", floorId));
        Long leader = blank(leaderNumber) ? null : residentOf(floor.buildingId(), floorId, leaderNumber);
        jdbc.sql("UPDATE floor SET leader_student_id = ? WHERE id = ?").params(leader, floorId).update();
        handOver(floor.leader(), leader, Role.FLOOR_LEADER, "SELECT count(*) FROM floor WHERE leader_student_id = ?");
        audit.record(admin, "residence.appointFloorLeader", "floor", floorId, leaderNumber);
    }

    /** The new leader gains the role; the previous one keeps it only while still leading somewhere. */
    private void handOver(Long previous, Long next, Role role, String stillLeadsQuery) {
        if (previous != null && !previous.equals(next)) {
            boolean stillLeads = jdbc.sql(stillLeadsQuery).param(previous).query(Long.class).single() > 0;
            accounts.setLeaderRole(previous, role, stillLeads);
        }
        if (next != null) {
            accounts.setLeaderRole(next, role, true);
        }
    }

    @Override
    public Set<Long> residentsServedBy(Viewer viewer) {
        Set<Long> residents = new HashSet<>();
        if (viewer.has(Role.BUILDING_MANAGER) && viewer.staffId() != null) {
            residents.addAll(residents("bu.manager_staff_id = ?", viewer.staffId()));
        }
        if (viewer.has(Role.BUILDING_LEADER) && viewer.studentId() != null) {
            residents.addAll(residents("bu.leader_student_id = ?", viewer.studentId()));
        }
        if (viewer.has(Role.FLOOR_LEADER) && viewer.studentId() != null) {
            residents.addAll(residents("f.leader_student_id = ?", viewer.studentId()));
        }
        return residents;
    }

    /** The buildings a building manager or building leader looks after, and the floors a floor leader does. */
    public List<ResidenceViews.Area> areasServedBy(Viewer viewer) {
        List<ResidenceViews.Area> areas = new ArrayList<>();
        if (viewer.has(Role.BUILDING_MANAGER) && viewer.staffId() != null) {
            jdbc.sql("SELECT id FROM building WHERE manager_staff_id = ?").param(viewer.staffId()).query(Long.class).list()
                    .forEach(id -> areas.add(new ResidenceViews.Area(id, null)));
        }
        if (viewer.has(Role.BUILDING_LEADER) && viewer.studentId() != null) {
            jdbc.sql("SELECT id FROM building WHERE leader_student_id = ?").param(viewer.studentId()).query(Long.class).list()
                    .forEach(id -> areas.add(new ResidenceViews.Area(id, null)));
        }
        if (viewer.has(Role.FLOOR_LEADER) && viewer.studentId() != null) {
            jdbc.sql("SELECT building_id, number FROM floor WHERE leader_student_id = ?").param(viewer.studentId())
                    .query((rs, n) -> new ResidenceViews.Area(rs.getLong(1), rs.getInt(2))).list().forEach(areas::add);
        }
        return areas;
    }

    @Override
    public Optional<Place> placeOf(long studentId) {
        return beds.occupiedBy(studentId).map(b -> new Place(b.buildingId(), b.building(), b.floor(), b.roomId(),
                b.room(), b.id(), b.label()));
    }

    /** The students sleeping in a room now, by bed label, no scope applied: for other modules' rules (who asks for a repair). */
    public List<Long> occupantsOf(long roomId) {
        return jdbc.sql("SELECT occupant_id FROM bed WHERE room_id = ? AND occupant_id IS NOT NULL ORDER BY label")
                .param(roomId).query(Long.class).list();
    }

    /** Staff see every building; building and floor leaders their own; anyone else gets 404. */
    public void requireVisible(Viewer viewer, long buildingId) {
        if (!viewer.isStaff() && buildingsServedBy(viewer).stream().noneMatch(b -> b.id() == buildingId)) {
            throw new NotFoundException("building", buildingId);
        }
    }

    /** Whether the viewer may change who sleeps in this building: admins, and its building manager. */
    public boolean mayAssign(Viewer viewer, long buildingId) {
        if (viewer.isAdmin()) {
            return true;
        }
        return viewer.has(Role.BUILDING_MANAGER) && viewer.staffId() != null
                && viewer.staffId().equals(building(buildingId).managerId());
    }

    private void take(Bed bed, StudentSummary student) {
        try {
            if (!beds.occupy(bed.id(), student.id())) {
                throw new RuleViolation("bed.occupied", bed.describe());
            }
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("student.alreadyHoused", student.name(), "—");
        } catch (ConcurrencyFailureException e) {
            throw new RuleViolation("bed.occupied", bed.describe());
        }
    }

    private StudentSummary studentFor(Viewer viewer, long studentId) {
        if (!viewer.isAdmin() && !viewer.has(Role.BUILDING_MANAGER)) {
            throw new NotFoundException("student", studentId);
        }
        return people.student(studentId).orElseThrow(() -> new NotFoundException("student", studentId));
    }

    private Bed bedFor(Viewer viewer, long bedId) {
        Bed bed = beds.find(bedId).orElseThrow(() -> new NotFoundException("bed", bedId));
        authorize(viewer, bed);
        return bed;
    }

    private void authorize(Viewer viewer, Bed bed) {
        if (!mayAssign(viewer, bed.buildingId())) {
            throw new NotFoundException("bed", bed.id());
        }
    }

    private Long residentOf(long buildingId, Long floorId, String studentNumber) {
        StudentSummary student = people.studentByNumber(studentNumber)
                .orElseThrow(() -> new RuleViolation("student.unknown", studentNumber));
        Place place = placeOf(student.id()).orElse(null);
        if (place == null || place.buildingId() != buildingId
                || (floorId != null && !floorId.equals(floorIdOf(place.roomId())))) {
            throw new RuleViolation("leader.notResident", student.name());
        }
        return student.id();
    }

    private Long floorIdOf(long roomId) {
        return jdbc.sql("SELECT floor_id FROM room WHERE id = ?").param(roomId).query(Long.class).single();
    }

    private List<Long> residents(String condition, long id) {
        return jdbc.sql("""
                        SELECT b.occupant_id FROM bed b JOIN room r ON r.id = b.room_id JOIN floor f ON f.id = r.floor_id
                        JOIN building bu ON bu.id = f.building_id WHERE b.occupant_id IS NOT NULL AND %s""".formatted(condition))
                .param(id).query(Long.class).list();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ResidenceViews.Floor floor(ResultSet rs, long id) {
        try {
            return new ResidenceViews.Floor(id, rs.getInt("floor"), rs.getObject("leader_student_id", Long.class),
                    rs.getString("leader"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResidenceViews.Room room(ResultSet rs, long id) {
        try {
            return new ResidenceViews.Room(id, rs.getString("room"), rs.getString("kind"), rs.getString("gender"),
                    rs.getInt("capacity"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResidenceViews.Building building(ResultSet rs, int n) throws SQLException {
        return new ResidenceViews.Building(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("gender"),
                rs.getLong("community_id"), rs.getString("community"), rs.getObject("manager_staff_id", Long.class),
                rs.getString("manager"), rs.getObject("leader_student_id", Long.class), rs.getString("leader"),
                rs.getInt("floors"), rs.getLong("rooms"), rs.getLong("beds"), rs.getLong("occupied"), rs.getLong("reserved"));
    }
}
