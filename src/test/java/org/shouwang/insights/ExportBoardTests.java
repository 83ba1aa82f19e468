package org.shouwang.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketKpis;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;

/** The public board as xlsx (what /board shows, never psychology, legal or safety), and the KPI page's link to its export. */
@IntegrationTest
class ExportBoardTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired TicketKpis kpis;
    @Autowired MessageSource messages;
    @Autowired Tickets tickets;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A repair and a psychology request resolved in May 2051, far from any other test's requests. */
    private void resolveTwoRequests() {
        Viewer student = users.viewer("student");
        clock.fix(Instant.parse("2051-05-10T02:00:00Z"));
        long repair = tickets.submit(student, new Tickets.Submission(Category.REPAIRS, Category.Subcategory.WATER, false,
                "水管漏水 EXPORT-BOARD", null, null), List.of()).id();
        long psychology = tickets.submit(student, new Tickets.Submission(Category.PSYCHOLOGY, null, false,
                "想找老师聊聊 EXPORT-BOARD", null, null), List.of()).id();
        clock.fix(Instant.parse("2051-05-10T03:00:00Z"));
        tickets.accept(users.viewer("handler"), repair, null);
        tickets.resolve(users.viewer("handler"), repair, "已修好", List.of(), null);
        tickets.accept(users.viewer("psych"), psychology, null);
        tickets.resolve(users.viewer("psych"), psychology, "已面谈", List.of(), null);
        clock.fix(Instant.parse("2051-05-12T02:00:00Z"));
    }

    private String label(String code) {
        return messages.getMessage(code, null, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void theBoardExportHoldsWhatTheBoardShowsAndNoSensitiveCategory() throws Exception {
        resolveTwoRequests();
        for (String period : List.of("DAYS30", "TERM")) {
            LocalDate[] range = kpis.period(TicketKpis.Period.valueOf(period), null, null);
            TicketKpis.Board board = kpis.board(range[0], range[1]);
            List<List<Row>> sheets = Workbooks.sheets(mvc, users.as("student"), "/exports/board.xlsx?period=" + period);
            assertThat(sheets).hasSize(3);

            List<Row> categories = sheets.get(0);
            List<Category> shown = Arrays.stream(Category.values()).filter(Category::publishable).toList();
            assertThat(categories).hasSize(shown.size() + 2);
            for (int i = 0; i < shown.size(); i++) {
                assertThat(text(categories.get(i + 2), 0)).isEqualTo(label("ticket.category." + shown.get(i)));
                assertThat(number(categories.get(i + 2), 1)).isEqualTo(board.byCategory().get(shown.get(i).name()));
            }
            List<Row> buildings = sheets.get(1);
            assertThat(buildings).hasSize(board.byBuilding().size() + 1);
            for (int i = 0; i < board.byBuilding().size(); i++) {
                assertThat(number(buildings.get(i + 1), 1)).isEqualTo(board.byBuilding().get(i).resolved());
            }
            List<Row> recent = sheets.get(2);
            assertThat(recent).hasSize(board.recent().size() + 1);
            for (int i = 0; i < board.recent().size(); i++) {
                assertThat(text(recent.get(i + 1), 0)).isEqualTo(label("ticket.category." + board.recent().get(i).category()));
                assertThat(text(recent.get(i + 1), 3)).isEqualTo(board.recent().get(i).submitted().toString());
            }
            for (Category hidden : List.of(Category.PSYCHOLOGY, Category.LEGAL, Category.SAFETY)) {
                String name = label("ticket.category." + hidden);
                assertThat(sheets).allSatisfy(rows -> assertThat(rows).noneMatch(r -> text(r, 0).equals(name)));
            }
        }
        LocalDate[] days30 = kpis.period(TicketKpis.Period.DAYS30, null, null);
        TicketKpis.Board board = kpis.board(days30[0], days30[1]);
        assertThat(board.byCategory().get("REPAIRS")).isPositive();
        List<Row> recent = Workbooks.sheets(mvc, users.as("student"), "/api/v1/exports/board.xlsx").get(2);
        assertThat(recent).hasSize(board.recent().size() + 1).hasSizeGreaterThan(1);
        assertThat(text(recent.get(1), 1)).isEqualTo(label("ticket.subcategory.WATER"));
        assertThat(recent).noneMatch(r -> text(r, 0).equals(label("ticket.category.PSYCHOLOGY")));

        String url = Workbooks.linked(mvc, users.as("student"), "/board?period=TERM", "export-board", "/exports/board.xlsx");
        assertThat(url).endsWith("period=TERM");
        assertThat(Workbooks.linked(mvc, users.as("handler"), "/board", "export-board", "/exports/board.xlsx"))
                .endsWith("period=DAYS30");
    }

    @Test
    void theKpiPageLinksItsExportWithItsPeriodAndBreakdown() throws Exception {
        String url = Workbooks.linked(mvc, users.as("leader"), "/requests/kpis?period=CUSTOM&from=2026-01-01&to=2026-03-31&dimension=DEPARTMENT",
                "export-kpis", "/exports/request-kpis.xlsx");
        assertThat(url).contains("from=2026-01-01").contains("to=2026-04-01").contains("by=DEPARTMENT");
        TicketKpis.Report report = kpis.report(users.viewer("leader"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1),
                TicketKpis.Dimension.DEPARTMENT);
        List<Row> rows = Workbooks.rows(mvc, users.as("leader"), url);
        assertThat(rows).hasSize(report.rows().size() + 3);
        assertThat(number(rows.get(rows.size() - 1), 1)).isEqualTo(report.total().requests());

        LocalDate[] month = kpis.period(TicketKpis.Period.MONTH, null, null);
        assertThat(Workbooks.linked(mvc, users.as("depthead"), "/requests/kpis", "export-kpis", "/exports/request-kpis.xlsx"))
                .contains("from=" + month[0]).contains("to=" + month[1]).contains("by=CATEGORY");
    }
}
