package org.shouwang.imports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.shouwang.imports.ImportDriver.id;
import static org.shouwang.imports.StudentImportTests.row;

/** Staff (with departments) and classes (with colleges and majors), upserted by their numbers and codes. */
@IntegrationTest
class PeopleImportTests {

    private static final List<Object> STAFF = List.of("工号", "姓名", "性别", "手机号", "部门代码", "部门名称", "学院代码", "职务");
    private static final List<Object> CLASSES = List.of("class_code", "class_name", "grade_year", "major_code", "major_name",
            "college_code", "college_name", "counsellor_staff_number", "head_teacher_staff_number");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    ImportDriver driver;

    @BeforeEach
    void setUp() {
        driver = new ImportDriver(mvc, users);
    }

    @Test
    void staffAndClassesAreUpsertedWithTheirDepartmentsCollegesAndMajors() throws Exception {
        String key = ImportDriver.unique("IMPT");
        String existingCollege = jdbc.sql("SELECT code FROM college ORDER BY id LIMIT 1").query(String.class).single();
        byte[] staff = ImportDriver.xlsx(List.of(STAFF,
                row(key + "1", "刘辅导", "女", "13700000001", key + "D", "导入测试部", existingCollege, "辅导员"),
                row(key + "2", "何班主", "男", "", key + "D", "", "", "班主任")));
        assertThat(driver.importFile("STAFF", "staff.xlsx", staff)).containsEntry("created", 2);
        assertThat(jdbc.sql("SELECT name FROM department WHERE code = ?").param(key + "D").query(String.class).single())
                .isEqualTo("导入测试部");
        assertThat(driver.importFile("STAFF", "staff.xlsx", staff)).containsEntry("unchanged", 2);

        byte[] classes = ImportDriver.xlsx(List.of(CLASSES,
                row(key + "C1", "导入1班", 2025, key + "M", "导入专业", key + "K", "导入学院", key + "1", key + "2"),
                row(key + "C2", "导入2班", "2025", key + "M", "", key + "K", "", key + "1", ""),
                row(key + "C3", "旧学院班", 2024, key + "M2", "另一专业", existingCollege, "", "", "")));
        Map<String, Object> done = driver.importFile("CLASSES", "classes.xlsx", classes);
        assertThat(done).containsEntry("status", "DONE").containsEntry("created", 3);
        assertThat(jdbc.sql("""
                        SELECT co.name FROM class_group c JOIN major m ON m.id = c.major_id JOIN college co ON co.id = m.college_id
                        WHERE c.code = ?""").param(key + "C2").query(String.class).single()).isEqualTo("导入学院");
        assertThat(jdbc.sql("SELECT s.staff_number FROM class_group c JOIN staff s ON s.id = c.counsellor_id WHERE c.code = ?")
                .param(key + "C1").query(String.class).single()).isEqualTo(key + "1");
        assertThat(driver.importFile("CLASSES", "classes.xlsx", classes)).containsEntry("unchanged", 3)
                .containsEntry("created", 0).containsEntry("updated", 0);
    }

    @Test
    void classRowsWithWrongTypesAndUnknownReferencesAreReported() throws Exception {
        String key = ImportDriver.unique("IMPK");
        Map<String, Object> job = driver.uploadAndValidate("CLASSES", "classes.csv", ImportDriver.csv(List.of(CLASSES,
                row(key + "1", "一班", "二〇二五", key + "M", "专业", key + "K", "学院", "", ""),
                row(key + "2", "二班", 1800, key + "NEWMAJOR", "", "", "", "", ""),
                row(key + "3", "三班", 2025, key + "M", "别的名字", key + "NOCOLLEGE", "", "NOSTAFF", "NOSTAFF2"),
                row(key + "1", "重复", 2025, key + "M", "", key + "K", "", "", "")), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(driver.problems(id(job), "en"))
                .extracting(p -> p.get("line"), p -> p.get("column"), p -> p.get("code")).containsExactlyInAnyOrder(
                        tuple(2, "grade_year", "import.problem.notNumber"),
                        tuple(3, "grade_year", "import.problem.range"),
                        tuple(3, "major_code", "import.problem.unknownMajor"),
                        tuple(4, "major_name", "import.problem.conflict"),
                        tuple(4, "college_code", "import.problem.unknownCollege"),
                        tuple(4, "college_code", "import.problem.conflict"),
                        tuple(4, "counsellor_staff_number", "import.problem.unknownStaff"),
                        tuple(4, "head_teacher_staff_number", "import.problem.unknownStaff"),
                        tuple(5, "class_code", "import.problem.duplicate"),
                        tuple(5, "college_code", "import.problem.unknownCollege"),
                        tuple(5, "major_code", "import.problem.unknownMajor"));
        assertThat(jdbc.sql("SELECT count(*) FROM class_group WHERE code LIKE ?").param(key + "%").query(Long.class).single())
                .isZero();
    }

    @Test
    void staffRowsWithBadValuesAreReported() throws Exception {
        String key = ImportDriver.unique("IMPF");
        Map<String, Object> job = driver.uploadAndValidate("STAFF", "staff.xlsx", ImportDriver.xlsx(List.of(STAFF,
                row(key + "1", "甲", "未知", "1380000", key + "NEWDEPT", "", "NOCOLLEGE", ""),
                row(key + "2", "乙", "女", "", "", "无代码部门", "", "职".repeat(51)))));

        assertThat(driver.problems(id(job), "zh-CN"))
                .extracting(p -> p.get("line"), p -> p.get("column"), p -> p.get("code")).containsExactlyInAnyOrder(
                        tuple(2, "gender", "import.problem.gender"),
                        tuple(2, "phone", "import.problem.phone"),
                        tuple(2, "department_code", "import.problem.unknownDepartment"),
                        tuple(2, "college_code", "import.problem.unknownCollege"),
                        tuple(3, "department_code", "import.problem.required"),
                        tuple(3, "title", "import.problem.tooLong"));
    }
}
