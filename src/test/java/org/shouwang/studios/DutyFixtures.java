package org.shouwang.studios;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import org.shouwang.DemoUsers;
import org.shouwang.TestClock;
import org.shouwang.identity.Accounts;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * Fresh staff accounts and studios for duty tests, and a campus clock fixed in a week of 2031 that
 * no demo roster reaches: each test plans its own shifts for its own people.
 */
@Component
public class DutyFixtures {

    /** Monday 3 March 2031, 09:00 on campus. */
    public static final LocalDateTime MONDAY_9 = LocalDateTime.of(2031, 3, 3, 9, 0);

    private final Accounts accounts;
    private final Studios studios;
    private final Residence residence;
    private final DemoUsers users;
    private final TestClock clock;
    private String hash;

    DutyFixtures(Accounts accounts, Studios studios, Residence residence, DemoUsers users, TestClock clock) {
        this.accounts = accounts;
        this.studios = studios;
        this.residence = residence;
        this.users = users;
        this.clock = clock;
    }

    /** Fixes the campus clock at this local time. */
    public void at(LocalDateTime campus) {
        clock.fix(campus.atZone(CampusTime.ZONE).toInstant());
    }

    public ZonedDateTime zoned(LocalDateTime campus) {
        return campus.atZone(CampusTime.ZONE);
    }

    /** A new staff account holding the role; its username. */
    public String staff(String purpose, Role role) {
        String username = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        return staff(username, role, "值班·" + username);
    }

    /** A new staff account with this username and name (password {@link DemoUsers#PASSWORD}). */
    public String staff(String username, Role role, String displayName) {
        if (hash == null) {
            hash = accounts.hash(DemoUsers.PASSWORD);
        }
        accounts.createQuietly(username, hash, displayName, null, null, null, Set.of(role));
        return username;
    }

    public Viewer viewer(String username) {
        return users.viewer(username);
    }

    public Viewer admin() {
        return users.viewer("admin");
    }

    /** A new studio led by the leader, with the members. */
    public long studio(String leader, String... members) {
        return named("值班测试工作室 " + UUID.randomUUID().toString().substring(0, 8), leader, members);
    }

    public long named(String name, String leader, String... members) {
        long id = studios.create(admin(), new StudioDraft(name,
                StudioType.PARTNER, null, "社区一楼", leader, "合作单位", "值班", "每天", null));
        for (String m : members) {
            studios.addMember(admin(), id, m);
        }
        return id;
    }

    public long firstBuilding() {
        return residence.buildingNames().keySet().iterator().next();
    }

    public long secondBuilding() {
        return residence.buildingNames().keySet().stream().skip(1).findFirst().orElseThrow();
    }

    /** The building the demo student lives in. */
    public long buildingOf(String student) {
        return residence.placeOf(users.viewer(student).studentId()).orElseThrow().buildingId();
    }

    public DutyDraft shift(String username, long building, Long studio, LocalDateTime start, LocalDateTime end) {
        return DutyDraft.of(username, building, "值班室", studio, start, end);
    }
}
