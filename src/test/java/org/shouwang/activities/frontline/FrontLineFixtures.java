package org.shouwang.activities.frontline;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.shouwang.DemoUsers;
import org.shouwang.TestClock;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.Audience;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.identity.Account;
import org.shouwang.identity.Accounts;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Front-line activities walked through the real moves: a fresh leader (so that counts and notices
 * of other tests never disturb a record), a dinner meeting the Party office plans for them and
 * student affairs approves, students who registered and, when asked, checked in. A meeting already
 * held is planned with the clock set back, so that it is over by now.
 */
@Component
public class FrontLineFixtures {

    static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");
    public static final String PASSWORD = "Leader2026";

    private final Activities activities;
    private final CheckIns checkIns;
    private final Accounts accounts;
    private final DemoUsers users;
    private final TestClock clock;
    private final JdbcTemplate jdbc;

    FrontLineFixtures(Activities activities, CheckIns checkIns, Accounts accounts, DemoUsers users, TestClock clock, JdbcTemplate jdbc) {
        this.activities = activities;
        this.checkIns = checkIns;
        this.accounts = accounts;
        this.users = users;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A new leader account (no staff record, like the demo leader), its first password already changed. */
    public Viewer leader() {
        String username = "leader-" + UUID.randomUUID().toString().substring(0, 8);
        Account account = accounts.create(users.viewer("admin"),
                new Accounts.Draft(username, "校领导" + username.substring(7), null, Set.of(Role.LEADER), null, "Initial2026"));
        accounts.changePassword(users.viewer(username), "Initial2026", PASSWORD);
        return users.viewer(account.username());
    }

    /** A front-line activity of this type the leader leads, starting at {@code starts}; seats for 12, no waitlist. */
    ActivityDraft meeting(ActivityType type, Viewer leader, String title, Instant starts) {
        return new ActivityDraft(title, "校领导与学生面对面：" + title, type, null, "守望", Set.of(FiveEducation.MORAL),
                OrganiserKind.PARTY_BRANCH, "党委学生工作部", leader.accountId(), null, "学生社区一楼活动室", starts,
                starts.plus(Duration.ofHours(2)), Audience.EVERYONE, null, null, null, 12, 0,
                starts.minus(Duration.ofDays(5)), starts.minus(Duration.ofHours(1)), starts.minus(Duration.ofHours(1)),
                new BigDecimal("1.5"), BigDecimal.ZERO, false);
    }

    /** Planned by the Party office ("party"), approved by student affairs, with the clock as it is now. */
    long published(ActivityDraft draft) {
        Viewer organiser = users.viewer("party");
        long id = activities.create(organiser, draft);
        activities.submit(organiser, id, null);
        activities.approve(users.viewer("affairs"), id, null);
        return id;
    }

    /**
     * A dinner meeting that took place {@code daysAgo} days ago: planned and registered for with the
     * clock set back before it, the first {@code present} of the students checked in during it.
     */
    public long held(Viewer leader, String title, int daysAgo, List<Viewer> students, int present) {
        Instant now = Instant.now();
        Instant starts = now.minus(Duration.ofDays(daysAgo)).truncatedTo(ChronoUnit.HOURS);
        try {
            clock.fix(starts.minus(Duration.ofDays(2)));
            long id = published(meeting(ActivityType.DINNER_MEETING, leader, title, starts));
            for (Viewer s : students) {
                activities.register(s, id);
            }
            if (present > 0) {
                clock.fix(starts.plus(Duration.ofMinutes(10)));
                checkIns.manual(users.viewer("party"), id, String.join(" ", students.subList(0, present).stream()
                        .map(this::numberOf).toList()));
            }
            return id;
        } finally {
            clock.reset();
        }
    }

    /** Students with opened accounts, {@code skip} in, so that tests pick different ones. */
    public List<Viewer> students(int skip, int count) {
        return jdbc.query("""
                        SELECT a.id, a.username, a.display_name, a.student_id FROM account a
                        WHERE a.student_id IS NOT NULL ORDER BY a.id LIMIT ? OFFSET ?""",
                (rs, n) -> new Viewer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Set.of(Role.STUDENT), rs.getLong("student_id"), null, null), count, skip);
    }

    public String numberOf(Viewer student) {
        return jdbc.queryForObject("SELECT student_number FROM student WHERE id = ?", String.class, student.studentId());
    }

    public static int yearOf(Instant instant) {
        return LocalDate.ofInstant(instant, CAMPUS).getYear();
    }

    public Instant startsAt(long activityId) {
        return jdbc.queryForObject("SELECT starts_at FROM activity WHERE id = ?", java.time.OffsetDateTime.class, activityId).toInstant();
    }
}
