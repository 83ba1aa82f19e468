package org.shouwang.community;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.shouwang.identity.AuditLog;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection rubric (检查细则): hygiene and safety items, each with the most a room can lose on
 * it and what a defect asks for beyond the deduction. Administrators add, edit and retire items; a
 * defect keeps the item as it was when recorded, so results never change under a later edit.
 */
@Service
@Transactional
public class Rubric {

    static final int TEXT_MAX = 200;

    private final JdbcClient jdbc;
    private final InspectionScope scope;
    private final AuditLog audit;
    private final Clock clock;

    Rubric(JdbcClient jdbc, InspectionScope scope, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every item, the active ones first (hygiene before safety), for whoever may see inspections. */
    @Transactional(readOnly = true)
    public List<InspectionViews.Item> items(Viewer viewer, boolean activeOnly) {
        if (!scope.maySeeInspections(viewer)) {
            throw new NotFoundException("page", "inspections/rubric");
        }
        return all(activeOnly);
    }

    List<InspectionViews.Item> all(boolean activeOnly) {
        return jdbc.sql("SELECT * FROM inspection_item" + (activeOnly ? " WHERE active" : "")
                        + " ORDER BY active DESC, area, id")
                .query((rs, n) -> new InspectionViews.Item(rs.getLong("id"), rs.getInt("version"),
                        InspectionArea.valueOf(rs.getString("area")), rs.getString("text"), rs.getInt("max_deduction"),
                        DefectKind.valueOf(rs.getString("kind")), rs.getString("repair_subcategory"), rs.getBoolean("active")))
                .list();
    }

    @Transactional(readOnly = true)
    public InspectionViews.Item item(long id) {
        return all(false).stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("inspectionItem", id));
    }

    public long add(Viewer admin, InspectionViews.ItemDraft draft) {
        requireAdmin(admin);
        Checked c = check(draft);
        jdbc.sql("""
                        INSERT INTO inspection_item (area, text, max_deduction, kind, repair_subcategory, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(c.area().name(), c.text(), c.max(), c.kind().name(), c.subcategory(), Timestamps.of(clock.instant()))
                .update();
        long id = jdbc.sql("SELECT max(id) FROM inspection_item WHERE text = ?").param(c.text()).query(Long.class).single();
        audit.record(admin, "inspection.item.add", "inspectionItem", id, c.text() + " -" + c.max());
        return id;
    }

    /** Changes an item for the rounds to come; recorded defects keep what they used. */
    public void edit(Viewer admin, long id, InspectionViews.ItemDraft draft) {
        requireAdmin(admin);
        item(id);
        Checked c = check(draft);
        jdbc.sql("""
                        UPDATE inspection_item SET area = ?, text = ?, max_deduction = ?, kind = ?, repair_subcategory = ?,
                               version = version + 1 WHERE id = ?""")
                .params(c.area().name(), c.text(), c.max(), c.kind().name(), c.subcategory(), id).update();
        audit.record(admin, "inspection.item.edit", "inspectionItem", id, c.text() + " -" + c.max());
    }

    /** Retires an item (or brings it back): retired items are not offered on new rounds. */
    public void retire(Viewer admin, long id, boolean retired) {
        requireAdmin(admin);
        InspectionViews.Item item = item(id);
        if (item.active() != retired) {
            throw new RuleViolation(retired ? "inspection.item.alreadyRetired" : "inspection.item.notRetired");
        }
        jdbc.sql("UPDATE inspection_item SET active = ?, version = version + 1 WHERE id = ?").params(!retired, id).update();
        audit.record(admin, retired ? "inspection.item.retire" : "inspection.item.restore", "inspectionItem", id, item.text());
    }

    private record Checked(InspectionArea area, String text, int max, DefectKind kind, String subcategory) {
    }

    private static Checked check(InspectionViews.ItemDraft d) {
        Fields f = new Fields();
        InspectionArea area = choice(InspectionArea.class, d.area(), "area", f);
        String text = f.text(d.text(), "text", TEXT_MAX, true);
        Integer max = number(d.maxDeduction(), "maxDeduction", 1, 100, f);
        DefectKind kind = choice(DefectKind.class, d.kind(), "kind", f);
        Category.Subcategory sub = null;
        if (d.repairSubcategory() != null && !d.repairSubcategory().isBlank()) {
            sub = choice(Category.Subcategory.class, d.repairSubcategory(), "repairSubcategory", f);
        }
        if (kind == DefectKind.NEEDS_REPAIR && sub == null && !f.has("repairSubcategory")) {
            f.add("repairSubcategory", "inspection.item.subcategoryRequired");
        }
        f.check();
        return new Checked(area, text, max, kind, kind == DefectKind.NEEDS_REPAIR ? sub.name() : null);
    }

    /** A value of an enum as typed; blank or unknown is a field problem. */
    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Fields f) {
        if (value == null || value.isBlank()) {
            f.add(field, "field.required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            f.add(field, "inspection.unknownChoice");
            return null;
        }
    }

    /** A whole number as typed, between min and max; blank, not a number or out of range is a field problem. */
    static Integer number(String value, String field, int min, int max, Fields f) {
        if (value == null || value.isBlank()) {
            f.add(field, "field.required");
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                f.add(field, "inspection.numberRange", min, max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            f.add(field, "inspection.notANumber");
            return null;
        }
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("page", "inspections/rubric");
        }
    }
}
