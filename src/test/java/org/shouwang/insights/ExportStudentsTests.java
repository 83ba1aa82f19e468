package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.identity.AuditLog;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.text;

/** The student list as xlsx: every page of what /students finds for the viewer, no identifiers. */
@IntegrationTest
class ExportStudentsTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired People people;
    @Autowired AuditLog audit;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anAdministratorExportsEveryStudentOverManyBatchesACounsellorOnlyTheirClasses() throws Exception {
        List<Row> all = Workbooks.rows(mvc, users.as("admin"), "/api/v1/exports/students.xlsx");
        long students = jdbc.queryForObject("SELECT count(*) FROM student", Long.class);
        assertThat(students).as("more than one batch").isGreaterThan(ExportStudents.BATCH);
        assertThat(all).hasSize((int) students + 1);
        assertThat(text(all.get(0), 0)).isEqualTo("学号");

        List<StudentSummary> seen = people.searchStudents(users.viewer("counsellor"), "", null, 0, 10_000).items();
        AuditLog.Query exports = new AuditLog.Query("export.students", "counsellor", null, null);
        long exported = audit.search(exports, 0, 1).total();
        List<Row> mine = Workbooks.rows(mvc, users.as("counsellor"), "/exports/students.xlsx");
        assertThat(audit.search(exports, 0, 1).total()).as("the export is audited").isEqualTo(exported + 1);
        assertThat(mine).hasSize(seen.size() + 1);
        assertThat(mine.subList(1, mine.size())).extracting(r -> text(r, 0))
                .containsExactlyElementsOf(seen.stream().map(StudentSummary::studentNumber).toList());
        long ofTheirClasses = jdbc.queryForObject("""
                SELECT count(*) FROM student s WHERE s.class_id IN (SELECT c.id FROM class_group c
                  JOIN staff st ON st.id = c.counsellor_id JOIN account a ON a.staff_id = st.id WHERE a.username = 'counsellor')""",
                Long.class);
        assertThat(seen).hasSize((int) ofTheirClasses);
        assertThat(ofTheirClasses).isLessThan(students);
    }

    @Test
    void aSearchNarrowsTheExportAsItNarrowsThePageAndAStudentGetsOnlyThemself() throws Exception {
        StudentSummary first = people.searchStudents(users.viewer("admin"), "", null, 0, 1).items().get(0);
        List<Row> found = Workbooks.rows(mvc, users.as("admin"), "/exports/students.xlsx?q=" + first.studentNumber());
        assertThat(found.subList(1, found.size())).extracting(r -> text(r, 0)).contains(first.studentNumber())
                .allMatch(n -> n.startsWith(first.studentNumber()));
        assertThat(text(found.get(1), 3)).isEqualTo(first.className());

        List<Row> own = Workbooks.rows(mvc, users.as("student"), "/exports/students.xlsx");
        assertThat(own.size() - 1).isEqualTo(people.searchStudents(users.viewer("student"), "", null, 0, 100).items().size())
                .isLessThanOrEqualTo(1);
    }
}
