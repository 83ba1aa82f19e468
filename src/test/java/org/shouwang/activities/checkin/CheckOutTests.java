package org.shouwang.activities.checkin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.PersonalCodes;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Where hours go by the time stayed, check-out sets them: rounded down to half hours, capped; no check-out, no hours. */
@IntegrationTest
class CheckOutTests {

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
    void hoursAreTheTimeBetweenCheckInAndCheckOutRoundedDownToHalfHoursAndCapped() throws Exception {
        Instant t0 = Instant.now();
        clock.fix(t0);
        // Starts in 10 minutes, lasts 3 hours, gives at most 2 hours.
        long id = scenes.byDuration("志愿服务：图书馆整理", Duration.ofHours(3), new BigDecimal("2.0"));
        List<Viewer> students = scenes.registered(id, 3);
        for (Viewer s : students) {
            checkIns.checkIn(s, id, code(id, CodePurpose.CHECK_IN));
        }

        // 1 h 40 min after check-in: 1.5 hours.
        clock.fix(t0.plus(Duration.ofMinutes(100)));
        mvc.perform(post("/api/v1/activities/" + id + "/check-outs").with(users.as(students.get(0).username())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + code(id, CodePurpose.CHECK_OUT) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(true))
                .andExpect(jsonPath("$.hours").value(1.5));
        // Checking out again changes nothing.
        assertThat(checkIns.checkOut(students.get(0), id, code(id, CodePurpose.CHECK_OUT)).recorded()).isFalse();

        // Staff record the second at the end plus half an hour: 3 h 40 min stayed, the activity lasts 3 h, it gives at most 2.
        clock.fix(t0.plus(Duration.ofMinutes(220)));
        assertThat(checkIns.scan(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_OUT, scenes.number(students.get(1))).hours())
                .isEqualByComparingTo("2.0");

        assertThat(hours(id, students.get(0))).isEqualByComparingTo("1.5");
        assertThat(hours(id, students.get(1))).isEqualByComparingTo("2.0");
        // The third never checked out: no hours.
        assertThat(hours(id, students.get(2))).isEqualByComparingTo("0");
        assertThat(checkIns.counts(users.viewer(CheckInScenes.ORGANISER), id).checkedOut()).isEqualTo(2);
    }

    @Test
    void withoutAnHourCapTheLengthOfTheActivityIsTheCap() {
        Instant t0 = Instant.now();
        clock.fix(t0);
        long id = scenes.byDuration("社会实践：社区走访", Duration.ofMinutes(90), BigDecimal.ZERO);
        Viewer student = scenes.registered(id, 1).get(0);
        checkIns.checkIn(student, id, code(id, CodePurpose.CHECK_IN));

        clock.fix(t0.plus(Duration.ofMinutes(59)));
        String personal = codes.current(student).token();
        assertThat(checkIns.scan(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_OUT, personal).hours())
                .isEqualByComparingTo("0.5");
        assertThat(hours(id, student)).isEqualByComparingTo("0.5");
    }

    @Test
    void anActivityWithFixedHoursHasNoCheckOut() {
        long id = scenes.startingSoon("固定学时讲座");
        Viewer student = scenes.registered(id, 1).get(0);
        checkIns.checkIn(student, id, code(id, CodePurpose.CHECK_IN));

        assertThatThrownBy(() -> checkIns.code(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_OUT))
                .isInstanceOf(RuleViolation.class).hasMessage("checkOut.notOffered");
        assertThatThrownBy(() -> checkIns.scan(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_OUT, scenes.number(student)))
                .isInstanceOf(RuleViolation.class).hasMessage("checkOut.notOffered");
        assertThat(hours(id, student)).isEqualByComparingTo("2.0");
    }

    @Test
    void checkingOutNeedsACheckIn() {
        long id = scenes.byDuration("未签到不能签退", Duration.ofHours(1), BigDecimal.ZERO);
        Viewer student = scenes.registered(id, 1).get(0);
        assertThatThrownBy(() -> checkIns.checkOut(student, id, code(id, CodePurpose.CHECK_OUT)))
                .isInstanceOf(RuleViolation.class).hasMessage("checkOut.notCheckedIn");
    }

    private String code(long id, CodePurpose purpose) {
        return checkIns.code(users.viewer(CheckInScenes.ORGANISER), id, purpose).token();
    }

    private BigDecimal hours(long id, Viewer student) {
        return jdbc.sql("SELECT hours FROM attendance WHERE activity_id = ? AND student_id = ?").params(id, student.studentId())
                .query(BigDecimal.class).single();
    }
}
