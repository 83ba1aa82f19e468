package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.community.IncidentFilter;
import org.shouwang.community.IncidentViews;
import org.shouwang.community.OrganisationViews;
import org.shouwang.community.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportCommunityTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Organisations organisations;
    @Autowired ExportCommunity exports;
    @Autowired JdbcClient jdbc;
    @Autowired org.shouwang.community.Rectifications rectifications;
    @Autowired org.shouwang.community.Inspections inspections;

    private List<List<Row>> sheets(String path, String username) throws Exception {
        return Workbooks.sheets(mvc, users.as(username), path);
    }

    @Test
    void organisationsAndTheirMembersAsTheOrganisationPagesShowThemToTheViewer() throws Exception {
        List<OrganisationViews.Summary> list = organisations.list();
        assertThat(list).isNotEmpty();
        long current = jdbc.sql("""
                SELECT count(*) FROM organisation_member m JOIN student_organisation o ON o.id = m.organisation_id
                WHERE o.active AND (m.term_end IS NULL OR m.term_end >= CURRENT_DATE)""").query(Long.class).single();
        long open = jdbc.sql("""
                SELECT count(*) FROM organisation_member m JOIN student_organisation o ON o.id = m.organisation_id
                WHERE o.active AND m.term_end IS NULL""").query(Long.class).single();
        for (String username : List.of("admin", "student")) {
            List<List<Row>> sheets = sheets("/exports/organisations.xlsx", username);
            assertThat(sheets.get(0).subList(1, sheets.get(0).size()).stream().map(r -> text(r, 0)).toList())
                    .isEqualTo(list.stream().map(OrganisationViews.Summary::name).toList());
            List<Row> members = sheets.get(1).subList(1, sheets.get(1).size());
            long expected = 0;
            for (OrganisationViews.Summary s : list) {
                OrganisationViews.Detail d = organisations.detail(users.viewer(username), s.id());
                expected += d.members().size() + d.pastMembers().size();
            }
            assertThat(members).hasSize((int) expected);
            assertThat(members.stream().filter(r -> text(r, 5).isEmpty()).count()).isEqualTo(open);
            if (username.equals("student")) {
                // Students see neither student numbers nor past members, as on the organisation page.
                assertThat(members).allSatisfy(r -> assertThat(text(r, 2)).isEmpty());
                assertThat(members).hasSize((int) current);
            } else {
                assertThat(members).allSatisfy(r -> assertThat(text(r, 2)).isNotEmpty());
            }
        }
        long one = list.get(0).id();
        List<List<Row>> single = sheets("/api/v1/exports/organisations.xlsx?organisation=" + one, "student");
        assertThat(single.get(0)).hasSize(2);
        assertThat(single.get(1)).hasSize(organisations.detail(users.viewer("student"), one).members().size() + 1);
        mvc.perform(get("/exports/organisations.xlsx?organisation=999999").with(users.as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void theSafetyLogExportHoldsWhatTheViewerMaySeeAndStudentsGetNone() throws Exception {
        long all = jdbc.sql("SELECT count(*) FROM safety_incident").query(Long.class).single();
        assertThat(all).isPositive();
        List<Row> police = sheets("/exports/safety-incidents.xlsx", "police").get(0);
        assertThat(police).hasSize((int) all + 1);
        List<IncidentViews.Summary> seen = exports.incidents(users.viewer("police"), IncidentFilter.everything());
        assertThat(police.subList(1, police.size()).stream().map(r -> text(r, 0)).toList())
                .isEqualTo(seen.stream().map(IncidentViews.Summary::number).toList());
        // Other staff: only the incidents they are named on.
        for (String username : List.of("counsellor", "handler")) {
            long named = jdbc.sql("""
                    SELECT count(DISTINCT n.incident_id) FROM safety_incident_named n JOIN account a ON a.id = n.account_id
                    WHERE a.username = ?""").param(username).query(Long.class).single();
            assertThat(sheets("/api/v1/exports/safety-incidents.xlsx", username).get(0)).hasSize((int) named + 1);
        }
        String category = seen.get(0).category().name();
        long ofCategory = jdbc.sql("SELECT count(*) FROM safety_incident WHERE category = ?").param(category).query(Long.class).single();
        assertThat(sheets("/exports/safety-incidents.xlsx?category=" + category + "&from=bad", "police").get(0))
                .hasSize((int) ofCategory + 1);
        mvc.perform(get("/exports/safety-incidents.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exports/safety-incidents.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void openRectificationsAsTheListShowsThemToTheViewer() throws Exception {
        for (String username : List.of("admin", "inspector", "student")) {
            var seen = rectifications.open(users.viewer(username), false);
            List<Row> rows = sheets("/exports/rectifications.xlsx", username).get(0);
            assertThat(rows).as(username).hasSize(seen.size() + 1);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(text(rows.get(i + 1), 0)).isEqualTo(seen.get(i).building());
                assertThat(text(rows.get(i + 1), 2)).isEqualTo(seen.get(i).room());
                assertThat(text(rows.get(i + 1), 4)).isEqualTo(seen.get(i).dueOn().toString());
            }
        }
        assertThat(sheets("/api/v1/exports/rectifications.xlsx?overdue=true", "admin").get(0))
                .hasSize(rectifications.open(users.viewer("admin"), true).size() + 1);
    }

    @Test
    void anInspectionRoundsResultsAsItsPageShowsThemAndOnlyToWhomItShowsThem() throws Exception {
        long round = jdbc.sql("SELECT round_id FROM room_inspection ORDER BY id").query(Long.class).list().get(0);
        var shown = inspections.round(users.viewer("admin"), round);
        List<Row> rows = sheets("/exports/inspections/rounds/" + round + "/results.xlsx", "admin").get(0);
        // title, header, a row per room of the round
        assertThat(rows).hasSize(shown.rooms().size() + 2).hasSize(jdbc.sql("SELECT count(*) FROM inspection_round_room WHERE round_id = ?")
                .param(round).query(Long.class).single().intValue() + 2);
        for (int i = 0; i < shown.rooms().size(); i++) {
            var room = shown.rooms().get(i);
            assertThat(text(rows.get(i + 2), 1)).isEqualTo(room.number());
            assertThat(text(rows.get(i + 2), 2)).isEqualTo(room.score() == null ? "" : String.valueOf(room.score()));
        }
        for (String username : List.of("student", "inspector", "manager", "counsellor", "police")) {
            int page = mvc.perform(get("/inspections/rounds/" + round).with(users.as(username))).andReturn().getResponse().getStatus();
            int export = mvc.perform(get("/api/v1/exports/inspections/rounds/" + round + "/results.xlsx").with(users.as(username)))
                    .andReturn().getResponse().getStatus();
            assertThat(export).as(username).isEqualTo(page);
        }
        mvc.perform(get("/exports/inspections/rounds/" + round + "/results.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
        String html = mvc.perform(get("/inspections/rounds/" + round).with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"export-round\"", "/exports/inspections/rounds/" + round + "/results.xlsx");
    }
}
