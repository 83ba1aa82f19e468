package org.shouwang.community;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification (整改): a room with defects puts them right by a date; a re-inspection passes it, or
 * finds it still failing and sets a new date. Open ones past their date are overdue and show first
 * on the building manager's list.
 */
@Service
@Transactional
public class Rectifications {

    private final JdbcClient jdbc;
    private final InspectionScope scope;
    private final Inspections inspections;
    private final Organisations organisations;
    private final Residence residence;
    private final InspectionsProperties properties;
    private final Clock clock;

    Rectifications(JdbcClient jdbc, InspectionScope scope, Inspections inspections, @Lazy Organisations organisations,
                   @Lazy Residence residence, InspectionsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.inspections = inspections;
        this.organisations = organisations;
        this.residence = residence;
        this.properties = properties;
        this.clock = clock;
    }

    /** Open rectifications the viewer may see, overdue first, then by date. */
    @Transactional(readOnly = true)
    public List<InspectionViews.RectificationRow> open(Viewer viewer, boolean overdueOnly) {
        if (!inspections.maySeeInspections(viewer)) {
            throw new NotFoundException("page", "inspections/rectifications");
        }
        Map<String, Object> params = InspectionScope.params();
        String condition = scope.reach(viewer).resultCondition(params);
        LocalDate today = CampusTime.today(clock);
        params.put("today", today);
        Map<Long, String> buildings = residence.buildingNames();
        return jdbc.sql("""
                        SELECT x.id, x.inspection_id, ri.building_id, ri.floor_number, ri.room_number, ri.held_on, x.due_on, x.failed_checks
                        FROM rectification x JOIN room_inspection ri ON ri.id = x.inspection_id JOIN inspection_round r ON r.id = ri.round_id
                        WHERE x.state = 'OPEN' AND %s %s ORDER BY x.due_on, x.id LIMIT 300"""
                        .formatted(condition, overdueOnly ? "AND x.due_on < :today" : ""))
                .params(params)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    return new InspectionViews.RectificationRow(rs.getLong("id"), rs.getLong("inspection_id"),
                            buildings.get(rs.getLong("building_id")), rs.getInt("floor_number"), rs.getString("room_number"),
                            rs.getObject("held_on", LocalDate.class), due, rs.getInt("failed_checks"), due.isBefore(today));
                })
                .list();
    }

    /**
     * Re-inspects a room: passed closes the rectification; still failing counts the failure and sets a
     * new date. For the building manager, the round's supervising staff and inspectors of the committee.
     */
    public void reinspect(Viewer viewer, long rectificationId, Boolean passed, String note) {
        Long inspectionId = jdbc.sql("SELECT inspection_id FROM rectification WHERE id = ? FOR UPDATE").param(rectificationId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("rectification", rectificationId));
        InspectionViews.Result result = inspections.result(viewer, inspectionId);
        if (!result.mayReinspect()) {
            if (result.rectification() != null && !"OPEN".equals(result.rectification().state())) {
                throw new RuleViolation("inspection.rectificationClosed");
            }
            throw new NotFoundException("rectification", rectificationId);
        }
        Fields f = new Fields();
        f.required(passed, "passed");
        String text = f.text(note, "note", 500, Boolean.FALSE.equals(passed));
        f.check();
        if (passed) {
            jdbc.sql("""
                            UPDATE rectification SET state = 'PASSED', last_note = ?, checked_by = ?, checked_at = ?, version = version + 1
                            WHERE id = ?""")
                    .params(text == null ? "" : text, viewer.accountId(), Timestamps.of(clock.instant()), rectificationId).update();
        } else {
            jdbc.sql("""
                            UPDATE rectification SET failed_checks = failed_checks + 1, due_on = ?, last_note = ?, checked_by = ?,
                                   checked_at = ?, version = version + 1 WHERE id = ?""")
                    .params(CampusTime.today(clock).plusDays(properties.rectificationDays()), text, viewer.accountId(),
                            Timestamps.of(clock.instant()), rectificationId)
                    .update();
        }
    }
}
