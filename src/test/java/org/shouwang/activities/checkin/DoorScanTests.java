package org.shouwang.activities.checkin;

import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.AttendanceMethod;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.PersonalCodes;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff at the door scan students' personal codes or type their student numbers. */
@IntegrationTest
class DoorScanTests {

    @Autowired CheckIns checkIns;
    @Autowired PersonalCodes codes;
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
    void scanningAStudentsPersonalCodeRecordsThemOnce() throws Exception {
        long id = scenes.startingSoon("扫个人码签到");
        Viewer student = scenes.registered(id, 1).get(0);
        String code = JsonPath.read(mvc.perform(get("/api/v1/me/code").with(users.as(student.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.token");

        mvc.perform(post("/api/v1/activities/" + id + "/check-ins/scan").with(users.as(CheckInScenes.ORGANISER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.studentNumber").value(scenes.number(student)))
                .andExpect(jsonPath("$.method").value("PERSONAL_CODE"))
                .andExpect(jsonPath("$.registered").value(true));
        AttendanceViews.ScanResult again = checkIns.scan(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_IN, code);

        assertThat(again.recorded()).isFalse();
        assertThat(jdbc.sql("SELECT method FROM attendance WHERE activity_id = ? AND state = 'PRESENT'").param(id)
                .query(String.class).list()).containsExactly("PERSONAL_CODE");
        // Every node signs with the one secret in the database.
        assertThat(jdbc.sql("SELECT count(*) FROM check_in_secret").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anExpiredOrForgedPersonalCodeIsRefused() {
        long id = scenes.startingSoon("过期的个人码");
        Viewer student = scenes.registered(id, 1).get(0);
        Viewer staff = users.viewer(CheckInScenes.ORGANISER);
        Instant shown = Instant.now();
        clock.fix(shown);
        String code = codes.current(student).token();

        clock.fix(shown.plusSeconds(40));
        assertThatThrownBy(() -> checkIns.scan(staff, id, CodePurpose.CHECK_IN, code))
                .isInstanceOf(RuleViolation.class).hasMessage("checkIn.personalCodeExpired");
        String otherStudent = code.replaceFirst("^s\\d+", "s" + scenes.student(9).studentId());
        assertThatThrownBy(() -> checkIns.scan(staff, id, CodePurpose.CHECK_IN, otherStudent))
                .isInstanceOf(RuleViolation.class).hasMessage("checkIn.personalCodeForged");
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ?").param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void aStudentNumberTypedInIsRecordedByHandAndAWalkInIsFlagged() {
        long id = scenes.startingSoon("手工登记学号");
        Viewer registered = scenes.registered(id, 1).get(0);
        Viewer walkIn = scenes.student(11);
        Viewer staff = users.viewer(CheckInScenes.ORGANISER);

        AttendanceViews.ScanResult byHand = checkIns.scan(staff, id, CodePurpose.CHECK_IN, " " + scenes.number(registered) + " ");
        AttendanceViews.ScanResult walkedIn = checkIns.scan(staff, id, CodePurpose.CHECK_IN, scenes.number(walkIn));

        assertThat(byHand.method()).isEqualTo(AttendanceMethod.MANUAL);
        assertThat(byHand.registered()).isTrue();
        assertThat(walkedIn.recorded()).isTrue();
        assertThat(walkedIn.registered()).isFalse();
        assertThatThrownBy(() -> checkIns.scan(staff, id, CodePurpose.CHECK_IN, "no-such-student"))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).problems().get(0).field()).isEqualTo("code");
        assertThat(checkIns.counts(staff, id).checkedIn()).isEqualTo(2);
    }

    @Test
    void theScanPageRecordsThroughHtmxAndUpdatesTheCount() throws Exception {
        long id = scenes.startingSoon("扫码页面");
        Viewer student = scenes.registered(id, 1).get(0);
        mvc.perform(get("/activities/" + id + "/check-in/scan").with(users.as(CheckInScenes.ORGANISER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"scan-code\"")))
                .andExpect(content().string(containsString("id=\"camera-start\"")));
        mvc.perform(post("/activities/" + id + "/check-in/scan").header("HX-Request", "true")
                        .param("code", codes.current(student).token()).with(users.as(CheckInScenes.ORGANISER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"scan-outcome\"")))
                .andExpect(content().string(containsString("data-recorded=\"true\"")))
                .andExpect(content().string(containsString("<strong id=\"scan-checked-in\">1</strong>")));
        mvc.perform(post("/activities/" + id + "/check-in/scan").header("HX-Request", "true")
                        .param("code", "").with(users.as(CheckInScenes.ORGANISER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"scan-error\"")))
                .andExpect(content().string(containsString("请扫码或输入学号")));
    }

    @Test
    void theStudentSeesTheirPersonalCodeAsAQrCode() throws Exception {
        Viewer student = scenes.student(3);
        mvc.perform(get("/me/code").with(users.as(student.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("data-code=\"s" + student.studentId() + ".")));
        mvc.perform(get("/me/code/live").with(users.as(student.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"my-code-live\"")));
        mvc.perform(get("/me/code").with(users.as("counsellor"))).andExpect(status().isNotFound());
        assertThat(List.of(codes.current(student).token())).allMatch(t -> t.startsWith("s" + student.studentId() + "."));
    }
}
