package org.shouwang.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.imports.StudentImportTests.idCard;

/**
 * How long a university's whole student roster takes, upload to DONE, and its re-import. Run on
 * demand: {@code mvn test -Dtest=StudentImportBenchmark -Dbench=true -Dbench.students=30000}.
 * Prints the times; asserts only the outcome (DESIGN §7: speed is measured, not unit-tested).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class StudentImportBenchmark {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.jdbc.core.JdbcTemplate template;

    @Test
    void wholeRoster() throws Exception {
        int students = Integer.getInteger("bench.students", 30_000);
        List<String> classes = jdbc.sql("SELECT code FROM class_group ORDER BY code").query(String.class).list();
        String prefix = ImportDriver.unique("BEN");
        List<List<Object>> rows = new ArrayList<>(students + 1);
        rows.add(List.of("学号", "姓名", "性别", "班级代码", "身份证号", "手机号", "政治面貌"));
        for (int i = 0; i < students; i++) {
            rows.add(List.of(prefix + String.format("%06d", i), "学生" + i, i % 2 == 0 ? "男" : "女",
                    classes.get(i % classes.size()), idCard("2006" + String.format("%02d%02d", 1 + i % 12, 1 + i % 28), i % 1000),
                    "139" + String.format("%08d", i), i % 10 == 0 ? "群众" : "共青团员"));
        }
        byte[] file = ImportDriver.xlsx(rows);
        ImportDriver driver = new ImportDriver(mvc, users);

        long start = System.nanoTime();
        Map<String, Object> first = driver.importFile("STUDENTS", "all.xlsx", file);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Map<String, Object> again = driver.importFile("STUDENTS", "all.xlsx", file);
        long againMillis = (System.nanoTime() - start) / 1_000_000;

        long baselineMillis = rawParseAndInsert(file);

        System.out.printf("BENCH students=%d file=%d KB first=%d ms (created %s) reimport=%d ms (unchanged %s) "
                        + "baseline=%d ms ratio=%.2f%n",
                students, file.length / 1024, firstMillis, first.get("created"), againMillis, again.get("unchanged"),
                baselineMillis, (double) firstMillis / baselineMillis);
        assertThat(first).containsEntry("created", students);
        assertThat(again).containsEntry("unchanged", students);
    }

    /**
     * The floor under any import of this file: read it with fastexcel and batch-insert the rows,
     * unvalidated, into a scratch table of the same shape. Run side by side with the import, so the
     * ratio import / baseline means something on a noisy machine.
     */
    private long rawParseAndInsert(byte[] file) throws Exception {
        jdbc.sql("""
                CREATE TABLE bench_student (student_number VARCHAR(32), name VARCHAR(50), gender VARCHAR(4),
                  class_code VARCHAR(32), id_card VARCHAR(18), phone VARCHAR(20), political_status VARCHAR(20))""").update();
        try {
            long start = System.nanoTime();
            List<Object[]> rows = new ArrayList<>();
            try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(file));
                 var sheet = workbook.getFirstSheet().openStream()) {
                sheet.skip(1).forEach(row -> {
                    Object[] values = new Object[7];
                    for (int i = 0; i < 7; i++) {
                        values[i] = row.getCellText(i);
                    }
                    rows.add(values);
                });
            }
            template.batchUpdate("INSERT INTO bench_student VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            jdbc.sql("DROP TABLE bench_student").update();
        }
    }
}
