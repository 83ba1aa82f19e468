package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.party.BranchActivities;
import org.shouwang.party.PartyDorms;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.ResponsibilityZones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportPartyDormsTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired PartyDorms dorms;
    @Autowired PartyOrganisations organisations;
    @Autowired ResponsibilityZones zones;
    @Autowired BranchActivities activities;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.MessageSource messages;

    private List<List<Row>> sheets(String path, String username) throws Exception {
        return Workbooks.sheets(mvc, users.as(username), path);
    }

    private long branchWithDorms() {
        return jdbc.sql("SELECT organisation_id FROM party_dorm ORDER BY id").query(Long.class).list().get(0);
    }

    @Test
    void theRoomsOfABranchItsManagersSeeAndNobodyElse() throws Exception {
        long branch = branchWithDorms();
        List<PartyDorms.Candidate> seen = dorms.candidates(users.viewer("admin"), branch);
        List<Row> rows = sheets("/exports/party-dorms.xlsx?org=" + branch, "admin").get(0);
        assertThat(rows).hasSize(seen.size() + 1);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(text(rows.get(i + 1), 1)).isEqualTo(seen.get(i).building());
            assertThat(text(rows.get(i + 1), 3)).isEqualTo(seen.get(i).room());
            assertThat(text(rows.get(i + 1), 5)).isEqualTo(String.join("、", seen.get(i).members()));
        }
        long marked = jdbc.sql("SELECT count(*) FROM party_dorm WHERE organisation_id = ?").param(branch).query(Long.class).single();
        String yes = messages.getMessage("export.yes", null, java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(marked).isPositive();
        assertThat(rows.subList(1, rows.size()).stream().filter(r -> text(r, 4).equals(yes)).count()).isEqualTo(marked);
        for (String username : List.of("student", "counsellor")) {
            assertThat(organisations.managedBy(users.viewer(username))).isEmpty();
            mvc.perform(get("/api/v1/exports/party-dorms.xlsx?org=" + branch).with(users.as(username))).andExpect(status().isNotFound());
        }
        String url = Workbooks.linked(mvc, users.as("admin"), "/party/dorms?org=" + branch, "export-party-dorms", "/exports/party-dorms.xlsx");
        assertThat(url).contains("org=" + branch);
    }

    @Test
    void aBranchsZonesForItsManagersAndAMembersOwn() throws Exception {
        long branch = jdbc.sql("SELECT organisation_id FROM responsibility_zone ORDER BY id").query(Long.class).list().get(0);
        List<ResponsibilityZones.Zone> seen = zones.zones(users.viewer("admin"), branch);
        assertThat(seen).isNotEmpty();
        List<Row> rows = sheets("/exports/party/" + branch + "/zones.xlsx", "admin").get(0);
        assertThat(rows).hasSize(seen.size() + 1);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(text(rows.get(i + 1), 1)).isEqualTo(seen.get(i).member());
            assertThat(text(rows.get(i + 1), 2)).isEqualTo(seen.get(i).building());
            assertThat(number(rows.get(i + 1), 6)).isEqualTo(seen.get(i).figures().open());
        }
        mvc.perform(get("/exports/party/" + branch + "/zones.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
        Workbooks.linked(mvc, users.as("admin"), "/party/" + branch + "/zones", "export-zones", "/exports/party/" + branch + "/zones.xlsx");

        String member = jdbc.sql("""
                        SELECT a.username FROM responsibility_zone z JOIN party_member m ON m.id = z.member_id
                        JOIN account a ON a.student_id = m.student_id WHERE m.active ORDER BY z.id""")
                .query(String.class).list().get(0);
        List<ResponsibilityZones.Zone> mine = zones.mine(users.viewer(member));
        assertThat(mine).isNotEmpty();
        List<Row> own = sheets("/api/v1/exports/my-zones.xlsx", member).get(0);
        assertThat(own.subList(1, own.size()).stream().map(r -> text(r, 1)).toList())
                .isEqualTo(mine.stream().map(ResponsibilityZones.Zone::member).toList());
        assertThat(sheets("/exports/my-zones.xlsx", "counsellor").get(0)).hasSize(zones.mine(users.viewer("counsellor")).size() + 1);
        Workbooks.linked(mvc, users.as(member), "/party/zone", "export-my-zones", "/exports/my-zones.xlsx");
    }

    @Test
    void aBranchsActivitiesWithAttendanceOnlyWhereThePageShowsItAndNeverPoliticalStatus() throws Exception {
        long branch = branchWithDorms();
        int year = activities.currentYear();
        BranchActivities.BranchYear seen = activities.year(users.viewer("admin"), branch, year);
        List<List<Row>> book = sheets("/exports/party/" + branch + "/activities.xlsx?year=" + year, "admin");
        assertThat(book.get(0)).hasSize(seen.activities().size() + 1);
        for (int i = 0; i < seen.activities().size(); i++) {
            assertThat(text(book.get(0).get(i + 1), 0)).isEqualTo(seen.activities().get(i).title());
        }
        assertThat(number(book.get(1).get(book.get(1).size() - 1), 1)).isEqualTo(seen.total());
        assertThat(seen.attendance()).isNotNull();
        assertThat(book).hasSize(3);
        List<Row> attendance = book.get(2);
        assertThat(attendance).hasSize(seen.attendance().size() + 1);
        assertThat(attendance.get(0).getCellCount()).as("no political status column").isEqualTo(4);
        for (int i = 0; i < seen.attendance().size(); i++) {
            assertThat(text(attendance.get(i + 1), 0)).isEqualTo(seen.attendance().get(i).studentNumber());
        }

        // a student sees the activities but not the members' attendance
        List<List<Row>> student = sheets("/exports/party/" + branch + "/activities.xlsx?year=" + year, "student");
        assertThat(student).hasSize(2);
        assertThat(student.get(0)).hasSize(seen.activities().size() + 1);
        mvc.perform(get("/exports/party/999999/activities.xlsx").with(users.as("admin"))).andExpect(status().isNotFound());
        String url = Workbooks.linked(mvc, users.as("admin"), "/party/" + branch + "/activities?year=" + year,
                "export-branch-activities", "/exports/party/" + branch + "/activities.xlsx");
        assertThat(url).contains("year=" + year);
    }
}
