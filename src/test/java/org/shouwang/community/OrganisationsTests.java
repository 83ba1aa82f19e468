package org.shouwang.community;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class OrganisationsTests {

    @Autowired Organisations organisations;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    private String numberOf(String username) {
        return jdbc.queryForObject("SELECT s.student_number FROM student s JOIN account a ON a.student_id = s.id WHERE a.username = ?",
                String.class, username);
    }

    @Test
    void theAdvisorAppointsMembersAndSelfDisciplineMembersInspectUnderTheirAdvisor() {
        long id = organisations.create(users.viewer("admin"), new OrganisationDraft("测试自律委员会", OrganisationKind.SELF_DISCIPLINE,
                "headteacher", "宿舍卫生与安全自律", LocalDate.of(2020, 9, 1)));
        organisations.appoint(users.viewer("headteacher"), id, numberOf("floorleader"), Position.MINISTER, null, null);

        assertThat(organisations.organisation(id).members()).extracting(OrganisationViews.Member::position)
                .containsExactly(Position.MINISTER);
        assertThat(organisations.isInspector(users.viewer("floorleader"))).isTrue();
        assertThat(organisations.supervisorOf(users.viewer("floorleader").studentId()))
                .contains(users.viewer("headteacher").accountId());
        assertThatThrownBy(() -> organisations.appoint(users.viewer("headteacher"), id, numberOf("floorleader"),
                Position.MEMBER, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("organisation.alreadyMember"));
        assertThatThrownBy(() -> organisations.appoint(users.viewer("counsellor"), id, numberOf("student"), Position.MEMBER,
                null, null)).isInstanceOf(NotFoundException.class);
        assertThat(organisations.isInspector(users.viewer("student"))).isFalse();
    }

    @Test
    void aBadAppointmentNamesEveryWrongFieldAndWritesNothing() {
        long id = organisations.create(users.viewer("admin"), new OrganisationDraft("测试社团", OrganisationKind.CLUB, "counsellor",
                null, null));
        int before = jdbc.queryForObject("SELECT count(*) FROM organisation_member", Integer.class);
        assertThatThrownBy(() -> organisations.appoint(users.viewer("admin"), id, "NO-SUCH", null, LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 1, 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("position", "termEnd", "studentNumber"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM organisation_member", Integer.class)).isEqualTo(before);
    }
}
