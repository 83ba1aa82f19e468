package org.shouwang.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Which requests a viewer may read (DESIGN §6), as one SQL condition on {@code ticket t} used by
 * every list and by the single-request check alike:
 * the requester (and those whose duplicate was merged in) and the first-inquiry owner always;
 * psychology requests otherwise only the psychology centre; everything else the dispatch desk and
 * student affairs, the handling department, the student's counsellor and head teacher, the
 * building manager and leaders for repairs and dorm life in their building or on their floor, and
 * a leader once supervision reaches them.
 */
@Component
class TicketScope {

    static final int LEADER_LEVEL = Ticket.MAX_SUPERVISION;

    private final People people;
    private final Residence residence;

    TicketScope(@Lazy People people, @Lazy Residence residence) {
        this.people = people;
        this.residence = residence;
    }

    record Condition(String sql, Map<String, Object> params) {
    }

    Condition of(Viewer viewer) {
        Map<String, Object> params = new HashMap<>();
        List<String> always = new ArrayList<>();
        params.put("scopeAccount", viewer.accountId());
        always.add("t.owner_account_id = :scopeAccount");
        if (viewer.studentId() != null) {
            params.put("scopeStudent", viewer.studentId());
            always.add("t.student_id = :scopeStudent");
            always.add("t.id IN (SELECT m.merged_into_id FROM ticket m WHERE m.student_id = :scopeStudent AND m.merged_into_id IS NOT NULL)");
        }
        if (viewer.has(Role.PSYCHOLOGY_CENTRE)) {
            always.add("t.confidential");
        }
        List<String> open = new ArrayList<>();
        if (viewer.has(Role.DISPATCH_DESK) || viewer.has(Role.STUDENT_AFFAIRS)) {
            open.add("TRUE");
        }
        if (handlesForDepartment(viewer)) {
            params.put("scopeDepartment", viewer.departmentId());
            open.add("t.department_id = :scopeDepartment");
        }
        if (viewer.has(Role.COUNSELLOR) || viewer.has(Role.HEAD_TEACHER)) {
            List<Long> classes = people.classesOf(viewer).stream().map(Structure.ClassGroup::id).toList();
            if (!classes.isEmpty()) {
                params.put("scopeClasses", classes);
                open.add("t.class_id IN (:scopeClasses)");
            }
        }
        List<ResidenceViews.Area> areas = residence.areasServedBy(viewer);
        if (!areas.isEmpty()) {
            List<String> places = new ArrayList<>();
            for (int i = 0; i < areas.size(); i++) {
                ResidenceViews.Area area = areas.get(i);
                params.put("scopeBuilding" + i, area.buildingId());
                if (area.floor() == null) {
                    places.add("t.building_id = :scopeBuilding" + i);
                } else {
                    params.put("scopeFloor" + i, area.floor());
                    places.add("(t.building_id = :scopeBuilding" + i + " AND t.floor_number = :scopeFloor" + i + ")");
                }
            }
            open.add("(t.category IN ('REPAIRS', 'DORM_LIFE') AND (" + String.join(" OR ", places) + "))");
        }
        if (viewer.has(Role.LEADER)) {
            open.add("t.supervision_level >= " + LEADER_LEVEL);
        }
        String sql = "(" + String.join(" OR ", always) + ")";
        if (!open.isEmpty()) {
            sql = "(" + sql + " OR (NOT t.confidential AND (" + String.join(" OR ", open) + ")))";
        }
        return new Condition(sql, params);
    }

    /** Handlers and heads of a department act on its requests; the psychology centre on psychology ones. */
    static boolean handlesForDepartment(Viewer viewer) {
        return viewer.departmentId() != null && (viewer.has(Role.DEPARTMENT_HANDLER) || viewer.has(Role.DEPARTMENT_HEAD)
                || viewer.has(Role.PSYCHOLOGY_CENTRE));
    }

    static boolean handles(Viewer viewer, Ticket t) {
        return handlesForDepartment(viewer) && t.departmentId != null && t.departmentId.equals(viewer.departmentId())
                && t.state.withDepartment() && (!t.confidential || viewer.has(Role.PSYCHOLOGY_CENTRE));
    }

    static boolean heads(Viewer viewer, Ticket t) {
        return viewer.has(Role.DEPARTMENT_HEAD) && viewer.departmentId() != null && viewer.departmentId().equals(t.departmentId);
    }

    static boolean dispatches(Viewer viewer, Ticket t) {
        return viewer.has(Role.DISPATCH_DESK) && !t.confidential;
    }

    static boolean requester(Viewer viewer, Ticket t) {
        return viewer.studentId() != null && viewer.studentId() == t.studentId;
    }
}
