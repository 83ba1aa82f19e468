package org.shouwang.activities.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.AttendanceQueries;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.activities.Attendances;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** After the activity: the attendance list, appeals of no-shows, the summary and photos, participants' ratings. */
@IntegrationTest
class AfterTheActivityTests {

    @Autowired Attendances attendances;
    @Autowired org.shouwang.activities.Activities activities;
    @Autowired AttendanceQueries queries;
    @Autowired CheckIns checkIns;
    @Autowired CheckInScenes scenes;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theAttendanceListShowsWhoCameHowAndWhoDidNot() throws Exception {
        Instant t0 = Instant.now();
        clock.fix(t0);
        long id = scenes.startingSoon("考勤名单");
        List<Viewer> students = scenes.registered(id, 4);
        checkIns.checkIn(students.get(0), id, code(id));
        checkIns.scan(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_IN, scenes.number(students.get(1)));
        activitiesLeave(id, students.get(3));
        clock.fix(t0.plus(Duration.ofHours(3)));

        AttendanceViews.AttendanceSheet sheet = queries.sheet(users.viewer(CheckInScenes.ORGANISER), id);
        assertThat(sheet.present()).extracting(AttendanceViews.Attendee::studentId, a -> a.method().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(students.get(0).studentId(), "QR"),
                        org.assertj.core.groups.Tuple.tuple(students.get(1).studentId(), "MANUAL"));
        // The one on leave is no no-show.
        assertThat(sheet.noShows()).extracting(AttendanceViews.NoShow::studentId).containsExactly(students.get(2).studentId());
        assertThat(sheet.over()).isTrue();
        mvc.perform(get("/activities/" + id + "/attendance").with(users.as(CheckInScenes.ORGANISER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"present-list\"")))
                .andExpect(content().string(containsString("data-student=\"" + scenes.number(students.get(2)) + "\"")))
                .andExpect(content().string(containsString("id=\"late-entry-form\"")));
        mvc.perform(get("/api/v1/activities/" + id + "/attendance").with(users.as(CheckInScenes.ORGANISER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.present.length()").value(2))
                .andExpect(jsonPath("$.noShows[0].studentNumber").value(scenes.number(students.get(2))));
    }

    @Test
    void aNoShowAppealsAndIsRestored() throws Exception {
        Instant t0 = Instant.now();
        long id = scenes.startingSoon("缺席申诉");
        Viewer student = scenes.registered(id, 1).get(0);
        clock.fix(t0.plus(Duration.ofHours(4)));
        assertThat(queries.mine(student, id).mayAppeal()).isTrue();

        mvc.perform(post("/activities/" + id + "/recap/appeal").param("reason", "我坐在后排，扫码时网络不好")
                        .with(users.as(student.username())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "申诉已提交给活动组织者。"));
        AttendanceViews.Appeal appeal = queries.sheet(users.viewer(CheckInScenes.ORGANISER), id).appeals().get(0);
        assertThat(appeal.reason()).isEqualTo("我坐在后排，扫码时网络不好");
        assertThatThrownBy(() -> attendances.appeal(student, id, "再申诉一次")).isInstanceOf(RuleViolation.class)
                .hasMessage("attendanceAppeal.already");

        mvc.perform(post("/api/v1/activities/" + id + "/appeals/" + appeal.id() + "/decision").with(users.as(CheckInScenes.ORGANISER))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"restore\":true,\"answer\":\"已核实座位表\"}"))
                .andExpect(status().isNoContent());

        assertThat(jdbc.sql("SELECT state || ' ' || method FROM attendance WHERE activity_id = ? AND student_id = ?")
                .params(id, student.studentId()).query(String.class).single()).isEqualTo("PRESENT APPEAL");
        AttendanceViews.MyAttendance mine = queries.mine(student, id);
        assertThat(mine.appeal().state()).isEqualTo(AttendanceViews.AppealState.RESTORED);
        assertThat(mine.noShow()).isFalse();
        assertThat(mine.hours()).isEqualByComparingTo("2.0");
        awaitNotice("activity-appeal-decided-" + appeal.id(), student);
    }

    @Test
    void anAppealIsRefusedWithAnAnswerAndOnlyNoShowsMayAppealInTime() {
        Instant t0 = Instant.now();
        clock.fix(t0);
        long id = scenes.startingSoon("申诉被驳回");
        List<Viewer> students = scenes.registered(id, 2);
        checkIns.checkIn(students.get(1), id, code(id));
        Viewer organiser = users.viewer(CheckInScenes.ORGANISER);
        assertThatThrownBy(() -> attendances.appeal(students.get(0), id, "还没结束")).isInstanceOf(RuleViolation.class)
                .hasMessage("attendanceAppeal.notYet");
        clock.fix(t0.plus(Duration.ofHours(4)));

        assertThatThrownBy(() -> attendances.appeal(students.get(1), id, "我到了")).isInstanceOf(RuleViolation.class)
                .hasMessage("attendanceAppeal.notANoShow");
        assertThatThrownBy(() -> attendances.appeal(scenes.student(20), id, "我也来了")).isInstanceOf(RuleViolation.class)
                .hasMessage("attendanceAppeal.notANoShow");
        long appeal = attendances.appeal(students.get(0), id, "我到了");
        assertThatThrownBy(() -> attendances.decideAppeal(organiser, id, appeal, false, ""))
                .isInstanceOf(org.shouwang.shared.InvalidInput.class);
        attendances.decideAppeal(organiser, id, appeal, false, "签到表与监控均无记录");

        assertThat(queries.mine(students.get(0), id).appeal().answer()).isEqualTo("签到表与监控均无记录");
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ? AND student_id = ?")
                .params(id, students.get(0).studentId()).query(Integer.class).single()).isZero();

        clock.fix(t0.plus(Duration.ofDays(9)));
        long other = scenes.startingSoon("申诉期限");
        Viewer late = scenes.registered(other, 1).get(0);
        clock.fix(t0.plus(Duration.ofDays(18)));
        assertThatThrownBy(() -> attendances.appeal(late, other, "过了期限")).isInstanceOf(RuleViolation.class)
                .hasMessage("attendanceAppeal.closed");
    }

    @Test
    void onlyParticipantsRateOnceAndMayChangeIt() throws Exception {
        Instant t0 = Instant.now();
        clock.fix(t0);
        long id = scenes.startingSoon("活动评价");
        List<Viewer> students = scenes.registered(id, 3);
        checkIns.checkIn(students.get(0), id, code(id));
        checkIns.checkIn(students.get(1), id, code(id));
        clock.fix(t0.plus(Duration.ofHours(3)));

        mvc.perform(put("/api/v1/activities/" + id + "/rating").with(users.as(students.get(0).username())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":5,\"comment\":\"讲得很好\"}"))
                .andExpect(status().isNoContent());
        attendances.rate(students.get(0), id, 4, "讲得很好，时间略长");
        attendances.rate(students.get(1), id, 3, null);
        assertThatThrownBy(() -> attendances.rate(students.get(2), id, 5, "我没来也想评"))
                .isInstanceOf(RuleViolation.class).hasMessage("activityRating.participantsOnly");

        AttendanceViews.Ratings ratings = queries.ratings(users.viewer(CheckInScenes.ORGANISER), id);
        assertThat(ratings.count()).isEqualTo(2);
        assertThat(ratings.average()).isEqualByComparingTo("3.5");
        assertThat(ratings.comments()).extracting(AttendanceViews.RatingComment::text).containsExactly("讲得很好，时间略长");
        mvc.perform(get("/activities/" + id + "/attendance").with(users.as(CheckInScenes.ORGANISER)))
                .andExpect(content().string(containsString("<span class=\"stat\" id=\"rating-average\">3.5</span>")));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        Instant t0 = Instant.now();
        clock.fix(t0);
        long id = scenes.startingSoon("错误输入");
        List<Viewer> students = scenes.registered(id, 2);
        checkIns.checkIn(students.get(0), id, code(id));
        clock.fix(t0.plus(Duration.ofHours(3)));

        // A rating of 6 stars.
        mvc.perform(put("/api/v1/activities/" + id + "/rating").with(users.as(students.get(0).username())).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("{\"rating\":6}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rating"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose 1 to 5 stars."));
        mvc.perform(post("/activities/" + id + "/recap/rating").param("rating", "6").with(users.as(students.get(0).username())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", java.util.Map.of("rating", "请选择 1 到 5 星。")));
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ? AND rating IS NOT NULL").param(id)
                .query(Integer.class).single()).isZero();

        // An appeal without a reason.
        mvc.perform(post("/api/v1/activities/" + id + "/appeals").with(users.as(students.get(1).username())).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("Required."));
        assertThat(jdbc.sql("SELECT count(*) FROM attendance_appeal WHERE activity_id = ?").param(id).query(Integer.class).single()).isZero();

        // A "photo" that is not an image, beside a real one: neither is kept.
        mvc.perform(multipart("/api/v1/activities/" + id + "/photos")
                        .file(new MockMultipartFile("photos", "a.png", "image/png", CheckInScenes.png()))
                        .file(new MockMultipartFile("photos", "b.png", "image/png", "not a picture at all".getBytes()))
                        .with(users.as(CheckInScenes.ORGANISER)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("photos"))
                .andExpect(jsonPath("$.errors[0].message").value("Photos must be JPEG, PNG, GIF or WebP images."));
        mvc.perform(multipart("/activities/" + id + "/attendance/photos")
                        .file(new MockMultipartFile("photos", "b.png", "image/png", "not a picture at all".getBytes()))
                        .with(users.as(CheckInScenes.ORGANISER)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", java.util.Map.of("photos", "照片须为 JPEG、PNG、GIF 或 WebP 图片。")));
        assertThat(jdbc.sql("SELECT count(*) FROM activity_photo WHERE activity_id = ?").param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void theSummaryAndPhotosAreForWhoeverSeesTheActivity() throws Exception {
        Instant t0 = Instant.now();
        long id = scenes.startingSoon("活动总结与照片");
        Viewer organiser = users.viewer(CheckInScenes.ORGANISER);
        assertThatThrownBy(() -> attendances.summarise(organiser, id, "还没开始")).isInstanceOf(RuleViolation.class)
                .hasMessage("activityRecap.notStarted");
        clock.fix(t0.plus(Duration.ofHours(3)));

        mvc.perform(put("/api/v1/activities/" + id + "/summary").with(users.as(CheckInScenes.ORGANISER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"summary\":\"共 120 人参加，现场提问 15 个。\"}"))
                .andExpect(status().isNoContent());
        String location = mvc.perform(multipart("/api/v1/activities/" + id + "/photos")
                        .file(new MockMultipartFile("photos", "a.png", "image/png", CheckInScenes.png()))
                        .with(users.as(CheckInScenes.ORGANISER)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        long photo = Long.parseLong(location.replaceAll("[^0-9]", ""));

        Viewer anyone = scenes.student(30);
        mvc.perform(get("/activities/" + id + "/photos/" + photo).with(users.as(anyone.username())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(get("/api/v1/activities/" + id + "/photos/" + photo).with(users.as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(CheckInScenes.png()));
        mvc.perform(get("/activities/" + id + "/recap").with(users.as(anyone.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 120 人参加，现场提问 15 个。")))
                .andExpect(content().string(containsString("/activities/" + id + "/photos/" + photo)));
        // Only the organisers change them.
        mvc.perform(put("/api/v1/activities/" + id + "/summary").with(users.as(anyone.username())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"summary\":\"改掉\"}"))
                .andExpect(status().isNotFound());
        assertThat(queries.recap(anyone, id).summary()).isEqualTo("共 120 人参加，现场提问 15 个。");
    }

    /** The student asks for leave and the organiser grants it. */
    private void activitiesLeave(long id, Viewer student) {
        activities.askLeave(student, id, "当天参加学院比赛");
        activities.decideLeave(users.viewer(CheckInScenes.ORGANISER), id, student.studentId(), true);
    }

    private String code(long id) {
        return checkIns.code(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_IN).token();
    }

    private void awaitNotice(String key, Viewer student) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id
                        WHERE n.notice_key = ? AND a.student_id = ?""")
                .params(key, student.studentId()).query(Integer.class).single() == 1);
    }
}
