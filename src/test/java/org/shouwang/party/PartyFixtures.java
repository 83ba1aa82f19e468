package org.shouwang.party;

import java.util.concurrent.atomic.AtomicInteger;

import org.shouwang.DemoUsers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Branches and people of the tests' own, under the demo working committee, with names no other test uses. */
@Component
public class PartyFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final PartyOrganisations organisations;
    private final DemoUsers users;
    private final JdbcTemplate jdbc;

    PartyFixtures(PartyOrganisations organisations, DemoUsers users, JdbcTemplate jdbc) {
        this.organisations = organisations;
        this.users = users;
        this.jdbc = jdbc;
    }

    public long workingCommittee() {
        return jdbc.queryForObject("SELECT id FROM party_organisation WHERE name = '学生社区党工委'", Long.class);
    }

    /** A new functional branch under the working committee with this secretary. */
    public long branch(String label, String secretary) {
        return organisations.create(users.viewer("admin"), new PartyOrganisationDraft(label + "测试支部" + SEQUENCE.incrementAndGet(),
                PartyOrganisationKind.BRANCH, workingCommittee(), true, null, secretary, null, null));
    }

    /** A student number on no roster, that is also the username of the student's account. */
    public String freeStudent() {
        return jdbc.queryForObject("""
                SELECT min(student_number) FROM student
                WHERE id NOT IN (SELECT student_id FROM party_member WHERE student_id IS NOT NULL)
                  AND student_number IN (SELECT username FROM account)""", String.class);
    }
}
