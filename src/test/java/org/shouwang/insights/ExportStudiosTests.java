package org.shouwang.insights;

import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.studios.DutyQueries;
import org.shouwang.studios.DutyViews;
import org.shouwang.studios.DutyWeek;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.Projects;
import org.shouwang.studios.StudioViews;
import org.shouwang.studios.Studios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportStudiosTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Studios studios;
    @Autowired Projects projects;
    @Autowired DutyQueries duty;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;
    @Autowired org.shouwang.studios.Appointments appointments;

    private List<List<Row>> sheets(String path, String username) throws Exception {
        return Workbooks.sheets(mvc, users.as(username), path);
    }

    @Test
    void theStudioDirectoryExportHoldsTheDirectoryWithItsFilter() throws Exception {
        List<StudioViews.Summary> all = studios.directory(null, null);
        assertThat(all).isNotEmpty();
        assertThat(all).hasSize(jdbc.sql("SELECT count(*) FROM studio WHERE active").query(Long.class).single().intValue());
        List<Row> rows = sheets("/exports/studios.xlsx", "student").get(0);
        assertThat(rows.subList(1, rows.size()).stream().map(r -> text(r, 0)).toList())
                .isEqualTo(all.stream().map(StudioViews.Summary::name).toList());
        var type = all.get(0).type();
        List<Row> filtered = sheets("/api/v1/exports/studios.xlsx?type=" + type + "&building=x", "leader").get(0);
        assertThat(filtered).hasSize(studios.directory(type, null).size() + 1);
    }

    @Test
    void theProjectExportHoldsTheRowsOfTheListForThatViewer() throws Exception {
        for (String username : List.of("admin", "student", "studio")) {
            List<ProjectViews.Row> seen = projects.list(users.viewer(username), ProjectViews.Filter.everything());
            List<Row> rows = sheets("/exports/projects.xlsx", username).get(0);
            assertThat(rows).hasSize(seen.size() + 1);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(text(rows.get(i + 1), 0)).isEqualTo(ExportRequests.mask(seen.get(i).name()));
                assertThat(number(rows.get(i + 1), 7)).isEqualTo(seen.get(i).milestones());
                assertThat(number(rows.get(i + 1), 9)).isEqualTo(seen.get(i).overdue());
            }
        }
        assertThat(projects.list(users.viewer("admin"), ProjectViews.Filter.everything())).isNotEmpty();
        List<ProjectViews.Row> overdue = projects.list(users.viewer("admin"), new ProjectViews.Filter(null, null, null, true));
        assertThat(sheets("/api/v1/exports/projects.xlsx?overdue=true", "admin").get(0)).hasSize(overdue.size() + 1);
    }

    @Test
    void dutyCoverageIsTheCoverageOfThePageAndRefusedToThoseThePageRefuses() throws Exception {
        DutyWeek week = DutyWeek.current(clock).previous();
        DutyViews.Coverage coverage = duty.coverage(users.viewer("affairs"), week.monday(), week.sunday(), null);
        assertThat(coverage.total().planned()).isPositive();
        List<List<Row>> sheets = sheets("/exports/duty-coverage.xlsx?week=" + week.text(), "affairs");
        assertThat(sheets).hasSize(3);
        List<Row> byPerson = sheets.get(0);
        // title, header, a line per person, the total
        assertThat(byPerson).hasSize(coverage.byPerson().size() + 3);
        for (int i = 0; i < coverage.byPerson().size(); i++) {
            DutyViews.Line line = coverage.byPerson().get(i);
            assertThat(text(byPerson.get(i + 2), 0)).isEqualTo(line.name());
            assertThat(number(byPerson.get(i + 2), 1)).isEqualTo(line.planned());
            assertThat(number(byPerson.get(i + 2), 3)).isEqualTo(line.attended());
        }
        Row total = byPerson.get(byPerson.size() - 1);
        assertThat(number(total, 1)).isEqualTo(coverage.total().planned())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM duty_shift WHERE starts_at >= ? AND starts_at < ?")
                        .params(java.sql.Timestamp.from(week.monday().atStartOfDay(org.shouwang.shared.CampusTime.ZONE).toInstant()),
                                java.sql.Timestamp.from(week.sunday().plusDays(1).atStartOfDay(org.shouwang.shared.CampusTime.ZONE).toInstant()))
                        .query(Long.class).single());
        LocalDate first = week.monday().withDayOfMonth(1);
        assertThat(sheets("/api/v1/exports/duty-coverage.xlsx?month=" + first.toString().substring(0, 7), "admin").get(1))
                .hasSize(duty.coverage(users.viewer("admin"), first, first.plusMonths(1).minusDays(1), null).byStudio().size() + 3);
        mvc.perform(get("/exports/duty-coverage.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
        // Whoever the coverage page refuses, the export refuses too, and the other way round.
        for (String username : List.of("student", "police", "handler", "inspector", "studio")) {
            int page = mvc.perform(get("/duty/coverage").with(users.as(username))).andReturn().getResponse().getStatus();
            int export = mvc.perform(get("/api/v1/exports/duty-coverage.xlsx").with(users.as(username))).andReturn().getResponse().getStatus();
            assertThat(export).as(username).isEqualTo(page);
        }
    }

    @Test
    void appointmentsAsTheListShowsThemConfidentialOnesForThePsychologyCentreOnly() throws Exception {
        var studiosScope = org.shouwang.studios.AppointmentViews.Scope.STUDIOS;
        var psych = appointments.list(users.viewer("psych"), studiosScope, null, null).rows();
        assertThat(psych).anyMatch(org.shouwang.studios.AppointmentViews.Row::confidential);
        List<Row> rows = sheets("/exports/appointments.xlsx", "psych").get(0);
        assertThat(rows).hasSize(psych.size() + 1);
        for (int i = 0; i < psych.size(); i++) {
            assertThat(text(rows.get(i + 1), 0)).isEqualTo(psych.get(i).studioName());
            assertThat(text(rows.get(i + 1), 8)).isEqualTo(psych.get(i).studentName() == null ? "" : psych.get(i).studentName());
        }
        String staff = jdbc.sql("""
                SELECT a.username FROM studio_member m JOIN account a ON a.id = m.account_id
                JOIN studio s ON s.id = m.studio_id WHERE s.type <> 'PSYCHOLOGY' AND s.active ORDER BY m.account_id""")
                .query(String.class).list().stream().filter(u -> users.viewer(u).studentId() == null).findFirst().orElseThrow();
        var theirs = appointments.list(users.viewer(staff), studiosScope, null, null).rows();
        assertThat(theirs).noneMatch(org.shouwang.studios.AppointmentViews.Row::confidential);
        assertThat(sheets("/api/v1/exports/appointments.xlsx", staff).get(0)).hasSize(theirs.size() + 1);
        var own = appointments.list(users.viewer("student"), org.shouwang.studios.AppointmentViews.Scope.MINE, null, null).rows();
        assertThat(sheets("/exports/appointments.xlsx", "student").get(0)).hasSize(own.size() + 1);
        String outsider = jdbc.sql("""
                SELECT username FROM account WHERE student_id IS NULL AND id NOT IN (SELECT account_id FROM studio_member) ORDER BY id""")
                .query(String.class).list().stream()
                .filter(u -> !users.viewer(u).has(org.shouwang.shared.Role.PSYCHOLOGY_CENTRE)).findFirst().orElseThrow();
        mvc.perform(get("/exports/appointments.xlsx").with(users.as(outsider))).andExpect(status().isNotFound());
    }

    @Test
    void theDutyWeekAsTheRosterShowsIt() throws Exception {
        DutyWeek week = DutyWeek.current(clock).previous();
        DutyViews.Week shown = duty.week(users.viewer("affairs"), week, null, null);
        assertThat(shown.shiftCount()).isPositive();
        List<Row> rows = sheets("/exports/duty-week.xlsx?week=" + week.text(), "affairs").get(0);
        // title, header, a row per shift
        assertThat(rows).hasSize(shown.shiftCount() + 2);
        List<String> people = shown.days().stream().flatMap(d -> d.shifts().stream()).map(org.shouwang.studios.DutyShift::person).toList();
        assertThat(rows.subList(2, rows.size()).stream().map(r -> text(r, 3)).toList()).isEqualTo(people);
        mvc.perform(get("/api/v1/exports/duty-week.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
    }
}
