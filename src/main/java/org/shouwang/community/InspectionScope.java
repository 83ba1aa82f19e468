package org.shouwang.community;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who sees which inspections (DESIGN §6): administrators, student affairs and leaders everything;
 * building managers and building leaders their buildings, floor leaders their floors; inspectors the
 * rounds they do and the committee's advisor the rounds of the inspectors they supervise; residents
 * their own room. Everyone else sees nothing, and is answered 404.
 */
@Component
class InspectionScope {

    private final Residence residence;
    private final Organisations organisations;

    InspectionScope(@Lazy Residence residence, @Lazy Organisations organisations) {
        this.residence = residence;
        this.organisations = organisations;
    }

    /** What one viewer reaches: everything, or buildings, floors, their own rounds and their room. */
    record Reach(boolean all, Set<Long> buildings, List<ResidenceViews.Area> floors, long accountId, Long roomId) {

        boolean building(long buildingId) {
            return all || buildings.contains(buildingId);
        }

        boolean floor(long buildingId, int floor) {
            return building(buildingId) || floors.stream().anyMatch(a -> a.buildingId() == buildingId && a.floor() == floor);
        }

        /**
         * The condition on a room inspection {@code ri} of a round {@code r}, its parameters added to {@code params};
         * {@code TRUE} for everything.
         */
        String resultCondition(Map<String, Object> params) {
            if (all) {
                return "TRUE";
            }
            List<String> or = new ArrayList<>();
            or.add("r.inspector_account_id = :reachAccount");
            or.add("r.supervisor_account_id = :reachAccount");
            params.put("reachAccount", accountId);
            if (!buildings.isEmpty()) {
                or.add("ri.building_id IN (:reachBuildings)");
                params.put("reachBuildings", buildings);
            }
            for (int i = 0; i < floors.size(); i++) {
                or.add("(ri.building_id = :reachFb" + i + " AND ri.floor_number = :reachFf" + i + ")");
                params.put("reachFb" + i, floors.get(i).buildingId());
                params.put("reachFf" + i, floors.get(i).floor());
            }
            if (roomId != null) {
                or.add("ri.room_id = :reachRoom");
                params.put("reachRoom", roomId);
            }
            return "(" + String.join(" OR ", or) + ")";
        }

        /** The condition on a round {@code r}: its inspector, its supervisor, or its building or floor. */
        String roundCondition(Map<String, Object> params) {
            if (all) {
                return "TRUE";
            }
            List<String> or = new ArrayList<>();
            or.add("r.inspector_account_id = :reachAccount");
            or.add("r.supervisor_account_id = :reachAccount");
            params.put("reachAccount", accountId);
            if (!buildings.isEmpty()) {
                or.add("r.building_id IN (:reachBuildings)");
                params.put("reachBuildings", buildings);
            }
            for (int i = 0; i < floors.size(); i++) {
                or.add("(r.building_id = :reachFb" + i + " AND (r.floor_number IS NULL OR r.floor_number = :reachFf" + i + "))");
                params.put("reachFb" + i, floors.get(i).buildingId());
                params.put("reachFf" + i, floors.get(i).floor());
            }
            return "(" + String.join(" OR ", or) + ")";
        }
    }

    static boolean seesEverything(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS) || viewer.has(Role.LEADER);
    }

    Reach reach(Viewer viewer) {
        if (seesEverything(viewer)) {
            return new Reach(true, Set.of(), List.of(), viewer.accountId(), null);
        }
        Set<Long> buildings = new java.util.HashSet<>();
        List<ResidenceViews.Area> floors = new ArrayList<>();
        for (ResidenceViews.Area area : residence.areasServedBy(viewer)) {
            if (area.floor() == null) {
                buildings.add(area.buildingId());
            } else {
                floors.add(area);
            }
        }
        Long room = viewer.studentId() == null ? null
                : residence.placeOf(viewer.studentId()).map(p -> p.roomId()).orElse(null);
        return new Reach(false, buildings, floors, viewer.accountId(), room);
    }

    /** The building manager of this building (a staff member holding the role). */
    boolean manages(Viewer viewer, long buildingId) {
        return viewer.has(Role.BUILDING_MANAGER) && viewer.staffId() != null
                && viewer.staffId().equals(residence.building(buildingId).managerId());
    }

    /** Inspectors (self-discipline committee members serving today) and building managers do rounds. */
    boolean inspects(Viewer viewer) {
        return organisations.isInspector(viewer) || (viewer.has(Role.BUILDING_MANAGER) && viewer.staffId() != null);
    }

    /** May see the inspection pages at all: anyone with some reach, inspectors, and residents. */
    boolean maySeeInspections(Viewer viewer) {
        if (seesEverything(viewer) || inspects(viewer)) {
            return true;
        }
        Reach reach = reach(viewer);
        return !reach.buildings().isEmpty() || !reach.floors().isEmpty() || reach.roomId() != null;
    }

    static Map<String, Object> params() {
        return new HashMap<>();
    }
}
