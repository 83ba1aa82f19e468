package org.shouwang.tickets;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators keep the business calendar: working periods, holidays and make-up days, terms;
 * the deadline calculator answers as request deadlines are computed, on the demo 2026 calendar.
 */
@IntegrationTest
class CalendarAdministrationTests {

    /** A year no other test uses, so that days added here disturb nothing. */
    private static final int SPARE_YEAR = 2031;

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired BusinessCalendar calendar;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void forgetTheSpareYear() {
        jdbc.sql("DELETE FROM calendar_day WHERE on_date BETWEEN ? AND ?")
                .params(LocalDate.of(SPARE_YEAR, 1, 1), LocalDate.of(SPARE_YEAR, 12, 31)).update();
        jdbc.sql("DELETE FROM term WHERE name LIKE 'TEST %'").update();
    }

    @Test
    void theCalculatorSkipsTheNationalDayHolidayAndCountsTheMakeUpSaturday() throws Exception {
        assertThat(due("2026-09-30T16:00", 4, false)).isEqualTo(OffsetDateTime.parse("2026-10-08T10:30+08:00"));
        assertThat(due("2026-10-09T16:00", 4, false)).as("make-up Saturday 10-10").isEqualTo(OffsetDateTime.parse("2026-10-10T10:30+08:00"));
        assertThat(due("2026-09-30T16:00", 24, false)).isEqualTo(OffsetDateTime.parse("2026-10-10T17:30+08:00"));
        assertThat(due("2026-09-30T16:00", 4, true)).as("urgent: natural hours").isEqualTo(OffsetDateTime.parse("2026-09-30T20:00+08:00"));

        mvc.perform(get("/api/v1/admin/calendar/deadline").param("start", "2026-09-30T16:00").param("hours", "4")
                        .with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-10-08T02:30:00Z"))
                .andExpect(jsonPath("$.dueLocal").value("2026-10-08T10:30:00"))
                .andExpect(jsonPath("$.zone").value("Asia/Shanghai"));
        mvc.perform(get("/admin/calendar/deadline").param("start", "2026-09-30T16:00").param("hours", "4")
                        .header("HX-Request", "true").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("到期：2026-10-08 10:30（星期四）"), not(containsString("<html")))));
        mvc.perform(get("/admin/calendar/deadline").param("start", "2026-10-09T16:00").param("hours", "4").param("urgent", "false")
                        .with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("到期：2026-10-10 10:30（星期六）"), containsString("id=\"month-grid\""))));
        mvc.perform(get("/admin/calendar/deadline").param("start", "yesterday").param("hours", "0").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请填写日期和时间"), not(containsString("deadline-result")))));
        mvc.perform(get("/api/v1/admin/calendar/deadline").param("start", "2026-09-30T16:00").param("hours", "0")
                        .with(users.as("admin")))
                .andExpect(status().isBadRequest());
    }

    private OffsetDateTime due(String start, int hours, boolean urgent) throws Exception {
        String body = mvc.perform(get("/api/v1/admin/calendar/deadline").param("start", start).param("hours", String.valueOf(hours))
                        .param("urgent", String.valueOf(urgent)).with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String due = body.replaceAll(".*\"due\":\"([^\"]+)\".*", "$1");
        return OffsetDateTime.parse(due).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
    }

    @Test
    void overlappingWorkingPeriodsAreRefusedAndNothingChanges() throws Exception {
        List<WorkingTime.Period> before = calendar.periods();
        mvc.perform(post("/admin/calendar/periods").param("year", "2026")
                        .param("starts", "08:00", "11:00", "").param("ends", "12:00", "13:00", "")
                        .with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工作时段不能重叠")));
        mvc.perform(post("/admin/calendar/periods").param("starts", "09:00").param("ends", "08:00")
                        .with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1 行")));
        mvc.perform(put("/api/v1/admin/calendar/periods").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"periods\":[{\"starts\":\"08:00\",\"ends\":\"12:00\"},{\"starts\":\"11:30\",\"ends\":\"17:00\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periods"))
                .andExpect(jsonPath("$.errors[0].message").value("工作时段不能重叠。"));
        assertThat(calendar.periods()).isEqualTo(before);

        mvc.perform(post("/admin/calendar/periods").param("year", "2026")
                        .param("starts", "08:00", "14:00", "").param("ends", "12:00", "17:30", "")
                        .with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2026#periods"));
        mvc.perform(put("/api/v1/admin/calendar/periods").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"periods\":[{\"starts\":\"14:00\",\"ends\":\"17:30\"},{\"starts\":\"08:00\",\"ends\":\"12:00\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods[0].starts").value("08:00:00"));
        assertThat(calendar.periods()).containsExactly(new WorkingTime.Period(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new WorkingTime.Period(LocalTime.of(14, 0), LocalTime.of(17, 30)));
    }

    @Test
    void aRangeOfHolidaysIsAddedAtOnceAndShownOnTheYear() throws Exception {
        mvc.perform(post("/admin/calendar/days/range").param("year", String.valueOf(SPARE_YEAR))
                        .param("from", SPARE_YEAR + "-10-01").param("to", SPARE_YEAR + "-10-07")
                        .param("kind", "HOLIDAY").param("name", "国庆节").with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=" + SPARE_YEAR + "#days"))
                .andExpect(flash().attribute("success", "已将 7 天设为 国庆节（2031-10-01 至 2031-10-07）。"));
        assertThat(calendar.days(SPARE_YEAR)).hasSize(7).allMatch(d -> d.kind() == BusinessCalendar.DayKind.HOLIDAY
                && d.name().equals("国庆节"));
        mvc.perform(get("/admin/calendar").param("year", String.valueOf(SPARE_YEAR)).with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-day=\"2031-10-07\" data-mark=\"HOLIDAY\""),
                        containsString("data-day=\"2031-10-08\" data-mark=\"WORKDAY\""))));

        mvc.perform(post("/admin/calendar/days").param("year", String.valueOf(SPARE_YEAR)).param("day", SPARE_YEAR + "-10-11")
                        .param("kind", "WORKDAY").param("name", "国庆节调休上班").with(users.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/admin/calendar/days").param("year", String.valueOf(SPARE_YEAR)).with(users.as("admin")))
                .andExpect(jsonPath("$.length()").value(8))
                .andExpect(jsonPath("$[7].kind").value("WORKDAY"));
        mvc.perform(post("/admin/calendar/days/remove").param("day", SPARE_YEAR + "-10-11").with(users.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.days(SPARE_YEAR)).hasSize(7);

        mvc.perform(put("/api/v1/admin/calendar/days/" + SPARE_YEAR + "-01-01").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("元旦"));
        mvc.perform(post("/api/v1/admin/calendar/days").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"%d-05-01\",\"to\":\"%d-05-05\",\"kind\":\"HOLIDAY\",\"name\":\"劳动节\"}".formatted(SPARE_YEAR, SPARE_YEAR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(5));
        mvc.perform(delete("/api/v1/admin/calendar/days/" + SPARE_YEAR + "-01-01").with(users.as("admin")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/admin/calendar/days/" + SPARE_YEAR + "-01-01").with(users.as("admin")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(calendar.days(SPARE_YEAR)).hasSize(12);
    }

    @Test
    void badDaysAndTermsAreRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        long days = count("calendar_day");
        long terms = count("term");
        mvc.perform(post("/admin/calendar/days/range").param("from", SPARE_YEAR + "-10-07").param("to", SPARE_YEAR + "-10-01")
                        .param("kind", "HOLIDAY").param("name", "国庆节").with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结束日期早于开始日期")));
        mvc.perform(post("/admin/calendar/days/range").param("from", SPARE_YEAR + "-07-01").param("to", SPARE_YEAR + "-08-31")
                        .param("kind", "HOLIDAY").param("name", "暑假").with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("一次最多设置 31 天")));
        mvc.perform(post("/admin/calendar/days").param("day", "").param("kind", "HOLIDAY").param("name", " ")
                        .with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请选择日期"), containsString("请填写名称"))));
        mvc.perform(post("/admin/calendar/terms").param("name", "TEST 学期").param("kind", "TERM")
                        .param("starts", SPARE_YEAR + "-09-01").param("ends", SPARE_YEAR + "-08-01").with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结束日期早于开始日期")));
        mvc.perform(post("/api/v1/admin/calendar/days").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2031-10-07\",\"to\":\"2031-10-01\",\"kind\":\"HOLIDAY\",\"name\":\"国庆节\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(post("/api/v1/admin/calendar/terms").with(users.as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"kind\":\"TERM\",\"starts\":\"2031-09-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(allOf(hasItem("name"), hasItem("ends"))));
        assertThat(count("calendar_day")).isEqualTo(days);
        assertThat(count("term")).isEqualTo(terms);
    }

    @Test
    void termsAreAddedAndRemoved() throws Exception {
        mvc.perform(post("/admin/calendar/terms").param("year", "2031").param("name", "TEST 2031 暑假").param("kind", "VACATION")
                        .param("starts", "2031-07-12").param("ends", "2031-08-31").with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2031#terms"));
        BusinessCalendar.Term added = calendar.terms().stream().filter(t -> t.name().equals("TEST 2031 暑假")).findFirst().orElseThrow();
        assertThat(added.kind()).isEqualTo(BusinessCalendar.TermKind.VACATION);
        mvc.perform(get("/admin/calendar").param("year", "2031").with(users.as("admin")))
                .andExpect(content().string(allOf(containsString("TEST 2031 暑假"), containsString("cal-WEEKEND cal-vacation"))));
        mvc.perform(post("/admin/calendar/terms/remove").param("id", String.valueOf(added.id())).with(users.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.terms()).noneMatch(t -> t.id() == added.id());

        String created = mvc.perform(post("/api/v1/admin/calendar/terms").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"TEST 2031 秋季学期\",\"kind\":\"TERM\",\"starts\":\"2031-09-01\",\"ends\":\"2032-01-16\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.starts").value("2031-09-01"))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get("/api/v1/admin/calendar/terms").with(users.as("admin")))
                .andExpect(jsonPath("$[*].name").value(hasItem("TEST 2031 秋季学期")));
        mvc.perform(delete(created).with(users.as("admin")).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(delete(created).with(users.as("admin")).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void theCalendarPageShowsTheDemoYear() throws Exception {
        mvc.perform(get("/admin/calendar").param("year", "2026").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2026 年节假日与调休上班"), containsString("国庆节调休上班"),
                        containsString("data-day=\"2026-10-10\" data-mark=\"MAKEUP\""),
                        containsString("data-day=\"2026-10-05\" data-mark=\"HOLIDAY\""),
                        containsString("value=\"08:00\""), containsString("value=\"17:30\""))));
        mvc.perform(get("/admin/calendar").param("year", "abc").with(users.as("admin"))).andExpect(status().isBadRequest());
    }

    private List<MockHttpServletRequestBuilder> adminRequests() {
        String json = "{}";
        return List.of(get("/admin/calendar"), get("/admin/calendar/deadline").param("start", "2026-09-30T16:00").param("hours", "4"),
                post("/admin/calendar/periods").param("starts", "08:00").param("ends", "09:00"),
                post("/admin/calendar/days").param("day", "2031-01-01").param("kind", "HOLIDAY").param("name", "x"),
                post("/admin/calendar/days/range"), post("/admin/calendar/days/remove").param("day", "2026-10-01"),
                post("/admin/calendar/terms"), post("/admin/calendar/terms/remove").param("id", "1"),
                get("/api/v1/admin/calendar/periods"),
                put("/api/v1/admin/calendar/periods").contentType(MediaType.APPLICATION_JSON).content(json),
                get("/api/v1/admin/calendar/days").param("year", "2026"),
                put("/api/v1/admin/calendar/days/2031-01-01").contentType(MediaType.APPLICATION_JSON).content(json),
                post("/api/v1/admin/calendar/days").contentType(MediaType.APPLICATION_JSON).content(json),
                delete("/api/v1/admin/calendar/days/2026-10-01"),
                get("/api/v1/admin/calendar/terms"),
                post("/api/v1/admin/calendar/terms").contentType(MediaType.APPLICATION_JSON).content(json),
                delete("/api/v1/admin/calendar/terms/1"),
                get("/api/v1/admin/calendar/deadline").param("start", "2026-09-30T16:00").param("hours", "4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"student", "handler", "leader", "dispatch"})
    void othersAreRefusedTheCalendar(String username) throws Exception {
        long days = count("calendar_day");
        for (MockHttpServletRequestBuilder request : adminRequests()) {
            mvc.perform(request.with(users.as(username)).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(count("calendar_day")).isEqualTo(days);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
