package org.shouwang.spaces.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.TestClock;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.BookingState;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceDraft;
import org.shouwang.spaces.SpaceFixtures;
import org.shouwang.spaces.SpaceKind;
import org.shouwang.spaces.Spaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SpacePagesTests {

    /** A Tuesday; the clock stands at 10:00 on campus. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    static final LocalDate TOMORROW = TODAY.plusDays(1);

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired SpaceFixtures fixtures;
    @Autowired Spaces spaces;
    @Autowired SpaceBookings bookings;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void tenOClock() {
        clock.fix(fixtures.at(TODAY, 10, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ResultActions page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(users.as(user))).andExpect(status().isOk());
    }

    private MockHttpServletRequestBuilder booking(long space, String user, LocalDate day, String start, String end, String attendees,
                                                  String purpose) {
        return post("/spaces/" + space + "/bookings").with(users.as(user)).with(csrf()).param("day", day.toString())
                .param("start", start).param("end", end).param("attendees", attendees).param("purpose", purpose);
    }

    private int bookingsOf(long space) {
        return jdbc.queryForObject("SELECT count(*) FROM space_booking WHERE space_id = ?", Integer.class, space);
    }

    @Test
    void theListFiltersByKindAndLinksToTheFreeSeatView() throws Exception {
        long study = fixtures.create(fixtures.studyRoom("预约页列表自习室", false));
        SpaceDraft talk = fixtures.studyRoom("预约页列表谈心室", false);
        long talkRoom = fixtures.create(new SpaceDraft(talk.name(), SpaceKind.TALK_ROOM, talk.buildingId(), 2, "202", 3, "", "", talk.opensAt(),
                talk.closesAt(), talk.openDays(), true, false, true, 60, 7, true, null));

        page("/spaces", "student").andExpect(content().string(containsString("列表自习室")))
                .andExpect(content().string(containsString("预约页列表谈心室")))
                .andExpect(content().string(containsString("href=\"/spaces/free\"")))
                .andExpect(content().string(not(containsString("id=\"new-space\""))));
        page("/spaces?kind=TALK_ROOM&building=" + fixtures.building(), "student")
                .andExpect(content().string(containsString("data-space=\"" + talkRoom + "\"")))
                .andExpect(content().string(not(containsString("data-space=\"" + study + "\""))));
        page("/spaces?kind=NONSENSE&building=x", "student").andExpect(content().string(containsString("data-space=\"" + study + "\"")));
        page("/spaces", "manager").andExpect(content().string(containsString("id=\"new-space\"")));
    }

    @Test
    void theGridShowsFreeTakenAndActivityTimesWithoutNames() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约页网格自习室", false));
        Viewer booker = fixtures.students(1).get(0);
        bookings.book(booker, new SpaceBookings.Request(space, fixtures.at(TOMORROW, 14, 0), fixtures.at(TOMORROW, 15, 0), "秘密讨论", 2, null));
        bookings.reserveForActivity(users.viewer("counsellor"), space, 987_654L, fixtures.at(TOMORROW, 16, 0), fixtures.at(TOMORROW, 17, 0),
                "读书会", 5);

        String html = page("/spaces/" + space + "?day=" + TOMORROW, "student").andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-day=\"" + TOMORROW + "\" data-time=\"14:00\" data-state=\"TAKEN\"")
                .contains("data-day=\"" + TOMORROW + "\" data-time=\"16:30\" data-state=\"ACTIVITY\"")
                .contains("data-day=\"" + TOMORROW + "\" data-time=\"15:00\" data-state=\"FREE\"")
                .contains("data-day=\"" + TODAY + "\" data-time=\"09:00\" data-state=\"PAST\"")
                .contains("data-time=\"14:30\" data-state=\"TAKEN\"")
                .doesNotContain(booker.displayName()).doesNotContain("秘密讨论").doesNotContain("读书会")
                .contains("id=\"grid-day\"").contains("id=\"grid-week\"").contains("id=\"booking-form\"");
    }

    @Test
    void aFreeSlotTappedFillsTheFormAndBookingItConfirmsAndShowsTheBooking() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约页表单自习室", false));
        String student = fixtures.students(1).get(0).username();
        page("/spaces/" + space + "?day=" + TOMORROW + "&start=15:00", student)
                .andExpect(content().string(containsString("value=\"15:00\"")))
                .andExpect(content().string(containsString("value=\"16:00\"")));

        MvcResult done = mvc.perform(booking(space, student, TOMORROW, "15:00", "16:30", "2", "复习高数"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/spaces/bookings/*"))
                .andExpect(flash().attribute("success", containsString("表单自习室"))).andReturn();
        String id = done.getResponse().getRedirectedUrl().replaceAll(".*/spaces/bookings/(\\d+).*", "$1");

        page("/spaces/bookings/" + id, student).andExpect(content().string(containsString("复习高数")))
                .andExpect(content().string(containsString("已确认")));
        page("/spaces/bookings", student).andExpect(content().string(containsString("表单自习室")))
                .andExpect(content().string(containsString("id=\"cancel-" + id + "\"")));
    }

    @Test
    void fieldProblemsShowBesideTheirFieldsAndNothingIsWritten() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约页校验自习室", false));
        String student = fixtures.students(1).get(0).username();

        mvc.perform(booking(space, student, TOMORROW, "25:00", "16:00", "abc", " ")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"booking-errors\"")))
                .andExpect(content().string(containsString("id=\"startsAt-error\"")))
                .andExpect(content().string(containsString("id=\"attendees-error\">请输入整数。")))
                .andExpect(content().string(containsString("value=\"abc\"")));
        mvc.perform(booking(space, student, TOMORROW, "20:00", "23:00", "99", "").cookie(new jakarta.servlet.http.Cookie("shouwang-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"attendees-error\">Between 1 and 6 people.")))
                .andExpect(content().string(containsString("id=\"purpose-error\">Required.")))
                .andExpect(content().string(containsString("Outside opening hours")))
                .andExpect(content().string(containsString("At most 120 minutes at a time.")));
        mvc.perform(booking(space, student, TODAY.plusDays(30), "10:00", "11:00", "1", "太远")).andExpect(status().isOk())
                .andExpect(content().string(containsString("最多提前")));

        assertThat(bookingsOf(space)).isZero();
    }

    @Test
    void aTakenSlotIsRefusedAboveTheFormAndNothingIsWritten() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约页冲突自习室", false));
        List<Viewer> two = fixtures.students(2);
        mvc.perform(booking(space, two.get(0).username(), TOMORROW, "14:00", "16:00", "2", "先到"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(booking(space, two.get(1).username(), TOMORROW, "15:00", "16:00", "2", "后到")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"booking-refused\"")))
                .andExpect(content().string(containsString("该时段已被预约")))
                .andExpect(content().string(containsString("value=\"后到\"")));

        assertThat(bookingsOf(space)).isEqualTo(1);
    }

    @Test
    void aBookingIsSeenByItsBookerAndTheManagersOnly() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约页隐私自习室", false));
        List<Viewer> two = fixtures.students(2);
        long id = bookings.book(two.get(0), new SpaceBookings.Request(space, fixtures.at(TOMORROW, 9, 0), fixtures.at(TOMORROW, 10, 0), "背单词", 1, null));

        page("/spaces/bookings/" + id, two.get(0).username()).andExpect(content().string(containsString("背单词")));
        page("/spaces/bookings/" + id, "manager").andExpect(content().string(containsString(two.get(0).displayName())));
        mvc.perform(get("/spaces/bookings/" + id).with(users.as(two.get(1).username()))).andExpect(status().isNotFound());
        mvc.perform(get("/spaces/bookings/" + id).with(users.as("counsellor"))).andExpect(status().isNotFound());
        page("/spaces/bookings", two.get(1).username()).andExpect(content().string(not(containsString("背单词"))));
        mvc.perform(post("/spaces/bookings/" + id + "/cancel").with(users.as(two.get(1).username())).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theManagerApprovesOrDeclinesWithAReasonWaitingOnesFirstAndOthersMayNot() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约页审批研讨室", true));
        List<Viewer> three = fixtures.students(3);
        long confirmedElsewhere = bookings.book(three.get(2), new SpaceBookings.Request(fixtures.create(fixtures.studyRoom("预约页审批旁边自习室", false)),
                fixtures.at(TOMORROW, 8, 0), fixtures.at(TOMORROW, 9, 0), "早读", 1, null));
        long first = bookings.book(three.get(0), new SpaceBookings.Request(space, fixtures.at(TOMORROW, 14, 0), fixtures.at(TOMORROW, 15, 0), "班会", 4, null));
        long second = bookings.book(three.get(1), new SpaceBookings.Request(space, fixtures.at(TOMORROW, 16, 0), fixtures.at(TOMORROW, 17, 0), "社团例会", 4, "学生会宣传部"));

        String html = page("/spaces/manage", "manager").andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"approve-" + first + "\"", "id=\"decline-" + second + "\"", "学生会宣传部");
        assertThat(html.indexOf("booking-" + second)).isLessThan(html.indexOf("booking-" + confirmedElsewhere));
        mvc.perform(get("/spaces/manage").with(users.as(three.get(0).username()))).andExpect(status().isNotFound());
        mvc.perform(post("/spaces/bookings/" + first + "/approve").with(users.as(three.get(0).username())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/spaces/bookings/" + first + "/approve").with(users.as("counsellor")).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/spaces/bookings/" + first + "/approve").param("back", "/spaces/manage").with(users.as("manager")).with(csrf()))
                .andExpect(redirectedUrl("/spaces/manage")).andExpect(flash().attribute("success", containsString("已批准")));
        mvc.perform(post("/spaces/bookings/" + second + "/decline").param("reason", " ").param("back", "/spaces/manage")
                .with(users.as("manager")).with(csrf())).andExpect(flash().attribute("error", containsString("必填")));
        mvc.perform(post("/spaces/bookings/" + second + "/decline").param("reason", "当天楼栋检查").param("back", "https://evil.example")
                .with(users.as("manager")).with(csrf())).andExpect(redirectedUrl("/spaces/bookings/" + second));

        assertThat(bookings.booking(three.get(0), first).state()).isEqualTo(BookingState.CONFIRMED);
        page("/spaces/bookings/" + second, three.get(1).username()).andExpect(content().string(containsString("当天楼栋检查")))
                .andExpect(content().string(containsString("未批准")));
    }

    @Test
    void iAmHereChecksInWithinTheWindowOnly() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约页签到自习室", false));
        Viewer student = fixtures.students(1).get(0);
        long id = bookings.book(student, new SpaceBookings.Request(space, fixtures.at(TODAY, 10, 30), fixtures.at(TODAY, 11, 30), "自习", 1, null));

        page("/spaces/bookings", student.username()).andExpect(content().string(not(containsString("id=\"check-in-" + id + "\""))));
        mvc.perform(post("/spaces/bookings/" + id + "/check-in").with(users.as(student.username())).with(csrf()))
                .andExpect(flash().attribute("error", containsString("签到")));
        clock.fix(fixtures.at(TODAY, 10, 35));
        page("/spaces/bookings", student.username()).andExpect(content().string(containsString("id=\"check-in-" + id + "\"")));
        mvc.perform(post("/spaces/bookings/" + id + "/check-in").param("back", "/spaces/bookings").with(users.as(student.username())).with(csrf()))
                .andExpect(redirectedUrl("/spaces/bookings")).andExpect(flash().attribute("success", containsString("签到成功")));

        assertThat(bookings.booking(student, id).state()).isEqualTo(BookingState.CHECKED_IN);
    }

    @Test
    void theDoorCodeChecksInTheSignedInBookerAndOnlyManagersSeeIt() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约页门码自习室", false));
        Viewer student = fixtures.students(1).get(0);
        long id = bookings.book(student, new SpaceBookings.Request(space, fixtures.at(TODAY, 10, 0), fixtures.at(TODAY, 11, 0), "自习", 1, null));
        String key = spaces.doorKey(users.viewer("admin"), space);

        page("/spaces/" + space + "/door-code", "manager").andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("/spaces/" + space + "/door?key=" + key)));
        mvc.perform(get("/spaces/" + space + "/door-code").with(users.as(student.username()))).andExpect(status().isNotFound());
        mvc.perform(get("/spaces/" + space + "/door").param("key", key)).andExpect(status().is3xxRedirection());

        page("/spaces/" + space + "/door?key=wrong", student.username()).andExpect(content().string(containsString("id=\"door-refused\"")));
        page("/spaces/" + space + "/door?key=" + key, "student").andExpect(content().string(containsString("id=\"door-refused\"")));
        page("/spaces/" + space + "/door?key=" + key, student.username()).andExpect(content().string(containsString("id=\"door-done\"")));
        assertThat(bookings.booking(student, id).state()).isEqualTo(BookingState.CHECKED_IN);
    }

    @Test
    void aBuildingManagerDefinesASpaceWithEveryFieldAndSeesFieldErrors() throws Exception {
        long building = fixtures.building();
        mvc.perform(get("/spaces/new").with(users.as("student"))).andExpect(status().isNotFound());
        page("/spaces/new", "manager").andExpect(content().string(containsString("name=\"openDays\"")));

        mvc.perform(post("/spaces/new").with(users.as("manager")).with(csrf()).param("name", "").param("kind", "BALLROOM")
                        .param("buildingId", String.valueOf(building)).param("floor", "1").param("capacity", "x").param("opensAt", "22:00")
                        .param("closesAt", "08:00").param("longestMinutes", "5").param("daysAhead", "7"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"space-errors\"")))
                .andExpect(content().string(containsString("id=\"capacity-error\">请输入整数。")));
        mvc.perform(post("/spaces/new").with(users.as("manager")).with(csrf()).param("name", "").param("kind", "SEMINAR_ROOM")
                        .param("buildingId", String.valueOf(building)).param("floor", "1").param("capacity", "10").param("opensAt", "22:00")
                        .param("closesAt", "08:00").param("longestMinutes", "5").param("daysAhead", "7"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"name-error\">必填。")))
                .andExpect(content().string(containsString("id=\"closesAt-error\"")))
                .andExpect(content().string(containsString("id=\"openDays-error\"")))
                .andExpect(content().string(containsString("id=\"bookers-error\"")))
                .andExpect(content().string(containsString("id=\"longestMinutes-error\"")));

        MvcResult created = mvc.perform(post("/spaces/new").with(users.as("manager")).with(csrf()).param("name", "预约页新建研讨室")
                        .param("kind", "SEMINAR_ROOM").param("buildingId", String.valueOf(building)).param("floor", "3").param("room", "305")
                        .param("capacity", "12").param("equipment", "投影").param("description", "可开小组会").param("opensAt", "09:00")
                        .param("closesAt", "21:00").param("openDays", "1", "3", "5").param("studentsMayBook", "true")
                        .param("organisationsMayBook", "true").param("longestMinutes", "90").param("daysAhead", "14")
                        .param("needsApproval", "true").param("managerUsername", "counsellor"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().substring("/spaces/".length()));
        var space = spaces.space(id);
        assertThat(space.openDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(space.opensAt()).isEqualTo(LocalTime.of(9, 0));
        assertThat(space.needsApproval()).isTrue();
        assertThat(space.staffMayBook()).isFalse();
        assertThat(space.managerAccountId()).isEqualTo(users.viewer("counsellor").accountId());

        page("/spaces/" + id + "/edit", "manager").andExpect(content().string(containsString("value=\"counsellor\"")))
                .andExpect(content().string(containsString("id=\"day-3\" value=\"3\" checked=\"checked\"")));
        // The named manager decides bookings but does not define the space.
        mvc.perform(get("/spaces/" + id + "/edit").with(users.as("counsellor"))).andExpect(status().isNotFound());
        page("/spaces/manage", "counsellor");
        mvc.perform(post("/spaces/" + id + "/edit").with(users.as("manager")).with(csrf()).param("name", "预约页新建研讨室")
                        .param("kind", "SEMINAR_ROOM").param("buildingId", String.valueOf(building)).param("floor", "3")
                        .param("capacity", "12").param("opensAt", "09:00").param("closesAt", "21:00").param("openDays", "1")
                        .param("studentsMayBook", "true").param("longestMinutes", "90").param("daysAhead", "14").param("version", "99"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"space-refused\"")));
        mvc.perform(post("/spaces/" + id + "/active").param("active", "false").with(users.as("manager")).with(csrf()))
                .andExpect(redirectedUrl("/spaces/" + id));
        mvc.perform(get("/spaces/" + id).with(users.as("student"))).andExpect(status().isNotFound());
        page("/spaces/" + id, "manager").andExpect(content().string(containsString("id=\"inactive\"")));
    }

    @Test
    void managersAddAndRemoveClosuresAndTheGridShowsThem() throws Exception {
        long space = fixtures.create(fixtures.studyRoom("预约页关闭自习室", false));
        mvc.perform(post("/spaces/" + space + "/closures").with(users.as("manager")).with(csrf()).param("startsAt", "2026-12-09T08:00")
                .param("endsAt", "2026-12-09T07:00").param("reason", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"closure-form\"")))
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/spaces/" + space + "/closures").with(users.as("student")).with(csrf()).param("startsAt", "2026-12-09T08:00")
                .param("endsAt", "2026-12-09T12:00").param("reason", "维修")).andExpect(status().isNotFound());
        mvc.perform(post("/spaces/" + space + "/closures").with(users.as("manager")).with(csrf()).param("startsAt", "2026-12-09T08:00")
                .param("endsAt", "2026-12-09T12:00").param("reason", "空调维修")).andExpect(redirectedUrl("/spaces/" + space + "#closures"));

        page("/spaces/" + space + "?day=" + TOMORROW, "student").andExpect(content().string(containsString("空调维修")))
                .andExpect(content().string(containsString("data-day=\"" + TOMORROW + "\" data-time=\"09:00\" data-state=\"CLOSED\"")));
        mvc.perform(booking(space, fixtures.students(1).get(0).username(), TOMORROW, "09:00", "10:00", "1", "自习"))
                .andExpect(content().string(containsString("空调维修")));

        long closure = spaces.closures(space).get(0).id();
        mvc.perform(post("/spaces/" + space + "/closures/" + closure + "/delete").with(users.as("manager")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(spaces.closures(space)).isEmpty();
    }

    @Test
    void unknownSpacesAndOddParametersNeverFail() throws Exception {
        mvc.perform(get("/spaces/999999999").with(users.as("student"))).andExpect(status().isNotFound());
        long space = fixtures.create(fixtures.studyRoom("预约页参数自习室", false));
        page("/spaces/" + space + "?day=notaday&start=xx", "student");
        page("/spaces/manage?state=WHATEVER", "manager");
    }
}
