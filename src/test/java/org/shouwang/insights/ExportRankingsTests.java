package org.shouwang.insights;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.community.DormRatings;
import org.shouwang.community.InspectionViews;
import org.shouwang.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportRankingsTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired DormRatings ratings;

    @Test
    void everyViewerGetsTheRankingsTheServiceGivesThemAndWhomThePageRefusesGets404() throws Exception {
        YearMonth month = YearMonth.now();
        List<String> refused = new ArrayList<>();
        List<String> served = new ArrayList<>();
        for (String username : List.of("admin", "manager", "floorleader", "inspector", "student", "handler-jwc", "psych", "counsellor")) {
            InspectionViews.Rankings expected;
            try {
                expected = ratings.month(users.viewer(username), month);
            } catch (NotFoundException e) {
                mvc.perform(get("/exports/inspection-rankings.xlsx?month=" + month).with(users.as(username)))
                        .andExpect(status().isNotFound());
                refused.add(username);
                continue;
            }
            served.add(username);
            byte[] xlsx = mvc.perform(get("/api/v1/exports/inspection-rankings.xlsx?month=" + month).with(users.as(username)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                List<Sheet> sheets = workbook.getSheets().toList();
                assertThat(sheets).hasSize(4);
                assertThat(sheets.get(0).read()).hasSize(expected.floors().size() + 1);
                assertThat(sheets.get(1).read()).hasSize(expected.buildings().size() + 1);
                assertThat(sheets.get(2).read()).hasSize(expected.colleges().size() + 1);
                List<Row> rooms = sheets.get(3).read();
                assertThat(rooms).hasSize(expected.rooms().size() + 1);
                for (int i = 0; i < expected.rooms().size(); i++) {
                    assertThat(rooms.get(i + 1).getCellText(2)).isEqualTo(expected.rooms().get(i).room());
                }
            }
        }
        assertThat(refused).isNotEmpty();
        assertThat(served).contains("admin");
        mvc.perform(get("/api/v1/exports/inspection-rankings.xlsx?month=2024-13").with(users.as("admin"))).andExpect(status().isBadRequest());
    }
}
