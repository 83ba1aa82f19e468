package org.shouwang.activities.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.activities.CheckIns;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Students check in by scanning the organiser's rotating code: only a fresh code of this activity, only with a seat, once. */
@IntegrationTest
class QrCheckInTests {

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
    void aCodeFortySecondsOldIsRefusedAsExpired() {
        long id = scenes.startingSoon("过期的签到码");
        Viewer student = scenes.registered(id, 1).get(0);
        Instant shown = Instant.now();
        clock.fix(shown);
        String token = code(id);

        clock.fix(shown.plusSeconds(40));
        assertThatThrownBy(() -> checkIns.checkIn(student, id, token)).isInstanceOf(RuleViolation.class).hasMessage("checkIn.expired");
        assertThat(present(id)).isZero();

        // The same code within its own window and the next is good.
        clock.fix(shown.plusSeconds(14));
        assertThat(checkIns.checkIn(student, id, token).recorded()).isTrue();
    }

    @Test
    void aForgedCodeIsRefused() {
        long id = scenes.startingSoon("伪造的签到码");
        Viewer student = scenes.registered(id, 1).get(0);
        String token = code(id);
        String otherSignature = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        String laterWindow = token.replaceFirst("\\.(\\d+)\\.", "." + (Long.parseLong(token.split("\\.")[1]) + 100) + ".");

        for (String forged : List.of(otherSignature, laterWindow, "i" + id + ".1.AAAAAAAAAAAAAAAAAAAAAA", "hello")) {
            assertThatThrownBy(() -> checkIns.checkIn(student, id, forged)).as(forged)
                    .isInstanceOf(RuleViolation.class).hasMessage("checkIn.forged");
        }
        assertThatThrownBy(() -> checkIns.checkIn(student, id, " ")).isInstanceOf(InvalidInput.class);
        assertThat(present(id)).isZero();
    }

    @Test
    void anotherActivitysCodeIsRefused() {
        long id = scenes.startingSoon("本场讲座");
        long other = scenes.startingSoon("隔壁讲座");
        Viewer student = scenes.registered(id, 1).get(0);
        scenes.registered(other, 1);

        assertThatThrownBy(() -> checkIns.checkIn(student, id, code(other)))
                .isInstanceOf(RuleViolation.class).hasMessage("checkIn.otherActivity");
        assertThat(present(id)).isZero();
        assertThat(present(other)).isZero();
    }

