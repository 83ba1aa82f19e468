package org.shouwang.party;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.shouwang.community.Inspections;
import org.shouwang.identity.AuditLog;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.TicketQueries;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' responsibility zones (党员责任区): a branch's managers give a member floors and/or rooms of
 * a building to serve. The member and the branch's managers see the zone's figures — requests by
 * category (open, overdue, resolved this month) and inspection results this month — as counts only,
 * never content. Nobody else sees a zone.
 */
@Service
@Transactional
public class ResponsibilityZones {

    static final int NOTE_MAX = 500;
    static final int PLACES_MAX = 60;

    private final JdbcClient jdbc;
    private final PartyOrganisations organisations;
    private final Residence residence;
    private final People people;
    private final TicketQueries tickets;
    private final Inspections inspections;
    private final AuditLog audit;
    private final Clock clock;

    ResponsibilityZones(JdbcClient jdbc, PartyOrganisations organisations, @Lazy Residence residence, @Lazy People people,
                        @Lazy TicketQueries tickets, @Lazy Inspections inspections, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.residence = residence;
        this.people = people;
        this.tickets = tickets;
        this.inspections = inspections;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a manager says: which member, which building, which floors and which rooms (by number). */
    public record ZoneDraft(Long memberId, Long buildingId, List<Integer> floors, List<String> rooms, String note) {
    }

    /** A member of the branch who may be given a zone. */
    public record Member(long id, String name, String status) {
    }

    /** The zone's figures: counts only. */
    public record Figures(List<TicketQueries.AreaCount> requests, long open, long overdue, long resolvedThisMonth,
                          Inspections.AreaResults inspections) {
    }

    public record Zone(long id, long organisationId, String organisation, long memberId, String member, long buildingId,
                       String building, List<Integer> floors, List<String> rooms, String note, Figures figures) {
    }

    // — reading —

    /** The branch's members (full or probationary) who may be given a zone; 404 to anyone who does not manage it. */
    @Transactional(readOnly = true)
    public List<Member> members(Viewer manager, long organisationId) {
        require(manager, organisationId);
        record Row(long id, Long student, Long staff, String status) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT id, student_id, staff_id, status FROM party_member WHERE organisation_id = ? AND active
                          AND status IN ('FULL', 'PROBATIONARY') ORDER BY id""")
                .param(organisationId).query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
                        rs.getString(4))).list();
        Map<Long, StudentSummary> names = people.summaries(rows.stream().map(Row::student).filter(java.util.Objects::nonNull).toList());
        Map<Long, String> staffNames = staffNames(rows.stream().map(Row::staff).filter(java.util.Objects::nonNull).toList());
        return rows.stream().map(r -> new Member(r.id(), name(names, staffNames, r.student(), r.staff()), r.status()))
                .sorted(java.util.Comparator.comparing(Member::name)).toList();
    }

    /** The branch's zones with their figures; 404 to anyone who does not manage the branch. */
    @Transactional(readOnly = true)
    public List<Zone> zones(Viewer manager, long organisationId) {
        require(manager, organisationId);
        return load("z.organisation_id = ?", organisationId);
    }

    /** The zones given to the viewer (as a member of any branch). */
    @Transactional(readOnly = true)
    public List<Zone> mine(Viewer viewer) {
        List<Zone> zones = new ArrayList<>();
        if (viewer.studentId() != null) {
            zones.addAll(load("m.student_id = ? AND m.active", viewer.studentId()));
        }
        if (viewer.staffId() != null) {
            zones.addAll(load("m.staff_id = ? AND m.active", viewer.staffId()));
        }
        return zones;
    }

    /** One zone, to its member and the branch's managers; 404 to anyone else. */
    @Transactional(readOnly = true)
    public Zone zone(Viewer viewer, long zoneId) {
        Zone zone = load("z.id = ?", zoneId).stream().findFirst().orElseThrow(() -> new NotFoundException("zone", zoneId));
        if (!organisations.manages(viewer, zone.organisationId()) && mine(viewer).stream().noneMatch(z -> z.id() == zoneId)) {
            throw new NotFoundException("zone", zoneId);
        }
        return zone;
    }

    // — changing —

    public long assign(Viewer manager, long organisationId, ZoneDraft draft) {
        require(manager, organisationId);
        Fields f = new Fields();
        if (f.required(draft.memberId(), "memberId") && jdbc.sql("""
                        SELECT count(*) FROM party_member WHERE id = ? AND organisation_id = ? AND active AND status IN ('FULL', 'PROBATIONARY')""")
                .params(draft.memberId(), organisationId).query(Long.class).single() == 0) {
            f.add("memberId", "zone.unknownMember");
        }
        String note = f.text(draft.note(), "note", NOTE_MAX, false);
        List<ResidenceViews.Floor> map = List.of();
        if (f.required(draft.buildingId(), "buildingId")) {
            if (!residence.buildingNames().containsKey(draft.buildingId())) {
                f.add("buildingId", "zone.unknownBuilding");
            } else {
                map = residence.vacancyMap(draft.buildingId());
            }
        }
        Set<Integer> floors = new TreeSet<>(draft.floors() == null ? List.of() : draft.floors().stream().filter(java.util.Objects::nonNull).toList());
        Set<String> roomNumbers = new LinkedHashSet<>();
        if (draft.rooms() != null) {
            draft.rooms().stream().filter(r -> r != null && !r.isBlank()).map(String::strip).forEach(roomNumbers::add);
        }
        Set<Long> roomIds = new LinkedHashSet<>();
        if (floors.size() + roomNumbers.size() > PLACES_MAX) {
            f.add("rooms", "zone.tooMany", PLACES_MAX);
        } else if (floors.isEmpty() && roomNumbers.isEmpty()) {
            f.add("floors", "zone.empty");
        } else if (!map.isEmpty()) {
            Set<Integer> known = new TreeSet<>();
            map.forEach(fl -> known.add(fl.number()));
            List<String> unknownFloors = floors.stream().filter(n -> !known.contains(n)).map(String::valueOf).toList();
            if (!unknownFloors.isEmpty()) {
                f.add("floors", "zone.unknownFloor", String.join(", ", unknownFloors));
            }
            List<String> unknownRooms = new ArrayList<>();
            for (String number : roomNumbers) {
                map.stream().flatMap(fl -> fl.rooms().stream()).filter(r -> r.number().equals(number)).findFirst()
                        .ifPresentOrElse(r -> roomIds.add(r.id()), () -> unknownRooms.add(number));
            }
            if (!unknownRooms.isEmpty()) {
                f.add("rooms", "zone.unknownRoom", String.join(", ", unknownRooms));
            }
        }
        f.check();
        org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO responsibility_zone (organisation_id, member_id, building_id, note, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(organisationId, draft.memberId(), draft.buildingId(), note == null ? "" : note, manager.accountId(),
                        Timestamps.of(clock.instant()))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (int floor : floors) {
            jdbc.sql("INSERT INTO responsibility_zone_floor (zone_id, floor_number) VALUES (?, ?)").params(id, floor).update();
        }
        for (long room : roomIds) {
            jdbc.sql("INSERT INTO responsibility_zone_room (zone_id, room_id) VALUES (?, ?)").params(id, room).update();
        }
        audit.record(manager, "party.zone.assign", "responsibility-zone", id, "member " + draft.memberId() + " building "
                + draft.buildingId() + " floors " + floors + " rooms " + roomNumbers);
        return id;
    }

    public void remove(Viewer manager, long organisationId, long zoneId) {
        require(manager, organisationId);
        if (jdbc.sql("SELECT count(*) FROM responsibility_zone WHERE id = ? AND organisation_id = ?").params(zoneId, organisationId)
                .query(Long.class).single() == 0) {
            throw new NotFoundException("zone", zoneId);
        }
        jdbc.sql("DELETE FROM responsibility_zone_floor WHERE zone_id = ?").param(zoneId).update();
        jdbc.sql("DELETE FROM responsibility_zone_room WHERE zone_id = ?").param(zoneId).update();
        jdbc.sql("DELETE FROM responsibility_zone WHERE id = ?").param(zoneId).update();
        audit.record(manager, "party.zone.remove", "responsibility-zone", zoneId, null);
    }

    // — helpers —

    private void require(Viewer manager, long organisationId) {
        if (!organisations.manages(manager, organisationId)) {
            throw new NotFoundException("party-organisation", organisationId);
        }
    }

    private List<Zone> load(String condition, long param) {
        record Row(long id, long organisationId, String organisation, long memberId, Long student, Long staff, long buildingId,
                   String note) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT z.id, z.organisation_id, o.name, z.member_id, m.student_id, m.staff_id, z.building_id, z.note
                        FROM responsibility_zone z JOIN party_organisation o ON o.id = z.organisation_id
                        LEFT JOIN party_member m ON m.id = z.member_id WHERE\s""" + condition + " ORDER BY z.id")
                .param(param)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), (Long) rs.getObject(5),
                        (Long) rs.getObject(6), rs.getLong(7), rs.getString(8)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, StudentSummary> names = people.summaries(rows.stream().map(Row::student).filter(java.util.Objects::nonNull).toList());
        Map<Long, String> staffNames = staffNames(rows.stream().map(Row::staff).filter(java.util.Objects::nonNull).toList());
        Map<Long, String> buildings = residence.buildingNames();
        LocalDate today = CampusTime.today(clock);
        LocalDate monthStart = today.withDayOfMonth(1);
        Instant since = monthStart.atStartOfDay(CampusTime.ZONE).toInstant();
        List<Zone> zones = new ArrayList<>();
        for (Row r : rows) {
            List<Integer> floors = jdbc.sql("SELECT floor_number FROM responsibility_zone_floor WHERE zone_id = ? ORDER BY floor_number")
                    .param(r.id()).query(Integer.class).list();
            List<Long> roomIds = jdbc.sql("SELECT room_id FROM responsibility_zone_room WHERE zone_id = ?").param(r.id())
                    .query(Long.class).list();
            List<String> roomNumbers = new ArrayList<>();
            if (!roomIds.isEmpty()) {
                residence.vacancyMap(r.buildingId()).stream().flatMap(fl -> fl.rooms().stream()).filter(room -> roomIds.contains(room.id()))
                        .forEach(room -> roomNumbers.add(room.number()));
            }
            List<org.shouwang.tickets.TicketQueries.AreaCount> counts = tickets.countsIn(r.buildingId(), floors, roomIds, since);
            Figures figures = new Figures(counts, counts.stream().mapToLong(c -> c.open()).sum(),
                    counts.stream().mapToLong(c -> c.overdue()).sum(), counts.stream().mapToLong(c -> c.resolvedSince()).sum(),
                    inspections.resultsIn(r.buildingId(), floors, roomIds, monthStart, today));
            zones.add(new Zone(r.id(), r.organisationId(), r.organisation(), r.memberId(), name(names, staffNames, r.student(), r.staff()),
                    r.buildingId(),
                    buildings.getOrDefault(r.buildingId(), "—"), floors, roomNumbers, r.note(), figures));
        }
        return zones;
    }

    private static String name(Map<Long, StudentSummary> names, Map<Long, String> staffNames, Long student, Long staff) {
        if (student != null && names.containsKey(student)) {
            return names.get(student).name();
        }
        return staff != null ? staffNames.getOrDefault(staff, "—") : "—";
    }

    /** Staff members' names, as the members part reads them from the staff list. */
    private Map<Long, String> staffNames(List<Long> ids) {
        Map<Long, String> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, name FROM staff WHERE id IN (:ids)").param("ids", ids).query(rs -> {
                out.put(rs.getLong(1), rs.getString(2));
            });
        }
        return out;
    }
}
