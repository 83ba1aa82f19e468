package org.shouwang.insights;

import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.TestClock;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.TicketKpis;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportKpisTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired TicketKpis kpis;
    @Autowired Tickets tickets;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<Row> rows(String path, String username) throws Exception {
        return Workbooks.rows(mvc, users.as(username), path);
    }

    @Test
    void theKpiTableHoldsTheFiguresTheServiceGivesTheSameViewer() throws Exception {
        LocalDate from = LocalDate.of(2020, 1, 1);
        LocalDate to = LocalDate.of(2030, 1, 1);
        for (String username : List.of("admin", "depthead")) {
            Viewer viewer = users.viewer(username);
            TicketKpis.Report report = kpis.report(viewer, from, to, TicketKpis.Dimension.DEPARTMENT);
            List<Row> rows = rows("/api/v1/exports/request-kpis.xlsx?from=2020-01-01&to=2030-01-01&by=DEPARTMENT", username);
            // title, header, a row per group, the total
            assertThat(rows).hasSize(report.rows().size() + 3);
            for (int i = 0; i < report.rows().size(); i++) {
                assertThat(number(rows.get(i + 2), 1)).isEqualTo(report.rows().get(i).figures().requests());
                assertThat(number(rows.get(i + 2), 5)).isEqualTo(report.rows().get(i).figures().resolved());
            }
            Row total = rows.get(rows.size() - 1);
            assertThat(number(total, 1)).isEqualTo(report.total().requests());
            assertThat(number(total, 2)).isEqualTo(report.total().responded());
        }
        // A department head sees their department's requests only, never more than all.
        assertThat(kpis.report(users.viewer("depthead"), from, to, null).total().requests())
                .isLessThanOrEqualTo(kpis.report(users.viewer("admin"), from, to, null).total().requests());
    }

    @Test
    void onlyThoseWhoSeeKpisMayExportThemAndBadParametersAreFieldErrors() throws Exception {
        for (String username : List.of("student", "counsellor", "handler")) {
            mvc.perform(get("/exports/request-kpis.xlsx").with(users.as(username))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/exports/request-kpis.xlsx?by=NOPE").with(users.as("admin"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/exports/request-kpis.xlsx?from=2024-13-01&to=2024-02-01").with(users.as("admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/exports/request-kpis.xlsx?from=2024-01-01").with(users.as("admin"))).andExpect(status().isBadRequest());
        assertThat(rows("/exports/request-kpis.xlsx", "leader").get(1).getCellText(0)).isEqualTo("分组");
    }

    @Test
    void smallSensitiveCategoriesShowFewerThanFiveAndNoFigureLikeTheDashboard() throws Exception {
        Viewer student = users.viewer("student");
        clock.fix(Instant.parse("2047-03-12T02:00:00Z"));
        for (int i = 0; i < 2; i++) {
            tickets.submit(student, new Tickets.Submission(Category.PSYCHOLOGY, null, false, "想找老师聊聊 EXPORT-KPI " + i, null, null), List.of());
        }
        for (int i = 0; i < 5; i++) {
            tickets.submit(student, new Tickets.Submission(Category.LEGAL, null, false, "合同纠纷 EXPORT-KPI " + i, null, null), List.of());
        }
        for (int i = 0; i < 3; i++) {
            tickets.submit(student, new Tickets.Submission(Category.REPAIRS, Category.Subcategory.WATER, false, "漏水 EXPORT-KPI " + i, null, null), List.of());
        }
        clock.reset();
        List<Row> rows = rows("/api/v1/exports/request-kpis.xlsx?from=2047-03-01&to=2047-04-01&by=CATEGORY", "leader");
        Map<String, Row> byGroup = rows.stream().filter(r -> r.getCellCount() > 1)
                .collect(Collectors.toMap(r -> r.getCellText(0), r -> r, (a, b) -> a));
        long psychology = count("PSYCHOLOGY");
        assertThat(psychology).isEqualTo(2);
        Row psy = byGroup.get("心理");
        assertThat(psy.getCellText(1)).isEqualTo("<5");
        for (int c = 2; c < psy.getCellCount(); c++) {
            assertThat(psy.getCellText(c)).as("column " + c).isEmpty();
        }
        Row legal = byGroup.get("法律");
        assertThat(number(legal, 1)).isEqualTo(count("LEGAL")).isEqualTo(5);
        // Psychology is the only "<5": the smallest other group, three repairs, is withheld too ("—"), so that the
        // total minus the rows shown does not tell how many psychology requests there were.
        assertThat(count("REPAIRS")).isEqualTo(3);
        Row repairs = byGroup.get("报修");
        assertThat(repairs.getCellText(1)).isEqualTo("—");
        for (int c = 2; c < repairs.getCellCount(); c++) {
            assertThat(repairs.getCellText(c)).as("column " + c).isEmpty();
        }
        assertThat(rows).noneSatisfy(r -> assertThat(r.getCellText(1)).isEqualTo("2"));
    }

    private long count(String category) {
        return jdbc.sql("SELECT count(*) FROM ticket WHERE category = ? AND submitted_at >= ? AND submitted_at < ? AND state <> 'WITHDRAWN'")
                .params(category, java.sql.Timestamp.from(Instant.parse("2047-02-28T16:00:00Z")),
                        java.sql.Timestamp.from(Instant.parse("2047-03-31T16:00:00Z"))).query(Long.class).single();
    }
}
