package org.shouwang.insights;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.governance.HonourViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportHonoursTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired ExportHonours exports;

    @Test
    void theHonoursExportHoldsWhatTheListShowsTheSameViewer() throws Exception {
        for (String username : List.of("admin", "student")) {
            for (String query : List.of("", "level=NATIONAL", "level=NOPE&year=abc")) {
                String[] p = query.isEmpty() ? new String[0] : query.split("[&=]");
                String level = query.contains("level=") ? p[1] : null;
                String year = query.contains("year=") ? p[3] : null;
                List<HonourViews.Honour> seen = exports.rows(users.viewer(username), level, null, year);
                byte[] xlsx = mvc.perform(get("/exports/honours.xlsx?" + query).with(users.as(username)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
                try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                    List<Row> rows = workbook.getFirstSheet().read();
                    assertThat(rows).hasSize(seen.size() + 1);
                    for (int i = 0; i < seen.size(); i++) {
                        assertThat(rows.get(i + 1).getCellText(0)).isEqualTo(ExportRequests.mask(seen.get(i).title()));
                        assertThat(rows.get(i + 1).getCellText(3)).isEqualTo(String.valueOf(seen.get(i).awardedOn()));
                    }
                }
            }
        }
    }

    @Test
    void phoneAndIdCardNumbersInTextsAreMasked() {
        assertThat(ExportRequests.mask("电话13812345678，身份证32040220030101123X。"))
                .isEqualTo("电话138****5678，身份证320402********123X。");
        assertThat(ExportRequests.mask("编号 2024123456 与 138123456789")).isEqualTo("编号 2024123456 与 138123456789");
        assertThat(ExportRequests.mask(null)).isEmpty();
    }
}
