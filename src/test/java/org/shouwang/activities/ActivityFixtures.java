package org.shouwang.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.shouwang.DemoUsers;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Activities walked through the real moves (drafted, submitted, approved), and students to register for them. */
@Component
public class ActivityFixtures {

    private final Activities activities;
    private final DemoUsers users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ActivityFixtures(Activities activities, DemoUsers users, JdbcTemplate jdbc, Clock clock) {
        this.activities = activities;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A lecture for everyone a week from now; registration open since an hour ago until an hour before the start. */
    public ActivityDraft lecture(String title, int capacity, Integer waitlist) {
        Instant starts = clock.instant().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return new ActivityDraft(title, "讲座介绍：" + title, ActivityType.LECTURE, "求是讲堂", "守望",
                Set.of(FiveEducation.INTELLECTUAL, FiveEducation.MORAL), OrganiserKind.DEPARTMENT, "学生工作部", null, null,
                "学生社区报告厅", starts, starts.plus(Duration.ofHours(2)), Audience.EVERYONE, null, null, null, capacity, waitlist,
                clock.instant().minus(Duration.ofHours(1)), starts.minus(Duration.ofHours(1)), starts.minus(Duration.ofDays(1)),
                new BigDecimal("2.0"), new BigDecimal("0.5"), false);
    }

    /** Drafted by the demo counsellor, approved by student affairs. */
    public long published(ActivityDraft draft) {
        long id = activities.create(users.viewer("counsellor"), draft);
        activities.submit(users.viewer("counsellor"), id, null);
        activities.approve(users.viewer("affairs"), id, null);
        return id;
    }

    /** Signed-in students (as viewers), each a different one, with opened accounts. */
    public List<Viewer> students(int count) {
        return jdbc.query("""
                        SELECT a.id, a.username, a.display_name, a.student_id FROM account a
                        WHERE a.student_id IS NOT NULL ORDER BY a.id LIMIT ?""",
                (rs, n) -> new Viewer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Set.of(Role.STUDENT), rs.getLong("student_id"), null, null), count);
    }
}
