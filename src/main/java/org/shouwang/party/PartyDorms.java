package org.shouwang.party;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.identity.AuditLog;
import org.shouwang.people.Housing;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.residence.Residence;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RoomBadges;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party-member dorms (党员宿舍): a branch's managers mark the rooms where members of their branch
 * (full or probationary, on the active roster) live; the residence pages show the badge to everyone
 * who may see the room or building.
 */
@Service
@Transactional
public class PartyDorms implements RoomBadges {

    private final JdbcClient jdbc;
    private final PartyOrganisations organisations;
    private final Residence residence;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;

    PartyDorms(JdbcClient jdbc, PartyOrganisations organisations, @Lazy Residence residence, @Lazy People people, AuditLog audit,
               Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.residence = residence;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** One marked dorm: where it is and which of its residents are members of the branch (names for managers). */
    public record Dorm(long roomId, long buildingId, String building, int floor, String room, List<String> members) {
    }

    /** A room where members of the branch live, marked or not. */
    public record Candidate(long roomId, long buildingId, String building, int floor, String room, List<String> members,
                            boolean marked) {
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> partyMemberDorms(long buildingId) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT room_id FROM party_dorm WHERE building_id = ?").param(buildingId)
                .query(Long.class).list());
    }

    /** The branch's marked dorms; 404 to anyone who does not manage the branch. */
    @Transactional(readOnly = true)
    public List<Dorm> dorms(Viewer manager, long organisationId) {
        require(manager, organisationId);
        return candidates(organisationId).stream().filter(Candidate::marked)
                .map(c -> new Dorm(c.roomId(), c.buildingId(), c.building(), c.floor(), c.room(), c.members())).toList();
    }

    /** Rooms where members of the branch live now (and rooms marked earlier whose members have since moved), by building, floor, room. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(Viewer manager, long organisationId) {
        require(manager, organisationId);
        return candidates(organisationId);
    }

    public void mark(Viewer manager, long organisationId, long roomId) {
        require(manager, organisationId);
        Lodging room = memberRooms(organisationId).get(roomId);
        if (room == null) {
            throw new RuleViolation("partyDorm.noMember");
        }
        if (jdbc.sql("SELECT count(*) FROM party_dorm WHERE organisation_id = ? AND room_id = ?").params(organisationId, roomId)
                .query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO party_dorm (organisation_id, room_id, building_id, floor_number, room_number, marked_by, marked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, roomId, room.place().buildingId(), room.place().floor(), room.place().room(),
                        manager.accountId(), Timestamps.of(clock.instant())).update();
        audit.record(manager, "party.dorm.mark", "room", roomId, room.place().building() + " " + room.place().room());
    }

    public void unmark(Viewer manager, long organisationId, long roomId) {
        require(manager, organisationId);
        int removed = jdbc.sql("DELETE FROM party_dorm WHERE organisation_id = ? AND room_id = ?").params(organisationId, roomId).update();
        if (removed == 0) {
            throw new NotFoundException("party-dorm", roomId);
        }
        audit.record(manager, "party.dorm.unmark", "room", roomId, null);
    }

    private void require(Viewer manager, long organisationId) {
        if (!organisations.manages(manager, organisationId)) {
            throw new NotFoundException("party-organisation", organisationId);
        }
    }

    private List<Candidate> candidates(long organisationId) {
        Map<Long, Lodging> rooms = memberRooms(organisationId);
        Map<Long, String> buildings = residence.buildingNames();
        List<Candidate> out = new ArrayList<>();
        Set<Long> marked = new HashSet<>();
        jdbc.sql("SELECT room_id, building_id, floor_number, room_number FROM party_dorm WHERE organisation_id = ?").param(organisationId)
                .query(rs -> {
                    long roomId = rs.getLong(1);
                    marked.add(roomId);
                    Lodging lodging = rooms.get(roomId);
                    out.add(new Candidate(roomId, rs.getLong(2), buildings.getOrDefault(rs.getLong(2), "—"), rs.getInt(3), rs.getString(4),
                            lodging == null ? List.of() : lodging.members(), true));
                });
        rooms.forEach((roomId, lodging) -> {
            if (!marked.contains(roomId)) {
                Housing.Place p = lodging.place();
                out.add(new Candidate(roomId, p.buildingId(), p.building(), p.floor(), p.room(), lodging.members(), false));
            }
        });
        out.sort(Comparator.comparing(Candidate::building).thenComparing(Candidate::floor).thenComparing(Candidate::room));
        return out;
    }

    record Lodging(Housing.Place place, List<String> members) {
    }

    /** Room id → where it is and the names of the branch's members (full or probationary) sleeping there now. */
    Map<Long, Lodging> memberRooms(long organisationId) {
        List<Long> students = jdbc.sql("""
                        SELECT student_id FROM party_member WHERE organisation_id = ? AND active AND student_id IS NOT NULL
                          AND status IN ('FULL', 'PROBATIONARY')""")
                .param(organisationId).query(Long.class).list();
        Map<Long, StudentSummary> names = people.summaries(students);
        Map<Long, Lodging> rooms = new LinkedHashMap<>();
        for (long student : students) {
            residence.placeOf(student).ifPresent(place -> rooms.computeIfAbsent(place.roomId(), k -> new Lodging(place, new ArrayList<>()))
                    .members().add(names.containsKey(student) ? names.get(student).name() : "—"));
        }
        return rooms;
    }
}
