package org.shouwang.insights;

import java.util.List;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.party.MentorViews;
import org.shouwang.party.Mentors;
import org.shouwang.party.PartyMemberViews;
import org.shouwang.party.PartyMembers;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.PartyViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportPartyTests {

    private static final Pattern WHOLE_PHONE = Pattern.compile("(?<!\\d)1\\d{10}(?!\\d)|\\d{3,4}-\\d{7,8}");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired PartyOrganisations organisations;
    @Autowired PartyMembers members;
    @Autowired Mentors mentors;
    @Autowired JdbcClient jdbc;

    private List<List<Row>> sheets(String path, String username) throws Exception {
        return Workbooks.sheets(mvc, users.as(username), path);
    }

    @Test
    void theTreeShowsEveryOrganisationWithItsPublicCountsOnly() throws Exception {
        List<PartyViews.Node> tree = organisations.tree();
        List<Row> rows = sheets("/exports/party.xlsx", "student").get(0);
        assertThat(rows).hasSize(tree.size() + 1);
        long full = 0;
        for (int i = 0; i < tree.size(); i++) {
            assertThat(text(rows.get(i + 1), 0).strip()).isEqualTo(tree.get(i).name());
            full += number(rows.get(i + 1), 3);
        }
        assertThat(full).isPositive().isEqualTo(jdbc.sql("SELECT count(*) FROM party_member WHERE active AND status = 'FULL'")
                .query(Long.class).single());
        assertThat(rows.get(0).getCellCount()).isEqualTo(7);
    }

    @Test
    void aRosterIsExportedOnlyToThoseWhoSeePoliticalStatus() throws Exception {
        long organisation = jdbc.sql("SELECT organisation_id FROM party_member WHERE active GROUP BY organisation_id ORDER BY count(*) DESC")
                .query(Long.class).list().get(0);
        PartyMemberViews.Roster roster = members.roster(users.viewer("party"), organisation);
        List<Row> rows = sheets("/exports/party/" + organisation + "/members.xlsx", "party").get(0);
        assertThat(rows).hasSize(roster.members().size() + 1).hasSize(jdbc.sql(
                "SELECT count(*) FROM party_member WHERE active AND organisation_id = ?").param(organisation).query(Long.class).single().intValue() + 1);
        for (int i = 0; i < roster.members().size(); i++) {
            assertThat(text(rows.get(i + 1), 0)).isEqualTo(roster.members().get(i).number());
            assertThat(text(rows.get(i + 1), 1)).isEqualTo(roster.members().get(i).name());
        }
        for (String username : List.of("student", "counsellor")) {
            assertThat(members.seesStatus(users.viewer(username))).isFalse();
            mvc.perform(get("/api/v1/exports/party/" + organisation + "/members.xlsx").with(users.as(username)))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void partnersWithContactsAndPhonesOnlyForThoseWhoSeeThemWhole() throws Exception {
        long partners = jdbc.sql("SELECT count(*) FROM partner WHERE active").query(Long.class).single();
        long contacts = jdbc.sql("SELECT count(*) FROM partner_contact c JOIN partner p ON p.id = c.partner_id WHERE p.active")
                .query(Long.class).single();
        assertThat(contacts).isPositive();
        List<List<Row>> admin = sheets("/exports/partners.xlsx", "admin");
        assertThat(admin.get(0)).hasSize((int) partners + 1);
        assertThat(admin.get(1)).hasSize((int) contacts + 1);
        assertThat(admin.get(1).get(0).getCellCount()).isEqualTo(4);
        String aPhone = jdbc.sql("SELECT c.phone FROM partner_contact c JOIN partner p ON p.id = c.partner_id WHERE p.active AND c.phone IS NOT NULL")
                .query(String.class).list().get(0);
        assertThat(admin.get(1).stream().map(r -> text(r, 3)).toList()).contains(aPhone);
        List<List<Row>> student = sheets("/api/v1/exports/partners.xlsx", "student");
        assertThat(student.get(1)).hasSize((int) contacts + 1);
        assertThat(student.get(1)).allSatisfy(r -> {
            assertThat(r.getCellCount()).isLessThanOrEqualTo(3);
            for (int c = 0; c < r.getCellCount(); c++) {
                assertThat(WHOLE_PHONE.matcher(text(r, c)).find()).isFalse();
            }
        });
        mvc.perform(get("/exports/partners.xlsx?ended=true").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void mentorsAndForStaffTheirParticipation() throws Exception {
        List<MentorViews.Summary> directory = mentors.directory(null, null);
        long participation = 0;
        for (MentorViews.Summary m : directory) {
            participation += jdbc.sql("SELECT count(*) FROM mentor_participation WHERE mentor_id = ?").param(m.id()).query(Long.class).single();
        }
        assertThat(participation).isPositive();
        List<List<Row>> staff = sheets("/exports/mentors.xlsx", "affairs");
        assertThat(staff.get(0).subList(1, staff.get(0).size()).stream().map(r -> text(r, 0)).toList())
                .isEqualTo(directory.stream().map(MentorViews.Summary::name).toList());
        assertThat(staff.get(1)).hasSize((int) participation + 1);
        List<List<Row>> student = sheets("/exports/mentors.xlsx", "student");
        assertThat(student).hasSize(1);
        assertThat(student.get(0)).hasSize(directory.size() + 1);
    }
}
