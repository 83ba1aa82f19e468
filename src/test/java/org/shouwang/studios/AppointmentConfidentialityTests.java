package org.shouwang.studios;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Psychology appointments and their notes are confidential (DESIGN §4): only the student and the
 * psychology centre see them; the counsellor (even as a member of the psychology studio), the
 * university leader, administrators and other studios' staff get 404 and find them in no list.
 * Every staff view is audited.
 */
@IntegrationTest
class AppointmentConfidentialityTests {

    private static final List<String> OUTSIDERS = List.of("counsellor", "leader", "admin", "studio", "headteacher", "affairs");

    @Autowired Appointments appointments;
    @Autowired AppointmentFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPsychologyAppointmentIsNotThereForAnyoneButTheStudentAndThePsychologyCentre() throws Exception {
        long studio = fixtures.psychologyStudio();
        // The studio staff member works in a studio of their own, with a booked appointment there.
        long career = fixtures.careerStudio();
        appointments.book(fixtures.students(301, 1).get(0), fixtures.slot(career, "studio", AppointmentService.CAREER_ADVICE), null);
        long slot = fixtures.slot(studio, "psych", AppointmentService.PSYCHOLOGY_COUNSELLING);
        Viewer student = fixtures.students(300, 1).get(0);
        long id = appointments.book(student, slot, "最近总是失眠");
        Instant start = appointments.detail(student, id).startsAt();
        clock.fix(start.plusSeconds(300));
        appointments.writeNote(users.viewer("psych"), id, "评估：轻度焦虑，约定两周后复诊。");
        appointments.recordOutcome(users.viewer("psych"), id, AppointmentViews.Outcome.ATTENDED);
        clock.reset();

        for (String outsider : OUTSIDERS) {
            Viewer v = users.viewer(outsider);
            assertThatThrownBy(() -> appointments.detail(v, id)).as(outsider).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> appointments.writeNote(v, id, "x")).as(outsider).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> appointments.recordOutcome(v, id, AppointmentViews.Outcome.NO_SHOW)).as(outsider)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> appointments.cancel(v, id)).as(outsider).isInstanceOf(NotFoundException.class);
            AppointmentViews.Listing list = appointments.list(v, AppointmentViews.Scope.STUDIOS, null, fixtures.day().plusDays(400));
            assertThat(list.rows()).as(outsider).noneMatch(r -> r.id() == id || r.confidential());

            mvc.perform(get("/api/v1/appointments/" + id).with(users.as(outsider))).andExpect(status().isNotFound());
            mvc.perform(put("/api/v1/appointments/" + id + "/note").with(users.as(outsider)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"x\"}")).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/appointments/" + id + "/outcome").with(users.as(outsider)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"NO_SHOW\"}")).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/appointments?scope=STUDIOS&to=" + fixtures.day().plusDays(400)).with(users.as(outsider)))
                    .andExpect(status().isOk()).andExpect(content().string(not(containsString("\"id\":" + id + ","))));
            mvc.perform(get("/appointments/" + id).with(users.as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/appointments").with(users.as(outsider))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("data-appointment=\"" + id + "\""))))
                    .andExpect(content().string(not(containsString("最近总是失眠"))));
        }
        // The counsellor works in the psychology studio: told only how many they may not see.
        assertThat(appointments.list(users.viewer("counsellor"), AppointmentViews.Scope.STUDIOS, null,
                fixtures.day().plusDays(400)).withheld()).isPositive();
        // The note is in the data nobody above saw, and not in the student's own view either.
        assertThat(appointments.detail(student, id).note()).isNull();
        mvc.perform(get("/api/v1/appointments/" + id).with(users.as(student.username()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.topic").value("最近总是失眠")).andExpect(jsonPath("$.note").doesNotExist());
        mvc.perform(get("/appointments/" + id).with(users.as(student.username()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("轻度焦虑"))));
        // Nothing about it reached the audit log from the outsiders: they saw nothing.
        assertThat(audited(id, "counsellor")).isZero();
        assertThat(audited(id, "admin")).isZero();
    }

    @Test
    void thePsychologyCentreSeesTheAppointmentAndItsNoteAndEveryViewIsAudited() throws Exception {
        long studio = fixtures.psychologyStudio();
        long slot = fixtures.slot(studio, "psych", AppointmentService.PSYCHOLOGY_COUNSELLING);
        Viewer student = fixtures.students(310, 1).get(0);
        long id = appointments.book(student, slot, "学业压力");
        int before = audited(id, "psych");

        AppointmentViews.Detail detail = appointments.detail(users.viewer("psych"), id);
        assertThat(detail.studentNumber()).isEqualTo(student.username());
        assertThat(audited(id, "psych")).isEqualTo(before + 1);
        mvc.perform(get("/api/v1/appointments/" + id).with(users.as("psych"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.confidential").value(true));
        mvc.perform(get("/appointments/" + id).with(users.as("psych"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("学业压力")));
        assertThat(audited(id, "psych")).isEqualTo(before + 3);
        appointments.writeNote(users.viewer("psych"), id, "初访");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'appointment.note.write' AND target_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);
        // Lists that show it to staff are audited too.
        AppointmentViews.Listing list = appointments.list(users.viewer("psych"), AppointmentViews.Scope.STUDIOS, null,
                fixtures.day().plusDays(400));
        assertThat(list.rows()).anyMatch(r -> r.id() == id && r.confidential());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'appointment.list' AND actor = 'psych'"
                + " AND detail LIKE ?", Integer.class, "%" + id + "%")).isPositive();
        // The student's own views are not staff views.
        appointments.detail(student, id);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE actor = ? AND target_id = ?", Integer.class,
                student.username(), String.valueOf(id))).isZero();
    }

    @Test
    void aCareerAppointmentIsSeenByItsStudioStaffAndNotByOtherStudiosStaff() {
        long studio = fixtures.careerStudio();
        Viewer student = fixtures.students(320, 1).get(0);
        long id = appointments.book(student, fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE), null);
        assertThat(appointments.detail(users.viewer("studio"), id).studentName()).isNotBlank();
        for (String outsider : List.of("counsellor", "psych", "leader", "admin")) {
            assertThatThrownBy(() -> appointments.detail(users.viewer(outsider), id)).as(outsider)
                    .isInstanceOf(NotFoundException.class);
        }
        Viewer another = fixtures.students(321, 1).get(0);
        assertThatThrownBy(() -> appointments.detail(another, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> appointments.cancel(another, id)).isInstanceOf(NotFoundException.class);
    }

    private int audited(long id, String actor) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'appointment.view' AND actor = ? AND target_id = ?",
                Integer.class, actor, String.valueOf(id));
    }
}
