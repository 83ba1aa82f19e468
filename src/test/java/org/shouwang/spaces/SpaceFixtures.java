package org.shouwang.spaces;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shouwang.DemoUsers;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Spaces, students and campus times for the space tests. */
@Component
public class SpaceFixtures {

    private final Spaces spaces;
    private final DemoUsers users;
    private final JdbcTemplate jdbc;
    private final java.util.concurrent.atomic.AtomicInteger handedOut = new java.util.concurrent.atomic.AtomicInteger();

    SpaceFixtures(Spaces spaces, DemoUsers users, JdbcTemplate jdbc) {
        this.spaces = spaces;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The first demo building (the demo manager's). */
    public long building() {
        return jdbc.queryForObject("SELECT min(id) FROM building", Long.class);
    }

    /** A draft of a study room open 08:00–22:00 every day, two hours at most, a week ahead. */
    public SpaceDraft studyRoom(String name, boolean needsApproval) {
        return new SpaceDraft(name, SpaceKind.STUDY_ROOM, building(), 1, "101", 6, "白板、投影", "安静自习", LocalTime.of(8, 0),
                LocalTime.of(22, 0), EnumSet.allOf(DayOfWeek.class), true, true, true, 120, 7, needsApproval, null);
    }

    public long create(SpaceDraft draft) {
        return spaces.create(users.viewer("admin"), draft);
    }

    /** A campus wall-clock time on a day counted from the clock's today. */
    public Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(CampusTime.ZONE).toInstant();
    }

    /** Students no earlier call handed out (from the last accounts), so each test's bookings are its own. */
    public List<Viewer> students(int count) {
        int offset = handedOut.getAndAdd(count);
        return jdbc.query("""
                        SELECT a.id, a.username, a.display_name, a.student_id FROM account a
                        WHERE a.student_id IS NOT NULL ORDER BY a.id DESC LIMIT ? OFFSET ?""",
                (rs, n) -> new Viewer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Set.of(Role.STUDENT), rs.getLong("student_id"), null, null), count, offset);
    }
}