    @Test
    void checkingInTwiceCountsOnce() throws Exception {
        long id = scenes.startingSoon("重复签到");
        Viewer student = scenes.registered(id, 1).get(0);
        String body = "{\"token\":\"" + code(id) + "\"}";

        mvc.perform(post("/api/v1/activities/" + id + "/check-ins").with(users.as(student.username())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/activities/" + id + "/attendance/mine"))
                .andExpect(jsonPath("$.recorded").value(true));
        mvc.perform(post("/api/v1/activities/" + id + "/check-ins").with(users.as(student.username())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(false));
        AttendanceViews.CheckedIn third = checkIns.checkIn(student, id, code(id));

        assertThat(third.recorded()).isFalse();
        assertThat(present(id)).isEqualTo(1);
        assertThat(checkIns.counts(users.viewer(CheckInScenes.ORGANISER), id).checkedIn()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT method FROM attendance WHERE activity_id = ?").param(id).query(String.class).single()).isEqualTo("QR");
    }

    @Test
    void aStudentWhoDidNotRegisterCannotCheckInByScanning() throws Exception {
        long id = scenes.startingSoon("未报名不能扫码签到");
        scenes.registered(id, 1);
        Viewer walkIn = scenes.student(5);

        mvc.perform(post("/api/v1/activities/" + id + "/check-ins").with(users.as(walkIn.username())).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + code(id) + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:checkIn.notRegistered"))
                .andExpect(jsonPath("$.detail").value(containsString("Only students registered")));
        assertThat(present(id)).isZero();
    }

    @Test
    void outsideTheCheckInTimeEvenAFreshCodeIsRefused() {
        long id = scenes.startingSoon("签到时间之外", Duration.ofMinutes(10), Duration.ofHours(1), false, new java.math.BigDecimal("1.0"));
        Viewer student = scenes.registered(id, 1).get(0);
        Instant end = Instant.now().plus(Duration.ofMinutes(70));
        clock.fix(end.minusSeconds(3));
        String token = code(id);

        clock.fix(end.plusSeconds(3));
        assertThatThrownBy(() -> checkIns.checkIn(student, id, token))
                .isInstanceOf(RuleViolation.class).hasMessage("activity.checkInClosed");
        AttendanceViews.CheckInCode closed = checkIns.code(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_IN);
        assertThat(closed.open()).isFalse();
        assertThat(closed.token()).isNull();

        long later = scenes.startingSoon("两小时后开始", Duration.ofHours(2), Duration.ofHours(1), false, new java.math.BigDecimal("1.0"));
        AttendanceViews.CheckInCode notYet = checkIns.code(users.viewer(CheckInScenes.ORGANISER), later, CodePurpose.CHECK_IN);
        assertThat(notYet.open()).isFalse();
        assertThat(notYet.opensLater()).isTrue();
        assertThat(present(id)).isZero();
    }

    @Test
    void theCheckOutCodeDoesNotCheckIn() {
        long id = scenes.byDuration("签到签退码不混用", Duration.ofHours(2), java.math.BigDecimal.ZERO);
        Viewer student = scenes.registered(id, 1).get(0);
        String out = checkIns.code(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_OUT).token();

        assertThatThrownBy(() -> checkIns.checkIn(student, id, out)).isInstanceOf(RuleViolation.class).hasMessage("checkIn.checkOutCode");
        assertThat(present(id)).isZero();
    }

    @Test
    void thePageOfAScannedCodeGivesAPassForTwoMinutesToThatStudentOnly() {
        long id = scenes.startingSoon("扫码后两分钟内点击");
        List<Viewer> students = scenes.registered(id, 2);
        Instant scanned = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        clock.fix(scanned);
        AttendanceViews.ScannedCode page = checkIns.scanned(students.get(0), id, CodePurpose.CHECK_IN, code(id));
        assertThat(page.pass()).isNotBlank();
        assertThat(page.title()).isEqualTo("扫码后两分钟内点击");

        // Forwarded to a friend, it is no good to them.
        assertThatThrownBy(() -> checkIns.checkIn(students.get(1), id, page.pass()))
                .isInstanceOf(RuleViolation.class).hasMessage("checkIn.forged");
        clock.fix(scanned.plusSeconds(150));
        assertThatThrownBy(() -> checkIns.checkIn(students.get(0), id, page.pass()))
                .isInstanceOf(RuleViolation.class).hasMessage("checkIn.expired");
        clock.fix(scanned.plusSeconds(90));
        assertThat(checkIns.checkIn(students.get(0), id, page.pass()).recorded()).isTrue();
        assertThat(checkIns.scanned(students.get(0), id, CodePurpose.CHECK_IN, code(id)).doneAt()).isEqualTo(scanned.plusSeconds(90));
    }

    @Test
    void theStudentChecksInOnTheirPhoneThroughThePage() throws Exception {
        long id = scenes.startingSoon("手机页面签到");
        Viewer student = scenes.registered(id, 1).get(0);
        String url = "/activities/" + id + "/check-in?t=" + code(id);

        String page = mvc.perform(get(url).with(users.as(student.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"check-in-submit\"")))
                .andReturn().getResponse().getContentAsString();
        String pass = page.replaceAll("(?s).*name=\"t\" value=\"([^\"]+)\".*", "$1");
        mvc.perform(post("/activities/" + id + "/check-in").param("t", pass).with(users.as(student.username())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/activities/" + id + "/recap"));
        assertThat(present(id)).isEqualTo(1);

        // A stale code shows why, in the student's language, and records nothing.
        Viewer late = scenes.student(7);
        mvc.perform(get("/activities/" + id + "/check-in?t=garbage").with(users.as(late.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"check-in-refused\"")))
                .andExpect(content().string(containsString("这不是有效的签到码")));
    }

    @Test
    void signingInFromTheScannedAddressComesBackToIt() throws Exception {
        long id = scenes.startingSoon("登录后回到签到页");
        String url = "/activities/" + id + "/check-in?t=" + code(id);
        jakarta.servlet.http.Cookie session = mvc.perform(get(url))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(post("/login").cookie(session).param("username", "student").param("password", DemoUsers.PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString(url)));
    }

    private String code(long id) {
        return checkIns.code(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_IN).token();
    }

    private int present(long id) {
        return jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ? AND state = 'PRESENT'").param(id).query(Integer.class).single();
    }
}
