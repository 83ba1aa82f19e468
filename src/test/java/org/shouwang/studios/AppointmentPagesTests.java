package org.shouwang.studios;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The appointment pages: forms post, refusals say why in the user's language, bad input stays on its field. */
@IntegrationTest
class AppointmentPagesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired AppointmentFixtures fixtures;
    @Autowired Appointments appointments;
    @Autowired JdbcTemplate jdbc;

    @Test
    void staffPublishFromTheStudioPageAndBadInputShowsOnItsFieldsWithNothingWritten() throws Exception {
        long studio = fixtures.careerStudio();
        LocalDate day = fixtures.day();
        int before = jdbc.queryForObject("SELECT count(*) FROM appointment_slot WHERE studio_id = ?", Integer.class, studio);
        mvc.perform(post("/appointments/studios/" + studio + "/slots").with(users.as("studio")).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("mode", "one").param("service", "CAREER_ADVICE").param("date", day.toString())
                        .param("startTime", "10:00").param("endTime", "09:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"endTime-error\"")))
                .andExpect(content().string(containsString("结束时间须晚于开始时间。")));
        mvc.perform(post("/appointments/studios/" + studio + "/slots").with(users.as("studio")).with(csrf())
                        .param("mode", "series").param("service", "CAREER_ADVICE").param("from", "tomorrow")
                        .param("to", day.toString()).param("startTimes", "9点"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"from-error\"")))
                .andExpect(content().string(containsString("id=\"startTimes-error\"")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_slot WHERE studio_id = ?", Integer.class, studio))
                .isEqualTo(before);

        mvc.perform(post("/appointments/studios/" + studio + "/slots").with(users.as("studio")).with(csrf())
                        .param("mode", "series").param("service", "CAREER_ADVICE").param("from", day.toString())
                        .param("to", day.toString()).param("weekdays", day.getDayOfWeek().name())
                        .param("startTimes", "9:00, 14:00").param("minutes", "45"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("success"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_slot WHERE studio_id = ?", Integer.class, studio))
                .isEqualTo(before + 2);
        mvc.perform(get("/appointments/studios/" + studio + "?from=" + day).with(users.as("studio")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"slot-form\"")))
                .andExpect(content().string(containsString("withdraw-")));
        // Students see the slots to book, not the form.
        mvc.perform(get("/appointments/studios/" + studio + "?from=" + day).with(users.as("student")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"slot-form\""))))
                .andExpect(content().string(containsString("book-")));
        // Another studio's staff may not publish here.
        mvc.perform(post("/appointments/studios/" + studio + "/slots").with(users.as("counsellor")).with(csrf())
                .param("mode", "one")).andExpect(status().isNotFound());
    }

    @Test
    void aStudentBooksFromThePageAndASecondStudentIsToldTheSlotIsTaken() throws Exception {
        long studio = fixtures.careerStudio();
        long slot = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        Viewer first = fixtures.students(500, 1).get(0);
        Viewer second = fixtures.students(501, 1).get(0);
        mvc.perform(get("/appointments/slots/" + slot).with(users.as(first.username())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"book-submit\"")));
        mvc.perform(post("/appointments/slots/" + slot + "/book").with(users.as(first.username())).with(csrf())
                        .param("topic", "实习选择"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/appointments/*"));
        mvc.perform(post("/appointments/slots/" + slot + "/book").with(users.as(second.username())).with(csrf())
                        .header("Accept-Language", "zh-CN").param("topic", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("该时段刚被别人约走了")));
        long id = jdbc.queryForObject("SELECT id FROM appointment WHERE slot_id = ?", Long.class, slot);
        mvc.perform(get("/appointments").with(users.as(first.username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-appointment=\"" + id + "\"")));
        mvc.perform(get("/appointments/" + id).with(users.as(first.username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"cancel-appointment\"")))
                .andExpect(content().string(not(containsString("id=\"note\""))));
        mvc.perform(get("/appointments/" + id).with(users.as(second.username()))).andExpect(status().isNotFound());
        mvc.perform(get("/appointments").with(users.as("studio"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-appointment=\"" + id + "\"")));
        mvc.perform(get("/appointments/" + id).with(users.as("studio"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"note\"")));
        mvc.perform(post("/appointments/" + id + "/note").with(users.as("studio")).with(csrf()).param("note", "x".repeat(4001)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"note-error\"")));
        mvc.perform(get("/appointments/" + id + "/reschedule").with(users.as(first.username()))).andExpect(status().isOk());
        mvc.perform(get("/appointments/" + id).with(users.as(first.username())).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Cancel appointment")));
        mvc.perform(get("/appointments/studios/" + studio).with(users.as("studio")).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Publish slots")));
        mvc.perform(post("/appointments/" + id + "/cancel").with(users.as(first.username())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("success"));
        assertThat(appointments.detail(first, id).state()).isEqualTo(AppointmentState.CANCELLED);
    }
}
