package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.Tickets;
import org.shouwang.tickets.TicketViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dispatch desk's queues are the request export's DESK and DECISIONS queues (the same
 * {@link TicketQueries#list} the page calls); the desk links them with its search.
 */
@IntegrationTest
class ExportDeskTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired TicketQueries queries;
    @Autowired Tickets tickets;

    private List<String> numbers(String username, TicketViews.Queue queue, String q) {
        return queries.list(users.viewer(username), new TicketViews.Filter(queue, null, null, q, false, false), 0, 10_000)
                .items().stream().map(TicketViews.Row::number).toList();
    }

    @Test
    void theDeskLinksTheExportOfItsQueue() throws Exception {
        // no clause of the list answers for "other" requests: this one waits at the desk
        String waitingNumber = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.OTHER, null, false,
                "走廊的公告栏坏了 EXPORT-DESK 13812345678", null, null), List.of()).number();
        String url = Workbooks.linked(mvc, users.as("dispatch"), "/requests/desk", "export-desk", "/exports/requests.xlsx");
        assertThat(url).contains("queue=DESK");
        List<Row> rows = Workbooks.rows(mvc, users.as("dispatch"), url);
        assertThat(rows.subList(1, rows.size())).extracting(r -> text(r, 0))
                .containsExactlyInAnyOrderElementsOf(numbers("dispatch", TicketViews.Queue.DESK, "")).contains(waitingNumber);
        Row waitingRow = rows.stream().filter(r -> text(r, 0).equals(waitingNumber)).findFirst().orElseThrow();
        assertThat(text(waitingRow, 8)).contains("EXPORT-DESK").contains("138****5678").doesNotContain("13812345678");

        String searched = Workbooks.linked(mvc, users.as("dispatch"), "/requests/desk?q=REQ", "export-desk", "/exports/requests.xlsx");
        assertThat(searched).contains("queue=DESK").contains("q=REQ");
        List<Row> found = Workbooks.rows(mvc, users.as("dispatch"), searched);
        assertThat(found.size() - 1).isEqualTo(numbers("dispatch", TicketViews.Queue.DESK, "REQ").size());

        String decisions = Workbooks.linked(mvc, users.as("affairs"), "/requests/desk", "export-decisions", "/exports/requests.xlsx");
        assertThat(decisions).contains("queue=DECISIONS");
        List<Row> waiting = Workbooks.rows(mvc, users.as("affairs"), decisions);
        assertThat(waiting.subList(1, waiting.size())).extracting(r -> text(r, 0))
                .containsExactlyInAnyOrderElementsOf(numbers("affairs", TicketViews.Queue.DECISIONS, ""));
    }

    @Test
    void whoHasNoDeskGetsNeitherThePageNorItsExport() throws Exception {
        for (String username : List.of("counsellor", "student", "handler")) {
            mvc.perform(get("/requests/desk").with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/exports/requests.xlsx?queue=DESK").with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/exports/requests.xlsx?queue=DECISIONS").with(users.as(username))).andExpect(status().isNotFound());
        }
    }
}
