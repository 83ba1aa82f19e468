package org.shouwang.studios;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Everything the appointment pages do, through the REST API. */
@IntegrationTest
class AppointmentsApiTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired AppointmentFixtures fixtures;
    @Autowired Appointments appointments;
    @Autowired org.shouwang.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void cancellingAfterTheCutOffAnswers409WithTheReason() throws Exception {
        long studio = fixtures.careerStudio();
        long slot = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        Viewer student = fixtures.students(420, 1).get(0);
        long id = appointments.book(student, slot, null);
        clock.fix(appointments.detail(student, id).startsAt().minusSeconds(3600));
        post("/api/v1/appointments/" + id + "/cancel", student.username(), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:shouwang:appointment.tooLate"));
        post("/api/v1/appointments/" + id + "/reschedule", student.username(), "{\"slotId\":" + slot + "}")
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/appointments/" + id).with(users.as(student.username())))
                .andExpect(jsonPath("$.state").value("BOOKED")).andExpect(jsonPath("$.moves.cancel").value(false));
    }

    @Test
    void staffPublishASeriesAStudentBooksReschedulesAndCancelsAndTheStaffWithdrawASlot() throws Exception {
        long studio = fixtures.careerStudio();
        LocalDate day = fixtures.day();
        fixtures.day();
        String series = """
                {"service":"CAREER_ADVICE","place":"二楼 203","from":"%s","to":"%s","weekdays":["%s","%s"],
                 "startTimes":["09:00","10:00"],"minutes":40}""".formatted(day, day.plusDays(1), day.getDayOfWeek(),
                day.plusDays(1).getDayOfWeek());
        String body = post(studioSlots(studio), "studio", series).andExpect(status().isCreated())
                .andExpect(jsonPath("$", hasSize(4))).andExpect(jsonPath("$[0].state").value("FREE"))
                .andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(body, "$[*].id");

        Viewer student = fixtures.students(400, 1).get(0);
        mvc.perform(get(studioSlots(studio) + "?from=" + day + "&to=" + day.plusDays(1)).with(users.as(student.username())))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].slots", hasSize(2))).andExpect(jsonPath("$[0].slots[0].appointmentId").doesNotExist());

        String booked = post("/api/v1/slots/" + ids.get(0) + "/booking", student.username(), "{\"topic\":\"简历\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("BOOKED"))
                .andExpect(jsonPath("$.moves.cancel").value(true)).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(booked, "$.id");
        post("/api/v1/slots/" + ids.get(0) + "/booking", fixtures.students(401, 1).get(0).username(), null)
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/appointments").with(users.as(student.username()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].id", hasItem(id)));
        mvc.perform(get("/api/v1/appointments?scope=STUDIOS&to=" + day.plusDays(2)).with(users.as("studio")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows[*].id", hasItem(id)));
        mvc.perform(get(studioSlots(studio) + "?from=" + day).with(users.as("studio"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slots[0].appointmentId").value(id));

        post("/api/v1/appointments/" + id + "/reschedule", student.username(), "{\"slotId\":" + ids.get(3) + "}")
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/appointments/" + id).with(users.as(student.username())))
                .andExpect(jsonPath("$.slotId").value(ids.get(3)));
        mvc.perform(delete("/api/v1/slots/" + ids.get(3)).with(users.as("studio")).with(csrf())).andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/slots/" + ids.get(0)).with(users.as("studio")).with(csrf())).andExpect(status().isNoContent());
        post("/api/v1/appointments/" + id + "/cancel", student.username(), null).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/appointments/" + id).with(users.as(student.username())))
                .andExpect(jsonPath("$.state").value("CANCELLED"));
        post("/api/v1/appointments/" + id + "/outcome", "studio", "{\"outcome\":\"ATTENDED\"}").andExpect(status().isConflict());
        mvc.perform(put("/api/v1/appointments/" + id + "/note").with(users.as("studio")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"取消了\"}")).andExpect(status().isConflict());
    }

    @Test
    void badSlotsAnswer400NamingEachFieldAndNothingIsMade() throws Exception {
        long studio = fixtures.careerStudio();
        LocalDate day = fixtures.day();
        post(studioSlots(studio), "studio", """
                {"service":"CAREER_ADVICE","startsAt":"2020-01-01T02:00:00Z","endsAt":"2019-12-31T02:00:00Z"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("startsAt")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("endsAt")));
        post(studioSlots(studio), "studio", "{\"service\":\"MASSAGE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("service"));
        post(studioSlots(studio), "studio", "{\"from\":\"" + day + "\",\"to\":\"" + day + "\",\"weekdays\":[\"FUNDAY\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("weekdays[0]"));
        post(studioSlots(studio), "studio", "{\"from\":\"" + day + "\",\"to\":\"" + day + "\",\"startTimes\":[\"25:99\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startTimes[0]"));
        post(studioSlots(studio), "studio", "{\"service\":\"CAREER_ADVICE\",\"from\":\"" + day + "\",\"minutes\":30}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("to")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("weekdays")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("startTimes")));
        post(studioSlots(studio), "studio", "not json").andExpect(status().isBadRequest());
        mvc.perform(get(studioSlots(studio) + "?from=" + day + "&to=" + day.minusDays(1)).with(users.as("student")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get(studioSlots(studio) + "?from=yesterday").with(users.as("student")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get(studioSlots(studio)).with(users.as("student"))).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        // Only its staff publish; an unknown studio is not there.
        post(studioSlots(studio), "counsellor", "{\"service\":\"CAREER_ADVICE\"}").andExpect(status().isNotFound());
        post(studioSlots(999_999_999L), "studio", "{\"service\":\"CAREER_ADVICE\"}").andExpect(status().isNotFound());
        // A topic too long.
        long slot = fixtures.slot(studio, "studio", AppointmentService.CAREER_ADVICE);
        post("/api/v1/slots/" + slot + "/booking", fixtures.students(410, 1).get(0).username(),
                "{\"topic\":\"" + "长".repeat(201) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("topic"));
        post("/api/v1/slots/" + slot + "/booking", "counsellor", null).andExpect(status().isConflict());
        post("/api/v1/appointments/999999999/cancel", "student", null).andExpect(status().isNotFound());
        post("/api/v1/appointments/1/outcome", "studio", "{\"outcome\":\"MAYBE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
    }

    private static String studioSlots(long studio) {
        return "/api/v1/studios/" + studio + "/slots";
    }

    private ResultActions post(String path, String user, String json) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(users.as(user)).with(csrf());
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
