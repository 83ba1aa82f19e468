package org.shouwang.imports;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.shouwang.imports.StudentImportTests.row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin's page: upload form, progress that htmx polls, the problem table, confirm. */
@IntegrationTest
class ImportPageTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void theAdminUploadsSeesProblemsAndConfirms() throws Exception {
        mvc.perform(get("/admin/imports").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"import-form\""), containsString("id=\"import-kind\""),
                        containsString("id=\"import-file\""), containsString("id=\"import-submit\""),
                        containsString("名册导入"), containsString("/admin/imports/templates/STUDENTS?format=xlsx"))));

        String classCode = jdbc.sql("SELECT code FROM class_group ORDER BY id LIMIT 1").query(String.class).single();
        String prefix = ImportDriver.unique("IMPP");
        byte[] file = ImportDriver.xlsx(List.of(List.of("学号", "姓名", "性别", "班级代码"),
                row(prefix + "1", "页面", "男", classCode), row(prefix + "2", "页面二", "?", classCode)));
        MvcResult upload = mvc.perform(multipart("/admin/imports")
                        .file(new MockMultipartFile("file", "page.xlsx", Imports.XLSX, file)).param("kind", "STUDENTS")
                        .with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrlPattern("/admin/imports/*")).andReturn();
        String jobUrl = upload.getResponse().getRedirectedUrl();
        long id = Long.parseLong(jobUrl.substring(jobUrl.lastIndexOf('/') + 1));
        new ImportDriver(mvc, users).await(id);

        mvc.perform(get(jobUrl + "/progress").with(users.as("admin")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"import-status\""), containsString("data-status=\"VALIDATED\""),
                        containsString("id=\"import-problems\""), containsString("id=\"import-confirm\""),
                        containsString("is not a gender"), not(containsString("hx-trigger")), not(containsString("<html")))));

        mvc.perform(post(jobUrl + "/confirm").with(users.as("admin")).with(csrf())).andExpect(redirectedUrl(jobUrl));
        new ImportDriver(mvc, users).await(id);
        mvc.perform(get(jobUrl).with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-status=\"DONE\""), containsString("id=\"count-created\""),
                        not(containsString("id=\"import-confirm\"")))));
        assertThat(jdbc.sql("SELECT count(*) FROM student WHERE student_number LIKE ?").param(prefix + "%")
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(post(jobUrl + "/confirm").with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl(jobUrl)).andExpect(flash().attributeExists("error"));
    }

    @Test
    void aRunningJobIsPolledEverySecond() throws Exception {
        String fileName = ImportDriver.unique("slow") + ".xlsx";
        jdbc.sql("""
                        INSERT INTO import_job (kind, file_name, content, status, total_rows, done_rows, created_by, created_at)
                        VALUES ('STUDENTS', ?, ?, 'VALIDATING', 200, 50, 'admin', CURRENT_TIMESTAMP)""")
                .params(fileName, new byte[0]).update();
        long id = jdbc.sql("SELECT id FROM import_job WHERE file_name = ?").param(fileName).query(Long.class).single();

        mvc.perform(get("/admin/imports/" + id + "/progress").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("hx-trigger=\"every 1s\""),
                        containsString("hx-get=\"/admin/imports/" + id + "/progress\""), containsString("data-status=\"VALIDATING\""),
                        containsString("25%"), not(containsString("id=\"import-confirm\"")))));
        jdbc.sql("DELETE FROM import_job WHERE id = ?").param(id).update();
    }

    @Test
    void aFileThatIsNoRosterIsExplainedOnThePage() throws Exception {
        mvc.perform(multipart("/admin/imports")
                        .file(new MockMultipartFile("file", "notes.xlsx", Imports.XLSX, "not a workbook".getBytes()))
                        .param("kind", "STAFF").with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/imports?kind=STAFF"))
                .andExpect(flash().attribute("error", containsString("无法将该文件读取为表格")));
    }
}
