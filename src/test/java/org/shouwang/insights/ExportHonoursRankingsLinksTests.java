package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.governance.HonourLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The honours and inspection rankings pages link their existing exports, carrying the pages' filters. */
@IntegrationTest
class ExportHonoursRankingsLinksTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired ExportHonours honours;

    @Test
    void theHonoursPageLinksItsExportWithItsFilters() throws Exception {
        Workbooks.linked(mvc, users.as("student"), "/honours", "export-honours", "/exports/honours.xlsx");
        HonourLevel level = HonourLevel.values()[0];
        String url = Workbooks.linked(mvc, users.as("admin"), "/honours?level=" + level + "&year=2026", "export-honours",
                "/exports/honours.xlsx");
        assertThat(url).contains("level=" + level).contains("year=2026");
        List<Row> rows = Workbooks.rows(mvc, users.as("admin"), url);
        assertThat(rows).hasSize(honours.rows(users.viewer("admin"), level.name(), null, "2026").size() + 1);
    }

    @Test
    void theRankingsPageLinksItsExportForTheMonthShown() throws Exception {
        Workbooks.linked(mvc, users.as("admin"), "/inspections/rankings", "export-rankings", "/exports/inspection-rankings.xlsx");
        String url = Workbooks.linked(mvc, users.as("manager"), "/inspections/rankings?month=2026-10", "export-rankings",
                "/exports/inspection-rankings.xlsx");
        assertThat(url).contains("month=2026-10");
    }
}
