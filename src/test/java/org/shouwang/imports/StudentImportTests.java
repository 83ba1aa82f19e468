package org.shouwang.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.IdCards;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.shouwang.imports.ImportDriver.count;
import static org.shouwang.imports.ImportDriver.id;

/** DESIGN §7: every bad row reported with line and column, nothing written until confirmed, re-import changes nothing. */
@IntegrationTest
class StudentImportTests {

    private static final List<Object> HEADER = List.of("学号", "姓名", "性别", "班级代码", "身份证号", "手机号", "政治面貌");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    ImportDriver driver;
    String classCode;

    @BeforeEach
    void setUp() {
        driver = new ImportDriver(mvc, users);
        classCode = jdbc.sql("SELECT code FROM class_group ORDER BY id LIMIT 1").query(String.class).single();
    }

    @Test
    void everyBadRowIsReportedWithLineAndColumnAndNothingIsWritten() throws Exception {
        String prefix = ImportDriver.unique("IMPB");
        byte[] file = ImportDriver.xlsx(List.of(HEADER,
                row(prefix + "01", "王小明", "男", classCode, idCard("19990101", 1), "13812345678", "共青团员"),
                row(prefix + "02", "李华", "X", classCode, "", "", ""),
                row(prefix + "01", "张重", "男", classCode, "", "", ""),
                row(prefix + "03", "赵无班", "女", "NOCLASS99", "", "", ""),
                row(prefix + "04", "钱校验", "女", classCode, badIdCard(), "", ""),
                row(prefix + "05", "孙".repeat(51), "男", classCode, "", "", ""),
                row(prefix + "06", "", "男", classCode, "", "", ""),
                row(prefix + "07", "周电话", "女", classCode, "", "12345", ""),
                row(prefix + "08", "吴面貌", "男", classCode, "", "", "党棍")));

        Map<String, Object> job = driver.uploadAndValidate("STUDENTS", "bad.xlsx", file);

        assertThat(job.get("status")).isEqualTo("VALIDATED");
        assertThat(count(job, "totalRows")).isEqualTo(9);
        assertThat(count(job, "validRows")).isEqualTo(1);
        assertThat(job).containsEntry("invalidRows", 8).containsEntry("percent", 100);
        List<Map<String, Object>> problems = driver.problems(id(job), "zh-CN");
        assertThat(problems).extracting(p -> p.get("line"), p -> p.get("column"), p -> p.get("code")).containsExactlyInAnyOrder(
                tuple(3, "gender", "import.problem.gender"),
                tuple(4, "student_number", "import.problem.duplicate"),
                tuple(5, "class_code", "import.problem.unknownClass"),
                tuple(6, "id_card", "import.problem.idCard"),
                tuple(7, "name", "import.problem.tooLong"),
                tuple(8, "name", "import.problem.required"),
                tuple(9, "phone", "import.problem.phone"),
                tuple(10, "political_status", "import.problem.choice"));
        assertThat(problems).filteredOn(p -> p.get("line").equals(4)).first()
                .satisfies(p -> assertThat((String) p.get("message")).contains("第 2 行"));
        assertThat(studentsLike(prefix)).isZero();
    }

    @Test
    void reasonsAreInTheUsersLanguage() throws Exception {
        String prefix = ImportDriver.unique("IMPL");
        Map<String, Object> job = driver.uploadAndValidate("STUDENTS", "lang.csv", ImportDriver.csv(List.of(
                List.of("student_number", "name", "gender", "class_code"),
                row(prefix + "1", "Li", "Q", classCode)), StandardCharsets.UTF_8));

        assertThat(driver.problems(id(job), "en").get(0))
                .containsEntry("columnLabel", "Gender")
                .containsEntry("message", "“Q” is not a gender: use M or F (男 or 女).");
        assertThat(driver.problems(id(job), "zh-CN").get(0))
                .containsEntry("columnLabel", "性别")
                .containsEntry("message", "“Q”不是有效的性别：请填 男 或 女（M 或 F）。");
    }

