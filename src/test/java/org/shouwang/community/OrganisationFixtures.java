package org.shouwang.community;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.shouwang.DemoUsers;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.shared.CampusTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Organisations of unique names for tests, and the demo students' numbers. */
@Component
public class OrganisationFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Organisations organisations;
    private final DemoUsers users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OrganisationFixtures(Organisations organisations, DemoUsers users, JdbcTemplate jdbc, Clock clock) {
        this.organisations = organisations;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String uniqueName(String prefix) {
        return prefix + "-" + System.nanoTime() % 100000 + "-" + SEQUENCE.incrementAndGet();
    }

    /** A club advised by the given staff account, created by the demo admin. */
    public long club(String prefix, String advisor) {
        return organisations.create(users.viewer("admin"), new OrganisationDraft(uniqueName(prefix), OrganisationKind.CLUB, advisor,
                "测试用社团", CampusTime.today(clock).minusYears(3)));
    }

    public String numberOf(String username) {
        return jdbc.queryForObject("SELECT s.student_number FROM student s JOIN account a ON a.student_id = s.id WHERE a.username = ?",
                String.class, username);
    }

    /** The n-th student (by number) who has no demo account of their own, so that other tests do not meet them. */
    public String anotherStudent(int n) {
        return jdbc.queryForObject("""
                SELECT s.student_number FROM student s WHERE s.id NOT IN (SELECT a.student_id FROM account a
                  WHERE a.username IN ('student', 'floorleader', 'buildingleader', 'inspector'))
                ORDER BY s.student_number DESC LIMIT 1 OFFSET ?""", String.class, 20 + n);
    }

    /** The same plan, organised by a student organisation of that name. */
    public static ActivityDraft organisedBy(ActivityDraft d, String name) {
        return new ActivityDraft(d.title(), d.description(), d.type(), d.series(), d.brand(), d.educations(),
                OrganiserKind.STUDENT_ORGANISATION, name, d.leaderAccountId(), d.buildingId(), d.venue(), d.startsAt(), d.endsAt(),
                d.audience(), d.audienceCollegeId(), d.audienceGrade(), d.audienceBuildingId(), d.capacity(), d.waitlistLimit(),
                d.registrationOpensAt(), d.registrationClosesAt(), d.cancelBy(), d.hours(), d.credits(), d.hoursByDuration());
    }
}
