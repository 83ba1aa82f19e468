package org.shouwang.activities.growth;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.GrowthRecords;
import org.shouwang.activities.GrowthViews;
import org.shouwang.activities.growth.GrowthFixtures.Student;
import org.shouwang.people.People;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class GrowthRecordTests {

    @Autowired GrowthRecords records;
    @Autowired GrowthFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired People people;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void defaultLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void totalsBySemesterTypeEducationAndVolunteerHoursAreThoseOfTheAttendedActivities() {
        Student s = fixtures.freshStudents(1, null, null).get(0);
        long lecture = fixtures.activity("求是讲堂：人工智能与社会", LocalDateTime.of(2016, 10, 10, 14, 0))
                .series("求是讲堂").brand("守望").educations(FiveEducation.MORAL, FiveEducation.INTELLECTUAL)
                .hours("2.0", "0.5").attendedBy(List.of(s));
        long winterVolunteering = fixtures.activity("寒假社区敬老服务", LocalDateTime.of(2017, 1, 10, 9, 0))
                .type(ActivityType.VOLUNTEER_SERVICE).educations(FiveEducation.LABOUR).hours("4.0", "1.0").attendedBy(List.of(s));
        // 00:30 on 1 February in the campus zone is still 31 January in UTC: it belongs to the second term.
        long club = fixtures.activity("街舞社夜场", LocalDateTime.of(2017, 2, 1, 0, 30))
                .type(ActivityType.CLUB_ACTIVITY).educations(FiveEducation.PHYSICAL, FiveEducation.AESTHETIC)
                .hours("1.5", "0.0").attendedBy(List.of(s));
        long septemberVolunteering = fixtures.activity("迎新志愿服务", LocalDateTime.of(2017, 9, 1, 8, 0))
                .type(ActivityType.VOLUNTEER_SERVICE).educations(FiveEducation.MORAL).hours("3.0", "0.5").attendedBy(List.of(s));
        // Registered but never checked in; and an attendance still waiting for approval (补录): neither counts.
        Student other = fixtures.freshStudents(1, null, s.classId()).get(0);
        fixtures.activity("报名未到场的讲座", LocalDateTime.of(2017, 3, 3, 19, 0)).attendedBy(List.of(other));
        long pending = fixtures.activity("待审补录的活动", LocalDateTime.of(2017, 4, 4, 19, 0)).hours("6.0", "1.0").attendedBy(List.of(s));
        fixtures.pendingLateEntry(pending, s.id());

        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        GrowthViews.Record record = records.mine(s.viewer());

        assertThat(record.student().studentNumber()).isEqualTo(s.number());
        assertThat(record.entries()).extracting(GrowthViews.Entry::activityId)
                .containsExactly(septemberVolunteering, club, winterVolunteering, lecture);
        assertThat(record.entries().get(1).date()).hasToString("2017-02-01");
        assertThat(record.total()).isEqualTo(new GrowthViews.Totals(4, new BigDecimal("10.5"), new BigDecimal("2.0"), new BigDecimal("7.0")));
        assertThat(record.bySemester()).extracting(GrowthViews.SemesterTotals::semester, GrowthViews.SemesterTotals::label,
                        GrowthViews.SemesterTotals::activities, GrowthViews.SemesterTotals::hours, GrowthViews.SemesterTotals::volunteerHours)
                .containsExactly(
                        tuple("2017-1", "2017–2018 第一学期", 1, new BigDecimal("3.0"), new BigDecimal("3.0")),
                        tuple("2016-2", "2016–2017 第二学期", 1, new BigDecimal("1.5"), new BigDecimal("0.0")),
                        tuple("2016-1", "2016–2017 第一学期", 2, new BigDecimal("6.0"), new BigDecimal("4.0")));
        assertThat(record.byType()).extracting(GrowthViews.TypeTotals::type, GrowthViews.TypeTotals::activities, GrowthViews.TypeTotals::hours)
                .containsExactly(tuple(ActivityType.VOLUNTEER_SERVICE, 2, new BigDecimal("7.0")),
                        tuple(ActivityType.LECTURE, 1, new BigDecimal("2.0")),
                        tuple(ActivityType.CLUB_ACTIVITY, 1, new BigDecimal("1.5")));
        // An activity serving several educations counts in each.
        assertThat(record.byEducation()).extracting(GrowthViews.EducationTotals::education, GrowthViews.EducationTotals::activities,
                        GrowthViews.EducationTotals::hours)
                .containsExactly(tuple(FiveEducation.MORAL, 2, new BigDecimal("5.0")),
                        tuple(FiveEducation.INTELLECTUAL, 1, new BigDecimal("2.0")),
                        tuple(FiveEducation.PHYSICAL, 1, new BigDecimal("1.5")),
                        tuple(FiveEducation.AESTHETIC, 1, new BigDecimal("1.5")),
                        tuple(FiveEducation.LABOUR, 1, new BigDecimal("4.0")));
        // The same as the attendance rows marked present say.
        assertThat(jdbc.queryForObject("SELECT sum(hours) FROM attendance WHERE student_id = ? AND state = 'PRESENT'",
                BigDecimal.class, s.id())).isEqualByComparingTo(record.total().hours());

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(records.mine(s.viewer()).bySemester().get(0).label()).isEqualTo("2017–2018 autumn");
    }

    @Test
    void theStudentSeesTheirHoursOnTheirPhonePageAndThroughTheApi() throws Exception {
        Student s = fixtures.freshStudents(1, null, null).get(0);
        fixtures.activity("防诈骗专题教育", LocalDateTime.of(2018, 11, 20, 19, 0)).type(ActivityType.EDUCATION_CAMPAIGN)
                .educations(FiveEducation.MORAL).hours("1.5", "0.2").attendedBy(List.of(s));

        mvc.perform(get("/growth").with(users.as(s.number())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("防诈骗专题教育")))
                .andExpect(content().string(containsString("id=\"total-hours\">1.5<")))
                .andExpect(content().string(containsString("2018–2019 第一学期")));
        mvc.perform(get("/api/v1/me/growth").with(users.as(s.number())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.hours").value(1.5))
                .andExpect(jsonPath("$.total.activities").value(1))
                .andExpect(jsonPath("$.bySemester[0].semester").value("2018-1"))
                .andExpect(jsonPath("$.byEducation[0].education").value("MORAL"))
                .andExpect(jsonPath("$.entries[0].title").value("防诈骗专题教育"));
    }

    @Test
    void aStudentCannotReadAnotherStudentsRecord() throws Exception {
        List<Student> two = fixtures.freshStudents(2, null, null);
        Student owner = two.get(0);
        Student nosy = two.get(1);
        fixtures.activity("篮球赛", LocalDateTime.of(2018, 5, 12, 15, 0)).type(ActivityType.COMPETITION).attendedBy(List.of(owner));

        assertThatThrownBy(() -> records.record(nosy.viewer(), owner.id())).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/students/" + owner.id() + "/growth").with(users.as(nosy.number()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/" + owner.id() + "/growth").with(users.as(nosy.number())))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("篮球赛"))));
        // The owner reads it by id too; nobody reads a student that does not exist.
        mvc.perform(get("/api/v1/students/" + owner.id() + "/growth").with(users.as(owner.number()))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/students/99999999/growth").with(users.as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void counsellorsAndHeadTeachersReadOnlyTheirClassesWhileStudentAffairsAndAdminsReadAnyone() throws Exception {
        Viewer counsellor = users.viewer("counsellor");
        Viewer headTeacher = users.viewer("headteacher");
        // The demo's first class has both as its counsellor and head teacher.
        long theirClass = people.classesOf(counsellor).stream().map(c -> c.id())
                .filter(id -> people.classesOf(headTeacher).stream().anyMatch(h -> h.id() == id)).findFirst().orElseThrow();
        Student inClass = fixtures.freshStudents(1, theirClass, null).get(0);
        Student elsewhere = fixtures.freshStudents(40, null, null).stream()
                .filter(x -> people.classesOf(counsellor).stream().noneMatch(c -> c.id() == x.classId())
                        && people.classesOf(headTeacher).stream().noneMatch(c -> c.id() == x.classId()))
                .findFirst().orElseThrow();

        assertThat(records.record(counsellor, inClass.id()).student().id()).isEqualTo(inClass.id());
        assertThatThrownBy(() -> records.record(counsellor, elsewhere.id())).isInstanceOf(NotFoundException.class);
        assertThat(records.record(headTeacher, inClass.id()).student().id()).isEqualTo(inClass.id());

        for (String username : List.of("counsellor", "headteacher", "affairs", "admin")) {
            mvc.perform(get("/students/" + inClass.id() + "/growth").with(users.as(username)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(inClass.name())));
        }
        for (String username : List.of("affairs", "admin")) {
            mvc.perform(get("/api/v1/students/" + elsewhere.id() + "/growth").with(users.as(username))).andExpect(status().isOk());
        }
        // Outside their classes, and for staff who look after no class (a building manager sees residents, not records).
        mvc.perform(get("/students/" + elsewhere.id() + "/growth").with(users.as("counsellor"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/" + elsewhere.id() + "/growth").with(users.as("headteacher"))).andExpect(status().isNotFound());
        for (String username : List.of("leader", "manager", "handler", "dispatch")) {
            mvc.perform(get("/api/v1/students/" + inClass.id() + "/growth").with(users.as(username))).andExpect(status().isNotFound());
        }
    }

    @Test
    void thePagesSpeakEnglishToo() throws Exception {
        Student s = fixtures.freshStudents(1, null, null).get(0);
        fixtures.activity("Spring volunteering", LocalDateTime.of(2019, 4, 13, 9, 0)).type(ActivityType.VOLUNTEER_SERVICE)
                .educations(FiveEducation.LABOUR).hours("2.5", "0.5").attendedBy(List.of(s));
        mvc.perform(get("/growth").param("lang", "en").with(users.as(s.number())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Growth record")))
                .andExpect(content().string(containsString("2018–2019 spring")))
                .andExpect(content().string(containsString("Volunteer service")))
                .andExpect(content().string(containsString("2.5 h")));
    }

    @Test
    void theApiIsDescribed() throws Exception {
        mvc.perform(get("/v3/api-docs").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/me/growth")))
                .andExpect(content().string(containsString("/api/v1/students/{id}/growth")))
                .andExpect(content().string(containsString("/api/v1/transcripts/{code}/pdf")))
                .andExpect(content().string(containsString("/api/v1/classes/{id}/growth/export")))
                .andExpect(content().string(containsString("/api/v1/activity-counts")));
    }

    @Test
    void staffOpeningTheGrowthPageAreTakenToTheirClasses() throws Exception {
        mvc.perform(get("/growth").with(users.as("counsellor"))).andExpect(redirectedUrl("/growth/classes"));
        mvc.perform(get("/api/v1/me/growth").with(users.as("counsellor"))).andExpect(status().isNotFound());
    }
}
