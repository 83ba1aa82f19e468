package org.shouwang.studios;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.shouwang.DemoUsers;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fresh studios (unique names) with their staff, slots on days of their own far ahead (so that no
 * test's slot overlaps another's or the demo's), and student viewers.
 */
@Component
public class AppointmentFixtures {

    private static final AtomicInteger DAYS = new AtomicInteger();

    private final Studios studios;
    private final Slots slots;
    private final DemoUsers users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AppointmentFixtures(Studios studios, Slots slots, DemoUsers users, JdbcTemplate jdbc, Clock clock) {
        this.studios = studios;
        this.slots = slots;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A psychology studio led by the psychology centre (psych), with the counsellor as a member. */
    public long psychologyStudio() {
        long id = studio(StudioType.PSYCHOLOGY, "psych");
        studios.addMember(users.viewer("admin"), id, "counsellor");
        return id;
    }

    /** A career studio led by the studio staff member (studio). */
    public long careerStudio() {
        return studio(StudioType.CAREER, "studio");
    }

    public long studio(StudioType type, String leader) {
        return studios.create(users.viewer("admin"), new StudioDraft("测试工作室-" + type + "-" + UUID.randomUUID().toString()
                .substring(0, 8), type, null, "社区一楼 105", leader, null, "咨询", "工作日 9:00–17:00", null));
    }

    /** A campus day of this test's own, far ahead. */
    public LocalDate day() {
        return CampusTime.today(clock).plusDays(200 + DAYS.getAndIncrement());
    }

    public Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(CampusTime.ZONE).toInstant();
    }

    /** One 50-minute slot on a day of its own, received by the studio's leader. */
    public long slot(long studioId, String leader, AppointmentService service) {
        Instant start = at(day(), 10, 0);
        return slots.publish(users.viewer(leader), studioId, new SlotDraft(service, null, null, start, start.plusSeconds(3000)));
    }

    public long slotAt(long studioId, String leader, AppointmentService service, Instant start) {
        return slots.publish(users.viewer(leader), studioId, new SlotDraft(service, null, null, start, start.plusSeconds(3000)));
    }

    /** Student viewers that no other appointment test uses: each test class takes its own range. */
    public List<Viewer> students(int offset, int count) {
        return jdbc.queryForList("""
                        SELECT username FROM account WHERE student_id IS NOT NULL AND enabled AND username <> 'student'
                        ORDER BY id LIMIT ? OFFSET ?""", String.class, count, offset).stream().map(users::viewer).toList();
    }
}
