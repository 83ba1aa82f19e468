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
import org.shouwang.activities.Attendances;
import org.shouwang.activities.CheckIns;
import org.shouwang.shared.Photo;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The check-in and attendance pages render, in Chinese and in English, with what each role may do on them. */
@IntegrationTest
class CheckInPagesTests {

    @Autowired CheckIns checkIns;
    @Autowired Attendances attendances;
    @Autowired CheckInScenes scenes;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired MockMvc mvc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theOrganiserScreenShowsTheCheckOutCodeWhereHoursGoByDuration() throws Exception {
        long id = scenes.byDuration("志愿服务：社区清扫", Duration.ofHours(2), BigDecimal.ZERO);
        scenes.registered(id, 2);
        for (String lang : new String[]{"zh_CN", "en"}) {
            mvc.perform(get("/activities/" + id + "/check-in/display").param("mode", "out").param("lang", lang)
                            .with(users.as(CheckInScenes.ORGANISER)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-check-in-url=\"http://localhost/activities/" + id + "/check-out?t=o")))
                    .andExpect(content().string(containsString("id=\"mode-out\"")))
                    .andExpect(content().string(containsString("<svg")));
        }
        String live = mvc.perform(get("/activities/" + id + "/check-in/display/live").param("mode", "in").with(users.as(CheckInScenes.ORGANISER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"checkin-live\"")))
                .andExpect(content().string(containsString("id=\"registered-count\">2</span>")))
                .andExpect(content().string(not(containsString("<nav"))))
                .andReturn().getResponse().getContentAsString();
        // The QR code says the address of the check-in page with the code in it.
        String url = live.replaceAll("(?s).*data-check-in-url=\"([^\"]+)\".*", "$1");
        org.assertj.core.api.Assertions.assertThat(url).startsWith("http://localhost/activities/" + id + "/check-in?t=i" + id + ".");
        org.assertj.core.api.Assertions.assertThat(QrCodes.decode(live)).isEqualTo(url);
    }

    @Test
    void everyPageAfterTheActivityRendersInBothLanguages() throws Exception {
        Instant t0 = Instant.now();
        clock.fix(t0);
        long id = scenes.startingSoon("活动后的页面");
        List<Viewer> students = scenes.registered(id, 3);
        checkIns.checkIn(students.get(0), id, checkIns.code(users.viewer(CheckInScenes.ORGANISER), id, CodePurpose.CHECK_IN).token());
        clock.fix(t0.plus(Duration.ofHours(3)));
        Viewer organiser = users.viewer(CheckInScenes.ORGANISER);
        attendances.rate(students.get(0), id, 5, "很有收获");
        attendances.appeal(students.get(1), id, "扫码时手机没电了");
        attendances.enterLate(organiser, id, scenes.number(students.get(2)), "签到表补登");
        attendances.summarise(organiser, id, "活动顺利举行。");
        attendances.addPhotos(organiser, id, List.of(Photo.of(CheckInScenes.png())));

        for (String lang : new String[]{"zh_CN", "en"}) {
            mvc.perform(get("/activities/" + id + "/attendance").param("lang", lang).with(users.as(CheckInScenes.ORGANISER)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"appeals\"")))
                    .andExpect(content().string(containsString("data-state=\"PENDING\"")))
                    .andExpect(content().string(containsString("id=\"photo-list\"")))
                    .andExpect(content().string(containsString("很有收获")));
            mvc.perform(get("/activities/" + id + "/recap").param("lang", lang).with(users.as(students.get(0).username())))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"rating-form\"")))
                    .andExpect(content().string(containsString("活动顺利举行。")));
            mvc.perform(get("/activities/" + id + "/recap").param("lang", lang).with(users.as(students.get(1).username())))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"my-appeal\"")))
                    .andExpect(content().string(not(containsString("id=\"rating-form\""))));
            mvc.perform(get("/activities/late-entries").param("lang", lang).with(users.as("affairs")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("签到表补登")));
            mvc.perform(get("/activities/" + id + "/check-in/scan").param("lang", lang).with(users.as(CheckInScenes.ORGANISER)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"scan-closed\"")));
            mvc.perform(get("/activities/" + id + "/check-in/display").param("lang", lang).with(users.as(CheckInScenes.ORGANISER)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"check-in-closed\"")));
        }
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/activities/{id}/check-in-token")))
                .andExpect(content().string(containsString("/api/v1/activities/{id}/check-ins/scan")))
                .andExpect(content().string(containsString("/api/v1/me/code")))
                .andExpect(content().string(containsString("/api/v1/late-entries/{attendanceId}/decision")))
                .andExpect(content().string(containsString("/api/v1/activities/{id}/appeals/{appealId}/decision")))
                .andExpect(content().string(containsString("/api/v1/activities/{id}/rating")));
    }
}
