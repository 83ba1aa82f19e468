package org.shouwang.spaces.web;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.BookingState;
import org.shouwang.spaces.SpaceAppeals;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages and the API of appeals, usage, free seats and photos: who may, what is refused, what a bad input gets. */
@IntegrationTest
class SpaceUsageWebTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 15);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired SpaceFixtures fixtures;
    @Autowired SpaceBookings bookings;
    @Autowired SpaceAppeals appeals;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A no-show of the student's, released at 12:16 on the day; the clock stays there. */
    private long noShow(Viewer student, long space, LocalDate day) {
        clock.fix(fixtures.at(day, 10, 0));
        long id = bookings.book(student, new SpaceBookings.Request(space, fixtures.at(day, 12, 0), fixtures.at(day, 13, 0), "自习", 1, null));
        clock.fix(fixtures.at(day, 12, 16));
        bookings.release();
        return id;
    }

    /** A student of the fixtures who may open pages (not one whose account waits for a first password change). */
    private Viewer student() {
        return fixtures.students(10).stream().filter(s -> !jdbc.queryForObject(
                        "SELECT must_change_password OR NOT enabled FROM account WHERE id = ?", Boolean.class, s.accountId()))
                .findFirst().orElseThrow();
    }

    private static String json(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    @Test
    void theApiAppealsListsAndDecidesAndRefusesOutsiders() throws Exception {
        Viewer student = student();
        long space = fixtures.create(fixtures.studyRoom("接口申诉自习室", false));
        long missed = noShow(student, space, DAY);

        mvc.perform(post("/api/v1/space-bookings/" + missed + "/appeal").with(users.as("student")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json("不是我的"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/space-bookings/" + missed + "/appeal").with(users.as(student.username())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json(" ")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/space-bookings/" + missed + "/appeal").with(users.as(student.username())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": ")).andExpect(status().isBadRequest());
        String created = mvc.perform(post("/api/v1/space-bookings/" + missed + "/appeal").with(users.as(student.username())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json("宿舍停电手机没电")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long appeal = Long.parseLong(created.replaceAll("\\D", ""));

        mvc.perform(get("/api/v1/space-appeals").with(users.as(student.username())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(appeal)).andExpect(jsonPath("$[0].state").value("WAITING"));
        mvc.perform(get("/api/v1/space-appeals?scope=manage").with(users.as("manager")))
                .andExpect(jsonPath("$[*].id", hasItem((int) appeal)));
        mvc.perform(get("/api/v1/space-appeals?scope=manage").with(users.as("headteacher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", not(hasItem((int) appeal))));
        mvc.perform(get("/api/v1/space-appeals/" + appeal).with(users.as("student"))).andExpect(status().isNotFound());
        for (String outsider : new String[] {"student", "headteacher", "counsellor"}) {
            mvc.perform(post("/api/v1/space-appeals/" + appeal + "/accept").with(users.as(outsider)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/v1/space-appeals/" + appeal + "/reject").with(users.as("manager")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/space-appeals/" + appeal + "/accept").with(users.as("manager")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACCEPTED"));
        mvc.perform(post("/api/v1/space-appeals/" + appeal + "/reject").with(users.as("manager")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json("晚了"))).andExpect(status().isConflict());
        assertThat(bookings.booking(student, missed).state()).isEqualTo(BookingState.CANCELLED);
        mvc.perform(get("/api/v1/space-appeals/standing").with(users.as(student.username())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.standing.blocked").value(false));
    }

    @Test
    void theAppealPagesShowTheFormItsErrorsAndTheManagersList() throws Exception {
        Viewer student = student();
        long space = fixtures.create(fixtures.studyRoom("页面申诉自习室", false));
        long missed = noShow(student, space, DAY.plusDays(1));

        mvc.perform(get("/spaces/appeals").with(users.as(student.username())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("页面申诉自习室")))
                .andExpect(content().string(containsString("/spaces/bookings/" + missed + "/appeal")));
        mvc.perform(get("/spaces/bookings/" + missed + "/appeal").with(users.as(student.username())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("appeal-form")));
        mvc.perform(get("/spaces/bookings/" + missed + "/appeal").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(post("/spaces/bookings/" + missed + "/appeal").param("reason", "").with(users.as(student.username())).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("reason-error")));
        mvc.perform(post("/spaces/bookings/" + missed + "/appeal").param("reason", "临时被叫去开班会").with(users.as(student.username()))
                .with(csrf())).andExpect(redirectedUrl("/spaces/appeals"));
        long appeal = appeals.mine(student).get(0).id();

        mvc.perform(get("/spaces/appeals/manage").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/spaces/appeals/manage").with(users.as("manager")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("临时被叫去开班会")));
        mvc.perform(post("/spaces/appeals/" + appeal + "/accept").with(users.as("headteacher")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/spaces/appeals/" + appeal + "/reject").param("reason", " ").with(users.as("manager")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("reason-error-" + appeal)));
        mvc.perform(post("/spaces/appeals/" + appeal + "/reject").param("reason", "班会可以提前取消预约").with(users.as("manager")).with(csrf()))
                .andExpect(redirectedUrl("/spaces/appeals/manage"));
        assertThat(appeals.appealOf(student, appeal).state()).isEqualTo(SpaceAppeals.State.REJECTED);
    }

    @Test
    void aBlockedStudentSeesUntilWhenAndWhy() throws Exception {
        Viewer student = student();
        long space = fixtures.create(fixtures.studyRoom("页面停用自习室", false));
        for (int i = 0; i < 3; i++) {
            noShow(student, space, DAY.plusDays(2 + i));
        }
        mvc.perform(get("/spaces/appeals").with(users.as(student.username())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"blocked\"")));
    }

    @Test
    void usageIsForAdminsLeadersStudentAffairsAndSpaceManagersOnly() throws Exception {
        for (String user : new String[] {"student", "headteacher"}) {
            mvc.perform(get("/spaces/usage").with(users.as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/spaces/usage").with(users.as(user))).andExpect(status().isNotFound());
        }
        for (String user : new String[] {"admin", "leader", "affairs", "manager"}) {
            mvc.perform(get("/spaces/usage").with(users.as(user)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("usage-heat")));
        }
        mvc.perform(get("/api/v1/spaces/usage?from=2026-11-01&to=2026-11-30&kind=STUDY_ROOM").with(users.as("affairs")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.from").value("2026-11-01"))
                .andExpect(jsonPath("$.heat.length()").value(7));
        mvc.perform(get("/api/v1/spaces/usage?from=2026-11-30&to=2026-11-01").with(users.as("affairs")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/spaces/usage?from=yesterday").with(users.as("affairs"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/spaces/usage?kind=CASTLE").with(users.as("affairs"))).andExpect(status().isBadRequest());
        mvc.perform(get("/spaces/usage?from=2026-11-30&to=2026-11-01").with(users.as("affairs")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("usage-error")));
        mvc.perform(get("/spaces/usage?from=nope").with(users.as("affairs"))).andExpect(status().isBadRequest());
    }

    @Test
    void freeSeatsNowAreShownToStudents() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("页面空位自习室", false));
        clock.fix(fixtures.at(DAY, 15, 0));
        mvc.perform(get("/spaces/free").with(users.as("student")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("页面空位自习室")))
                .andExpect(content().string(containsString("/spaces/" + space)));
        mvc.perform(get("/api/v1/spaces/free").with(users.as("student")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].spaceId", hasItem((int) space)));
    }

    @Test
    void managersUploadPhotosEveryoneSeesThemOthersAreRefused() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("页面照片自习室", false));
        MockMultipartFile png = new MockMultipartFile("photos", "a.png", "image/png", PNG);
        mvc.perform(multipart("/api/v1/spaces/" + space + "/photos").file(png).with(users.as("student")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/spaces/" + space + "/photos").file(new MockMultipartFile("photos", "a.txt", "text/plain", "hi".getBytes()))
                        .with(users.as("manager")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("photos"));
        String ids = mvc.perform(multipart("/api/v1/spaces/" + space + "/photos").file(png).with(users.as("manager")).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long photo = Long.parseLong(ids.replaceAll("\\D", ""));
        mvc.perform(get("/api/v1/spaces/" + space + "/photos").with(users.as("student")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0]").value(photo));
        mvc.perform(get("/spaces/" + space + "/photos/" + photo).with(users.as("student")))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        mvc.perform(get("/spaces/" + space + "/photos").with(users.as("student")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("photo-form"))));
        mvc.perform(get("/spaces/" + space + "/photos").with(users.as("manager")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("photo-form")));
        mvc.perform(multipart("/spaces/" + space + "/photos").file(new MockMultipartFile("photos", "b.txt", "text/plain", "x".getBytes()))
                        .with(users.as("manager")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("photo-error")));
        mvc.perform(multipart("/spaces/" + space + "/photos").file(png).with(users.as("manager")).with(csrf()))
                .andExpect(redirectedUrl("/spaces/" + space + "/photos"));
        mvc.perform(delete("/api/v1/spaces/" + space + "/photos/" + photo).with(users.as("student")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/spaces/" + space + "/photos/" + photo).with(users.as("manager")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post("/spaces/" + space + "/photos/" + photo + "/delete").with(users.as("manager")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM space_photo WHERE space_id = ?", Integer.class, space)).isEqualTo(1);
    }
}
