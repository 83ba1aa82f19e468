package org.shouwang.community;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.shouwang.notifications.Notice;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' appeals (申诉) against a deduction on their room, within a few days of the inspection.
 * The building manager or the committee's advisor decides: upheld removes the deduction and the
 * room's score is worked out again; the resident is told either way.
 */
@Service
@Transactional
public class InspectionAppeals {

    static final int REASON_MAX = 1000;

    private final JdbcClient jdbc;
    private final Inspections inspections;
    private final InspectionScope scope;
    private final People people;
    private final Residence residence;
    private final InspectionsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InspectionAppeals(JdbcClient jdbc, Inspections inspections, InspectionScope scope, @Lazy People people,
                      @Lazy Residence residence, InspectionsProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.scope = scope;
        this.people = people;
        this.residence = residence;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A resident of the room appeals one deduction with a reason, within {@code appealDays} of the
     * inspection. After the window, without a reason, or twice on one deduction: a field error, nothing written.
     */
    public long file(Viewer resident, long inspectionId, Long defectId, String reason) {
        InspectionViews.Result result = inspections.result(resident, inspectionId);
        Long room = resident.studentId() == null ? null
                : residence.placeOf(resident.studentId()).map(p -> p.roomId()).orElse(null);
        if (room == null || room != result.roomId()) {
            throw new NotFoundException("inspection", inspectionId);
        }
        jdbc.sql("SELECT id FROM room_inspection WHERE id = ? FOR UPDATE").param(inspectionId).query(Long.class).single();
        Fields f = new Fields();
        Optional<InspectionViews.Defect> defect = defectId == null ? Optional.empty()
                : result.defects().stream().filter(d -> d.id() == defectId).findFirst();
        if (defectId == null) {
            f.add("defectId", "field.required");
        } else if (defect.isEmpty()) {
            f.add("defectId", "inspection.appeal.unknownDefect");
        } else if (defect.get().waived() || jdbc.sql("SELECT count(*) FROM inspection_appeal WHERE defect_id = ?").param(defectId)
                .query(Long.class).single() > 0) {
            f.add("defectId", "inspection.appeal.alreadyAppealed");
        }
        String text = f.text(reason, "reason", REASON_MAX, true);
        LocalDate until = result.heldOn().plusDays(properties.appealDays());
        if (CampusTime.today(clock).isAfter(until)) {
            f.add("reason", "inspection.appeal.windowClosed", properties.appealDays(), until.toString());
        }
        f.check();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO inspection_appeal (defect_id, inspection_id, student_id, account_id, reason, state, filed_at)
                        VALUES (?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(defectId, inspectionId, resident.studentId(), resident.accountId(), text, Timestamps.of(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        long supervisor = jdbc.sql("SELECT r.supervisor_account_id FROM inspection_round r JOIN room_inspection ri ON ri.round_id = r.id WHERE ri.id = ?")
                .param(inspectionId).query(Long.class).single();
        events.publishEvent(new Notice("inspection-appeal-" + id, Set.of(supervisor), "inspection.notice.appealFiled",
                List.of(result.building() + " " + result.room(), defect.get().item()), "/inspections/results/" + inspectionId));
        return id;
    }

    /** Appeals waiting for a decision that the viewer may decide, oldest first. */
    @Transactional(readOnly = true)
    public List<InspectionViews.AppealRow> pending(Viewer viewer) {
        if (!inspections.maySeeInspections(viewer)) {
            throw new NotFoundException("page", "inspections/appeals");
        }
        Map<String, Object> params = InspectionScope.params();
        String condition = scope.reach(viewer).resultCondition(params);
        Map<Long, String> buildings = residence.buildingNames();
        List<Object[]> rows = jdbc.sql("""
                        SELECT a.id, a.inspection_id, ri.building_id, ri.room_number, d.item_text, d.deduction, a.student_id, a.reason,
                               a.filed_at, r.supervisor_account_id
                        FROM inspection_appeal a JOIN inspection_defect d ON d.id = a.defect_id
                        JOIN room_inspection ri ON ri.id = a.inspection_id JOIN inspection_round r ON r.id = ri.round_id
                        WHERE a.state = 'PENDING' AND %s ORDER BY a.filed_at, a.id LIMIT 200""".formatted(condition))
                .params(params)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getObject(9, java.time.OffsetDateTime.class).toInstant(),
                        rs.getLong(10)})
                .list();
        Map<Long, StudentSummary> students = people.summaries(rows.stream().map(r -> (Long) r[6]).toList());
        List<InspectionViews.AppealRow> mine = new ArrayList<>();
        for (Object[] r : rows) {
            if (inspections.mayDecide(viewer, (Long) r[2], (Long) r[9])) {
                mine.add(new InspectionViews.AppealRow((Long) r[0], (Long) r[1], buildings.get((Long) r[2]), (String) r[3],
                        (String) r[4], (Integer) r[5], Optional.ofNullable(students.get((Long) r[6])).map(StudentSummary::name).orElse("—"),
                        (String) r[7], (java.time.Instant) r[8]));
            }
        }
        return mine;
    }

    /**
     * The building manager or the round's supervising staff decides a pending appeal. Upheld removes the
     * deduction, works out the score again (and closes the rectification when no defect stands); the
     * resident is told.
     */
    public void decide(Viewer viewer, long appealId, Boolean upheld, String note) {
        record Row(long inspectionId, long defectId, long account, String state) {
        }
        Row a = jdbc.sql("SELECT inspection_id, defect_id, account_id, state FROM inspection_appeal WHERE id = ? FOR UPDATE")
                .param(appealId).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .optional().orElseThrow(() -> new NotFoundException("appeal", appealId));
        InspectionViews.Result result = inspections.result(viewer, a.inspectionId());
        if (!result.mayDecide()) {
            throw new NotFoundException("appeal", appealId);
        }
        if (!"PENDING".equals(a.state())) {
            throw new RuleViolation("inspection.appeal.decided");
        }
        Fields f = new Fields();
        f.required(upheld, "upheld");
        String text = f.text(note, "note", REASON_MAX, Boolean.FALSE.equals(upheld));
        f.check();
        jdbc.sql("""
                        UPDATE inspection_appeal SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = version + 1
                        WHERE id = ?""")
                .params(upheld ? "UPHELD" : "REJECTED", viewer.accountId(), Timestamps.of(clock.instant()), text == null ? "" : text,
                        appealId)
                .update();
        int score = result.score();
        if (upheld) {
            jdbc.sql("UPDATE inspection_defect SET waived = TRUE WHERE id = ?").param(a.defectId()).update();
            int deductions = jdbc.sql("SELECT coalesce(sum(deduction), 0) FROM inspection_defect WHERE inspection_id = ? AND NOT waived")
                    .param(a.inspectionId()).query(Integer.class).single();
            score = Math.max(0, Inspections.FULL_SCORE - deductions);
            jdbc.sql("UPDATE room_inspection SET score = ? WHERE id = ?").params(score, a.inspectionId()).update();
            if (jdbc.sql("SELECT count(*) FROM inspection_defect WHERE inspection_id = ? AND NOT waived").param(a.inspectionId())
                    .query(Long.class).single() == 0) {
                jdbc.sql("UPDATE rectification SET state = 'CANCELLED', version = version + 1 WHERE inspection_id = ? AND state = 'OPEN'")
                        .param(a.inspectionId()).update();
            }
        }
        events.publishEvent(new Notice("inspection-appeal-decided-" + appealId, Set.of(a.account()),
                upheld ? "inspection.notice.appealUpheld" : "inspection.notice.appealRejected",
                List.of(result.building() + " " + result.room(), String.valueOf(score)), "/inspections/my-room"));
    }
}
