package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportPeopleTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired People people;

    private List<List<Row>> sheets(String path, String username) throws Exception {
        return Workbooks.sheets(mvc, users.as(username), path);
    }

    @Test
    void collegesWithTheirMajorsAndClassesForStaffOnly() throws Exception {
        List<Structure.College> colleges = people.colleges();
        List<List<Row>> book = sheets("/exports/colleges.xlsx", "counsellor");
        assertThat(book.get(0).subList(1, book.get(0).size()).stream().map(r -> text(r, 0)).toList())
                .isEqualTo(colleges.stream().map(Structure.College::name).toList());
        for (int i = 0; i < colleges.size(); i++) {
            assertThat(number(book.get(0).get(i + 1), 3)).isEqualTo(colleges.get(i).students());
        }
        assertThat(book.get(1)).hasSize((int) colleges.stream().mapToLong(Structure.College::majors).sum() + 1);
        assertThat(book.get(2)).hasSize((int) colleges.stream().mapToLong(Structure.College::classes).sum() + 1);

        Structure.College first = colleges.get(0);
        List<List<Row>> one = sheets("/api/v1/exports/colleges.xlsx?college=" + first.id(), "admin");
        assertThat(one.get(0)).hasSize(2);
        assertThat(one.get(1).subList(1, one.get(1).size()).stream().map(r -> text(r, 1)).toList())
                .isEqualTo(people.majors(first.id()).stream().map(Structure.Major::name).toList());
        assertThat(one.get(2)).hasSize((int) first.classes() + 1);

        mvc.perform(get("/exports/colleges.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/exports/colleges.xlsx?college=999999").with(users.as("admin"))).andExpect(status().isNotFound());
        Workbooks.linked(mvc, users.as("admin"), "/colleges", "export-colleges", "/exports/colleges.xlsx");
        String url = Workbooks.linked(mvc, users.as("admin"), "/colleges/" + first.id(), "export-colleges", "/exports/colleges.xlsx");
        assertThat(url).contains("college=" + first.id());
    }

    @Test
    void theCounsellorsOwnClassesAndTheClassPageLinksItsStudents() throws Exception {
        List<Structure.ClassGroup> mine = people.classesOf(users.viewer("counsellor"));
        assertThat(mine).isNotEmpty();
        List<Row> rows = sheets("/exports/my-classes.xlsx", "counsellor").get(0);
        assertThat(rows.subList(1, rows.size()).stream().map(r -> text(r, 0)).toList())
                .isEqualTo(mine.stream().map(Structure.ClassGroup::name).toList());
        for (int i = 0; i < mine.size(); i++) {
            assertThat(number(rows.get(i + 1), 6)).isEqualTo(mine.get(i).students());
        }
        // a student has no classes of their own, as on the page
        assertThat(sheets("/api/v1/exports/my-classes.xlsx", "student").get(0)).hasSize(1);
        Workbooks.linked(mvc, users.as("counsellor"), "/classes/mine", "export-my-classes", "/exports/my-classes.xlsx");

        long classId = mine.get(0).id();
        String url = Workbooks.linked(mvc, users.as("counsellor"), "/classes/" + classId, "export-students", "/exports/students.xlsx");
        assertThat(url).contains("classId=" + classId);
        List<Row> students = Workbooks.rows(mvc, users.as("counsellor"), url);
        assertThat(students).hasSize((int) people.searchStudents(users.viewer("counsellor"), "", classId, 0, 10_000).total() + 1);
        // a class outside the viewer's scope shows only its count, and no link
        long other = people.colleges().stream().flatMap(c -> people.majors(c.id()).stream())
                .flatMap(m -> people.classesOfMajor(m.id()).stream()).filter(c -> !people.seesClass(users.viewer("counsellor"), c.id()))
                .findFirst().orElseThrow().id();
        String html = mvc.perform(get("/classes/" + other).with(users.as("counsellor"))).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("id=\"export-students\"");
    }
}
