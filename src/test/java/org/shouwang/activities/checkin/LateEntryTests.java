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
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Late entry (补录): after the end, within the working days allowed, approved by student affairs; after that, refused. */
@IntegrationTest
class LateEntryTests {

    @Autowired Attendances attendances;
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
    void aLateEntryWithinTheWindowWaitsForApprovalAndCountsOnceApproved() throws Exception {
        Instant t0 = Instant.now();
        long id = scenes.startingSoon("补录：讲座漏签");
        List<Viewer> students = scenes.registered(id, 2);
        Viewer forgot = students.get(0);
        clock.fix(t0.plus(Duration.ofHours(3)));

        mvc.perform(post("/api/v1/activities/" + id + "/late-entries").with(users.as(CheckInScenes.ORGANISER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentNumbers\":[\"" + scenes.number(forgot) + "\",\"0000000000\"],\"note\":\"侧门扫码设备故障\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recorded[0]").value(scenes.number(forgot)))
                .andExpect(jsonPath("$.unknown[0]").value("0000000000"));
        assertThat(state(id, forgot)).isEqualTo("PENDING");
        assertThat(queries.mine(forgot, id).state()).isEqualTo(AttendanceViews.AttendanceState.PENDING);

        AttendanceViews.LateEntry waiting = queries.lateEntries(users.viewer("affairs")).stream()
                .filter(e -> e.activityId() == id).findFirst().orElseThrow();
        assertThat(waiting.note()).isEqualTo("侧门扫码设备故障");
        assertThat(waiting.studentNumber()).isEqualTo(scenes.number(forgot));
        mvc.perform(get("/activities/late-entries").with(users.as("affairs")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"entry-" + waiting.id() + "\"")));

        mvc.perform(post("/api/v1/late-entries/" + waiting.id() + "/decision").with(users.as("affairs")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isNoContent());
        assertThat(state(id, forgot)).isEqualTo("PRESENT");
        assertThat(jdbc.sql("SELECT method FROM attendance WHERE activity_id = ? AND student_id = ?").params(id, forgot.studentId())
                .query(String.class).single()).isEqualTo("LATE_ENTRY");
        assertThatThrownBy(() -> attendances.decideLateEntry(users.viewer("affairs"), waiting.id(), false, "重复"))
                .isInstanceOf(RuleViolation.class).hasMessage("lateEntry.decided");
        awaitNotice("activity-late-entry-decided-" + waiting.id() + "-%", forgot);
    }

    @Test
    void aRefusedLateEntryDoesNotCountAndNeedsAReason() {
        Instant t0 = Instant.now();
        long id = scenes.startingSoon("补录被退回");
        Viewer student = scenes.registered(id, 1).get(0);
        clock.fix(t0.plus(Duration.ofHours(3)));
        attendances.enterLate(users.viewer(CheckInScenes.ORGANISER), id, scenes.number(student), "现场登记表遗漏");
        long entry = jdbc.sql("SELECT id FROM attendance WHERE activity_id = ?").param(id).query(Long.class).single();

        assertThatThrownBy(() -> attendances.decideLateEntry(users.viewer("affairs"), entry, false, " "))
                .isInstanceOf(InvalidInput.class);
        assertThat(state(id, student)).isEqualTo("PENDING");
        attendances.decideLateEntry(users.viewer("affairs"), entry, false, "签到表上没有该同学");

        assertThat(state(id, student)).isEqualTo("REFUSED");
        assertThat(queries.sheet(users.viewer(CheckInScenes.ORGANISER), id).noShows())
                .extracting(AttendanceViews.NoShow::studentId).containsExactly(student.studentId());
        // Only approvers decide; anyone else is told there is nothing there.
        assertThatThrownBy(() -> attendances.decideLateEntry(users.viewer("counsellor"), entry, true, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void lateEntryIsRefusedBeforeTheEndAndAfterTheWorkingDaysAllowed() {
        Instant t0 = Instant.now();
        long id = scenes.startingSoon("补录时限");
        Viewer student = scenes.registered(id, 1).get(0);
        Viewer organiser = users.viewer(CheckInScenes.ORGANISER);

        assertThatThrownBy(() -> attendances.enterLate(organiser, id, scenes.number(student), "漏签"))
                .isInstanceOf(RuleViolation.class).hasMessage("lateEntry.notYet");
        // Five working days after the end fall within a month, holidays or not.
        clock.fix(t0.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> attendances.enterLate(organiser, id, scenes.number(student), "漏签"))
                .isInstanceOf(RuleViolation.class).hasMessage("lateEntry.closed");
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ?").param(id).query(Integer.class).single()).isZero();

        AttendanceViews.AttendanceSheet sheet = queries.sheet(organiser, id);
        assertThat(sheet.lateEntryOpen()).isFalse();
        assertThat(sheet.lateEntryUntil()).isBefore(t0.plus(Duration.ofDays(30)));
    }

    @Test
    void theLateEntryWindowCountsWorkingDaysOfTheCalendarWithItsHolidaysAndMakeUpDays() {
        // Ends on Wednesday 30 September 2026; 1–7 October are the National Day holidays, Saturday 10 October a
        // make-up working day. Five working days: 8, 9, 10, 12 and 13 October.
        clock.fix(Instant.parse("2026-09-30T01:00:00Z"));
        long id = scenes.startingSoon("国庆前的讲座");
        Viewer student = scenes.registered(id, 1).get(0);
        Viewer organiser = users.viewer(CheckInScenes.ORGANISER);

        assertThat(queries.sheet(organiser, id).lateEntryUntil()).isEqualTo(Instant.parse("2026-10-13T16:00:00Z"));
        clock.fix(Instant.parse("2026-10-13T16:00:01Z"));
        assertThatThrownBy(() -> attendances.enterLate(organiser, id, scenes.number(student), "国庆后补录"))
                .isInstanceOf(RuleViolation.class).hasMessage("lateEntry.closed");
        clock.fix(Instant.parse("2026-10-13T15:59:00Z"));
        assertThat(attendances.enterLate(organiser, id, scenes.number(student), "国庆后补录").recorded()).hasSize(1);
    }

    @Test
    void aLateEntryWithoutANoteIsRefusedAsBadInputAndNothingIsWritten() throws Exception {
        Instant t0 = Instant.now();
        long id = scenes.startingSoon("补录缺少说明");
        Viewer student = scenes.registered(id, 1).get(0);
        clock.fix(t0.plus(Duration.ofHours(3)));

        mvc.perform(post("/api/v1/activities/" + id + "/late-entries").with(users.as(CheckInScenes.ORGANISER)).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentNumbers\":[\"" + scenes.number(student) + "\"],\"note\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].message").value("Required."));
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE activity_id = ?").param(id).query(Integer.class).single()).isZero();
    }

    private String state(long id, Viewer student) {
        return jdbc.sql("SELECT state FROM attendance WHERE activity_id = ? AND student_id = ?").params(id, student.studentId())
                .query(String.class).single();
    }

    private void awaitNotice(String keyPattern, Viewer student) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id
                        WHERE n.notice_key LIKE ? AND a.student_id = ?""")
                .params(keyPattern, student.studentId()).query(Integer.class).single() == 1);
    }
}
