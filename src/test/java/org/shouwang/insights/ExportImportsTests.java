package org.shouwang.insights;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.imports.ImportJob;
import org.shouwang.imports.ImportKind;
import org.shouwang.imports.Imports;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The import jobs of /admin/imports as xlsx, for administrators only. */
@IntegrationTest
class ExportImportsTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Imports imports;

    /** A student roster whose one row is wrong (unknown gender and class): validated, never confirmed, nothing written. */
    private ImportJob uploadBadRoster(Viewer admin) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("roster");
        List<String> header = List.of("学号", "姓名", "性别", "班级代码");
        List<String> row = List.of("EXPIMP" + System.nanoTime() % 1_000_000, "导出测试", "?", "NO-SUCH-CLASS");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.value(1, c, row.get(c));
        }
        workbook.finish();
        ImportJob job = imports.upload(admin, ImportKind.STUDENTS, "export-test.xlsx", out.toByteArray());
        await().atMost(Duration.ofSeconds(30)).until(() -> !imports.job(admin, job.id()).running());
        return imports.job(admin, job.id());
    }

    @Test
    void anAdministratorExportsTheImportJobsThePageLists() throws Exception {
        Viewer admin = users.viewer("admin");
        ImportJob job = uploadBadRoster(admin);
        List<ImportJob> recent = imports.recent(admin, ExportImports.LIMIT);
        List<Row> rows = Workbooks.rows(mvc, users.as("admin"), "/api/v1/exports/imports.xlsx");
        assertThat(rows).hasSize(recent.size() + 1);
        assertThat(text(rows.get(0), 0)).isEqualTo("文件");
        assertThat(rows.subList(1, rows.size())).extracting(r -> text(r, 0))
                .containsExactlyElementsOf(recent.stream().map(ImportJob::fileName).toList());
        // the page's list (20 jobs) is the start of the export
        assertThat(imports.recent(admin, 20)).extracting(ImportJob::id)
                .containsExactlyElementsOf(recent.stream().limit(20).map(ImportJob::id).toList());

        int at = recent.indexOf(recent.stream().filter(j -> j.id() == job.id()).findFirst().orElseThrow());
        Row mine = rows.get(at + 1);
        assertThat(text(mine, 0)).isEqualTo("export-test.xlsx");
        assertThat(text(mine, 1)).isEqualTo("学生");
        assertThat(number(mine, 3)).isEqualTo(job.totalRows()).isEqualTo(1);
        assertThat(number(mine, 5)).isEqualTo(job.invalidRows()).isEqualTo(1);
        assertThat(number(mine, 6)).isEqualTo(job.problems()).isPositive();
        assertThat(text(mine, 10)).isEqualTo("admin");

        Workbooks.linked(mvc, users.as("admin"), "/admin/imports", "export-imports", "/exports/imports.xlsx");
        imports.discard(admin, job.id());
    }

    @Test
    void nobodyButAnAdministratorExportsImportJobs() throws Exception {
        for (String username : List.of("leader", "affairs", "student", "counsellor")) {
            mvc.perform(get("/exports/imports.xlsx").with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/exports/imports.xlsx").with(users.as(username))).andExpect(status().isNotFound());
        }
    }
}
