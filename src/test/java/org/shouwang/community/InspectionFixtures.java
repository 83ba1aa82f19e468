package org.shouwang.community;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.shouwang.DemoUsers;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inspections' own world for a test: a self-discipline committee of its own (advisor {@code headteacher})
 * with a fresh student of the manager's building as inspector, rubric items of every kind, and rooms
 * of that building with residents.
 */
@Component
public class InspectionFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Organisations organisations;
    private final Rubric rubric;
    private final DemoUsers users;
    private final JdbcTemplate jdbc;

    InspectionFixtures(Organisations organisations, Rubric rubric, DemoUsers users, JdbcTemplate jdbc) {
        this.organisations = organisations;
        this.rubric = rubric;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The building the demo {@code manager} manages. */
    public long managersBuilding() {
        return jdbc.queryForObject("SELECT bu.id FROM building bu JOIN account a ON a.staff_id = bu.manager_staff_id WHERE a.username = 'manager'",
                Long.class);
    }

    /** A fresh inspector: a resident of the manager's building on no committee, appointed to a new committee. */
    public Viewer newInspector(String advisor) {
        int n = COUNTER.incrementAndGet();
        long committee = organisations.create(users.viewer("admin"), new OrganisationDraft("测试自律委员会-检查-" + n + "-" + System.nanoTime(),
                OrganisationKind.SELF_DISCIPLINE, advisor, null, LocalDate.of(2020, 9, 1)));
        String username = jdbc.queryForObject("""
                SELECT min(a.username) FROM account a JOIN bed b ON b.occupant_id = a.student_id JOIN room r ON r.id = b.room_id
                JOIN floor f ON f.id = r.floor_id WHERE f.building_id = ? AND f.number = 1
                  AND a.student_id NOT IN (SELECT student_id FROM organisation_member)""", String.class, managersBuilding());
        String number = jdbc.queryForObject("SELECT s.student_number FROM student s JOIN account a ON a.student_id = s.id WHERE a.username = ?",
                String.class, username);
        organisations.appoint(users.viewer(advisor), committee, number, Position.MEMBER, LocalDate.of(2020, 9, 1), null);
        return users.viewer(username);
    }

    /** A floor of the manager's building (not the ground floor) whose rooms all have residents, rotating so tests differ. */
    public int floorWithResidents() {
        List<Integer> floors = jdbc.queryForList("""
                SELECT f.number FROM floor f WHERE f.building_id = ? AND f.number > 1
                  AND NOT EXISTS (SELECT 1 FROM room r WHERE r.floor_id = f.id
                                    AND NOT EXISTS (SELECT 1 FROM bed b WHERE b.room_id = r.id AND b.occupant_id IS NOT NULL))
                ORDER BY f.number""", Integer.class, managersBuilding());
        return floors.get(COUNTER.incrementAndGet() % floors.size());
    }

    private final java.util.List<Long> items = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Retires the items the tests added, so that the shared rubric stays the demo's. */
    public void retireItems() {
        for (long id : items) {
            if (rubric.item(id).active()) {
                rubric.retire(users.viewer("admin"), id, true);
            }
        }
        items.clear();
    }

    public long item(String text, InspectionArea area, int max, DefectKind kind, String repair) {
        long id = rubric.add(users.viewer("admin"), new InspectionViews.ItemDraft(area.name(), text + "-" + System.nanoTime(),
                String.valueOf(max), kind.name(), repair));
        items.add(id);
        return id;
    }

    /** The username of a resident of the room. */
    public String residentOf(long roomId) {
        return jdbc.queryForObject("""
                SELECT min(a.username) FROM account a JOIN bed b ON b.occupant_id = a.student_id WHERE b.room_id = ?""",
                String.class, roomId);
    }
}