    @Test
    void xlsxAndCsvImportTheSameRowsAndReimportingChangesNothing() throws Exception {
        String prefix = ImportDriver.unique("IMPX");
        List<List<Object>> rows = List.of(HEADER,
                row(prefix + "1", "陈一", "男", classCode, idCard("20050312", 11), 13900000001L, "中共党员"),
                row(prefix + "2", "陈二", "F", classCode, idCard("20050401", 22), "13900000002", "LEAGUE_MEMBER"),
                row(prefix + "3", "陈三", "女", classCode, "", "", ""));

        Map<String, Object> first = driver.importFile("STUDENTS", "students.xlsx", ImportDriver.xlsx(rows));
        assertThat(first).containsEntry("status", "DONE").containsEntry("created", 3)
                .containsEntry("updated", 0).containsEntry("unchanged", 0);
        assertThat(jdbc.sql("SELECT phone FROM student WHERE student_number = ?").param(prefix + "1")
                .query(String.class).single()).isEqualTo("13900000001");
        assertThat(jdbc.sql("SELECT political_status FROM student WHERE student_number = ?").param(prefix + "3")
                .query(String.class).single()).isEqualTo("MASSES");

        Map<String, Object> again = driver.importFile("STUDENTS", "students.csv",
                ImportDriver.csv(rows, Charset.forName("GB18030")));
        assertThat(again).containsEntry("status", "DONE").containsEntry("created", 0)
                .containsEntry("updated", 0).containsEntry("unchanged", 3);

        List<List<Object>> changed = new ArrayList<>(rows);
        changed.set(3, row(prefix + "3", "陈三", "女", classCode, "", "13900000003", ""));
        Map<String, Object> third = driver.importFile("STUDENTS", "students.xlsx", ImportDriver.xlsx(changed));
        assertThat(third).containsEntry("updated", 1).containsEntry("unchanged", 2);
    }

    @Test
    void confirmingWritesOnlyTheValidRowsOnceAndIsAudited() throws Exception {
        String prefix = ImportDriver.unique("IMPC");
        Map<String, Object> job = driver.uploadAndValidate("STUDENTS", "mixed.xlsx", ImportDriver.xlsx(List.of(HEADER,
                row(prefix + "1", "甲", "男", classCode, "", "", ""),
                row(prefix + "2", "乙", "男", "NOCLASS", "", "", ""),
                row(prefix + "3", "丙", "女", classCode, "", "", ""))));
        assertThat(studentsLike(prefix)).isZero();

        Map<String, Object> done = driver.confirm(id(job));

        assertThat(done).containsEntry("status", "DONE").containsEntry("created", 2).containsEntry("validRows", 2);
        assertThat(jdbc.sql("SELECT student_number FROM student WHERE student_number LIKE ? ORDER BY 1")
                .param(prefix + "%").query(String.class).list()).containsExactly(prefix + "1", prefix + "3");
        MvcResult second = driver.confirmRaw(id(job));
        assertThat(second.getResponse().getStatus()).isEqualTo(409);
        assertThat(studentsLike(prefix)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'imports.confirm' AND target_id = ?")
                .param(String.valueOf(id(job))).query(Long.class).single()).isEqualTo(1);
        assertThat(driver.problems(id(job), "zh-CN")).extracting(p -> p.get("line")).containsExactly(3);
    }

    @Test
    void aRowThatBecameInvalidBeforeConfirmationIsNotImported() throws Exception {
        String prefix = ImportDriver.unique("IMPR");
        byte[] file = ImportDriver.xlsx(List.of(HEADER,
                row(prefix + "1", "先", "男", classCode, "", "", ""),
                row(prefix + "2", "后", "男", classCode, "", "", "")));
        Map<String, Object> job = driver.uploadAndValidate("STUDENTS", "race.xlsx", file);
        Map<String, Object> other = driver.importFile("STUDENTS", "other.xlsx", ImportDriver.xlsx(List.of(HEADER,
                row(prefix + "1", "先", "男", classCode, "", "", ""))));
        assertThat(other).containsEntry("created", 1);

        Map<String, Object> done = driver.confirm(id(job));

        assertThat(done).containsEntry("status", "DONE").containsEntry("created", 1).containsEntry("unchanged", 1);
    }

    /** A well-formed number whose check digit is wrong. */
    static String badIdCard() {
        String valid = idCard("19990101", 123);
        return valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    }

    private long studentsLike(String prefix) {
        return jdbc.sql("SELECT count(*) FROM student WHERE student_number LIKE ?").param(prefix + "%")
                .query(Long.class).single();
    }

    static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** A valid ID-card number born on the given date. */
    static String idCard(String birth, int sequence) {
        String first17 = "320402" + birth + String.format("%03d", sequence);
        return first17 + IdCards.checkDigit(first17);
    }
}
