package org.shouwang.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Files that are no roster get a clear file-level reason (never a 500); templates read back; admins only. */
@IntegrationTest
class FileImportTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired List<RosterKind> kinds;

    ImportDriver driver;

    @BeforeEach
    void setUp() {
        driver = new ImportDriver(mvc, users);
    }

    @Test
    void aFileWithoutDataRowsIsRefused() throws Exception {
        assertRefused(driver.uploadRaw("STUDENTS", "empty.xlsx",
                ImportDriver.xlsx(List.of(List.of("学号", "姓名", "性别", "班级代码"))), "en"), "import.file.empty");
        assertRefused(driver.uploadRaw("STUDENTS", "empty.csv", new byte[0], "en"), "import.file.empty");
        assertRefused(driver.uploadRaw("STUDENTS", "blank.csv", "\r\n,,,\r\n".getBytes(StandardCharsets.UTF_8), "en"),
                "import.file.empty");
    }

    @Test
    void garbageIsNotASpreadsheet() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        MvcResult result = driver.uploadRaw("STUDENTS", "roster.xlsx", garbage, "en");
        assertRefused(result, "import.file.notSpreadsheet");
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.detail"))
                .isEqualTo("The file cannot be read as a spreadsheet: it is damaged or not really an .xlsx or .csv file.");
        byte[] zipButNotXlsx = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertRefused(driver.uploadRaw("STUDENTS", "roster.xlsx", zipButNotXlsx, "en"), "import.file.notSpreadsheet");
        assertRefused(driver.uploadRaw("STUDENTS", "roster.csv", garbage, "en"), "import.file.notSpreadsheet");
        assertRefused(driver.uploadRaw("STUDENTS", "roster.pdf", "hello".getBytes(StandardCharsets.UTF_8), "en"),
                "import.file.unsupported");
        assertRefused(driver.uploadRaw("STUDENTS", "roster.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, "en"), "import.file.legacyXls");
    }

    @Test
    void missingHeaderColumnsAreNamed() throws Exception {
        MvcResult result = driver.uploadRaw("STUDENTS", "cols.csv", ImportDriver.csv(List.of(
                List.of("学号", "姓名"), List.of("IMPH1", "某")), StandardCharsets.UTF_8), "zh-CN");
        assertRefused(result, "import.file.missingColumns");
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.detail"))
                .contains("性别 (gender)").contains("班级代码 (class_code)").doesNotContain("学号");
    }

    @Test
    void badRequestsAreProblemsNotErrors() throws Exception {
        mvc.perform(multipart("/api/v1/admin/imports").param("kind", "STUDENTS").with(users.as("admin")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/admin/imports")
                        .file("file", "x".getBytes(StandardCharsets.UTF_8)).param("kind", "PETS")
                        .with(users.as("admin")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/admin/imports/999999999").with(users.as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admin/imports/templates/STUDENTS").param("format", "doc").with(users.as("admin")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void everyTemplateDownloadsAndIsReadBackByTheImport() throws Exception {
        for (ImportKind kind : ImportKind.values()) {
            for (String format : List.of("xlsx", "csv")) {
                MvcResult template = mvc.perform(get("/api/v1/admin/imports/templates/" + kind).param("format", format)
                                .with(users.as("admin")))
                        .andExpect(status().isOk())
                        .andExpect(header().string("Content-Disposition",
                                org.hamcrest.Matchers.containsString(kind.slug() + "-template." + format)))
                        .andReturn();
                Map<String, Object> job = driver.uploadAndValidate(kind.name(), "template." + format,
                        template.getResponse().getContentAsByteArray());
                assertThat(job.get("status")).as(kind + " " + format).isEqualTo("VALIDATED");
                assertThat(ImportDriver.count(job, "totalRows")).as(kind + " " + format).isEqualTo(1);
                mvc.perform(delete("/api/v1/admin/imports/" + ImportDriver.id(job)).with(users.as("admin")).with(csrf()))
                        .andExpect(status().isNoContent());
            }
        }
    }

    @Test
    void onlyAdminsMayImport() throws Exception {
        for (String username : List.of("counsellor", "manager", "student", "leader")) {
            mvc.perform(get("/api/v1/admin/imports").with(users.as(username))).andExpect(status().isForbidden());
            mvc.perform(multipart("/api/v1/admin/imports").file("file", new byte[]{1}).param("kind", "STUDENTS")
                    .with(users.as(username)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(get("/admin/imports").with(users.as(username))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/imports")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/admin/imports")).andExpect(status().isUnauthorized());
    }

    @Test
    void everyMessageExistsInBothLanguages() throws Exception {
        Properties english = load("messages/imports.properties");
        Properties chinese = load("messages/imports_zh.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty().isEqualTo(chinese.stringPropertyNames());
        for (ImportKind kind : ImportKind.values()) {
            assertThat(english).containsKey("import.kind." + kind);
        }
        for (ImportStatus status : ImportStatus.values()) {
            assertThat(english).containsKey("import.status." + status);
        }
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("\"(import\\.[A-Za-z.]+[A-Za-z])\"");
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                var used = code.matcher(java.nio.file.Files.readString(source));
                while (used.find()) {
                    assertThat(english).as(source + " uses " + used.group(1)).containsKey(used.group(1));
                }
            }
        }
        for (RosterKind kind : kinds) {
            for (Column column : kind.columns()) {
                assertThat(english).as(kind.kind() + " column label").containsKey("import.column." + column.key());
            }
        }
    }

    private static Properties load(String path) throws Exception {
        Properties properties = new Properties();
        try (var in = new java.io.InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static void assertRefused(MvcResult result, String code) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(409);
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.type")).isEqualTo("urn:shouwang:" + code);
    }
}
