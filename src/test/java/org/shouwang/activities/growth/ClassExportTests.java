package org.shouwang.activities.growth;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.GrowthRecords;
import org.shouwang.activities.GrowthViews;
import org.shouwang.activities.Semester;
import org.shouwang.activities.growth.GrowthFixtures.Student;
import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ClassExportTests {

    @Autowired GrowthRecords records;
    @Autowired GrowthFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired People people;
    @Autowired MockMvc mvc;

    @Test
    void theCounsellorExportsOneRowPerStudentOfTheirClassWithTheirTotals() throws Exception {
        Viewer counsellor = users.viewer("counsellor");
        Structure.ClassGroup group = people.classesOf(counsellor).get(0);
        List<Student> two = fixtures.freshStudents(2, group.id(), null);
        Student active = two.get(0);
        Student second = two.get(1);
        fixtures.activity("秋季志愿服务", LocalDateTime.of(2022, 10, 15, 9, 0)).type(ActivityType.VOLUNTEER_SERVICE)
                .educations(FiveEducation.LABOUR, FiveEducation.MORAL).hours("3.0", "0.5").attendedBy(List.of(active, second));
        fixtures.activity("春季运动会", LocalDateTime.of(2023, 4, 20, 8, 30)).type(ActivityType.COMPETITION)
                .educations(FiveEducation.PHYSICAL).hours("2.0", "0.5").attendedBy(List.of(active));

        byte[] xlsx = mvc.perform(get("/growth/classes/" + group.id() + "/export").param("semester", "all").with(users.as("counsellor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        List<Row> rows = rows(xlsx);
        // A title, then the header, then every student of the class.
        assertThat(rows.get(0).getCellText(0)).contains(group.name(), "全部学期");
        assertThat(rows.get(1).getCellText(0)).isEqualTo("学号");
        assertThat(rows.get(1).getCellText(5)).isEqualTo("志愿时长");
        assertThat(rows.get(1).getCellText(6)).isEqualTo("德育学时");
        Map<String, Row> byNumber = rows.subList(2, rows.size()).stream().collect(Collectors.toMap(r -> r.getCellText(0), r -> r));
        assertThat(byNumber.keySet()).containsExactlyInAnyOrderElementsOf(
                people.studentsOfClass(group.id()).stream().map(s -> s.studentNumber()).toList());
        Row row = byNumber.get(active.number());
        assertThat(row.getCellText(1)).isEqualTo(active.name());
        assertThat(row.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("2");
        assertThat(row.getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("5.0");
        assertThat(row.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("1.0");
        assertThat(row.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo("3.0");
        assertThat(row.getCellAsNumber(6).orElseThrow()).isEqualByComparingTo("3.0");  // moral
        assertThat(row.getCellAsNumber(8).orElseThrow()).isEqualByComparingTo("2.0");  // physical
        assertThat(row.getCellAsNumber(10).orElseThrow()).isEqualByComparingTo("3.0"); // labour

        // One semester: the spring competition only.
        GrowthViews.ClassTotals spring = records.classTotals(counsellor, group.id(), Semester.parse("2022-2", "semester"));
        GrowthViews.StudentTotals activeInSpring = spring.students().stream().filter(s -> s.studentId() == active.id()).findFirst().orElseThrow();
        assertThat(activeInSpring.activities()).isEqualTo(1);
        assertThat(activeInSpring.hours()).isEqualByComparingTo("2.0");
        assertThat(activeInSpring.volunteerHours()).isEqualByComparingTo("0.0");
        assertThat(spring.students().stream().filter(s -> s.studentId() == second.id()).findFirst().orElseThrow().hours())
                .isEqualByComparingTo(BigDecimal.ZERO);

        mvc.perform(get("/api/v1/classes/" + group.id() + "/growth").param("semester", "2022-1").with(users.as("counsellor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.students.length()").value(people.studentsOfClass(group.id()).size()))
                .andExpect(jsonPath("$.students[?(@.studentNumber == '" + active.number() + "')].hours").value(3.0))
                .andExpect(jsonPath("$.students[?(@.studentNumber == '" + active.number() + "')].educationHours.LABOUR").value(3.0));
        byte[] fromApi = mvc.perform(get("/api/v1/classes/" + group.id() + "/growth/export").with(users.as("counsellor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(rows(fromApi)).hasSize(rows.size());
        mvc.perform(get("/growth/classes/" + group.id()).with(users.as("counsellor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(active.name())));
    }

    @Test
    void theExportIsRefusedOutsideTheViewersClasses() throws Exception {
        Viewer counsellor = users.viewer("counsellor");
        List<Long> theirs = people.classesOf(counsellor).stream().map(Structure.ClassGroup::id).toList();
        long other = fixtures.freshStudents(60, null, null).stream().map(Student::classId).filter(id -> !theirs.contains(id))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> records.classTotals(counsellor, other, null)).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/growth/classes/" + other + "/export").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/classes/" + other + "/growth/export").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/classes/" + other + "/growth").with(users.as("headteacher"))).andExpect(status().isNotFound());
        for (String username : List.of("student", "leader", "manager", "handler")) {
            mvc.perform(get("/api/v1/classes/" + theirs.get(0) + "/growth/export").with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/growth/classes").with(users.as(username))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/classes/99999999/growth").with(users.as("admin"))).andExpect(status().isNotFound());
        // Student affairs and admins export any class.
        for (String username : List.of("affairs", "admin")) {
            mvc.perform(get("/growth/classes/" + other + "/export").with(users.as(username))).andExpect(status().isOk());
        }
    }

    @Test
    void theClassesPageListsTheViewersClassesAndAMalformedSemesterIsAFieldError() throws Exception {
        Viewer counsellor = users.viewer("counsellor");
        Structure.ClassGroup group = people.classesOf(counsellor).get(0);
        mvc.perform(get("/growth/classes").with(users.as("counsellor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-class=\"" + group.id() + "\"")))
                .andExpect(content().string(containsString("第一学期")));
        mvc.perform(get("/growth/classes").with(users.as("affairs")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("college-form")));
        mvc.perform(get("/api/v1/growth/classes").with(users.as("counsellor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(group.id()));

        mvc.perform(get("/api/v1/classes/" + group.id() + "/growth").param("semester", "2025-3").with(users.as("counsellor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("semester"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("2025-1")));
        mvc.perform(get("/api/v1/classes/" + group.id() + "/growth").param("semester", "autumn").header("Accept-Language", "en")
                        .with(users.as("counsellor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Write a semester like 2025-1")));
        mvc.perform(get("/growth/classes/" + group.id() + "/export").param("semester", "x").with(users.as("counsellor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("学期应写作")));
        mvc.perform(get("/growth/classes/abc/export").with(users.as("counsellor"))).andExpect(status().isBadRequest());
    }

    private static List<Row> rows(byte[] xlsx) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getFirstSheet().read();
        }
    }
}
