package org.shouwang.activities.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.ActivityQueries;
import org.shouwang.activities.ActivityState;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.RegistrationState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The activity pages: the organiser's form, approval, a student's registration, the organiser's list and attendance by hand. */
@IntegrationTest
class ActivityPagesTests {

    private static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ActivityQueries queries;

    ActivitiesApiDriver api;

    @BeforeEach
    void driver() {
        api = new ActivitiesApiDriver(mvc, users, jdbc, clock);
    }

    @Test
    void theOrganisersFormPublishesAfterApprovalAndAStudentRegistersFromThePage() throws Exception {
        MvcResult created = mvc.perform(form("counsellor", "/activities", plan("反诈骗专题讲座")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/activities/*")).andReturn();
        long id = idOf(created);
        ActivityViews.Detail draft = queries.detail(users.viewer("counsellor"), id);
        assertThat(draft.state()).isEqualTo(ActivityState.DRAFT);
        assertThat(draft.plan().startsAt().atZone(CAMPUS).getHour()).isEqualTo(14);
        assertThat(draft.plan().waitlistLimit()).isEqualTo(1);
        page(followed(created), "counsellor").andExpect(content().string(containsString("草稿已保存")))
                .andExpect(content().string(containsString("id=\"submit-activity\"")));

        done(post("/activities/" + id + "/submit").param("version", "0"), "counsellor", id, "已提交审核");
        page(get("/activities").param("scope", "PENDING"), "affairs")
                .andExpect(content().string(containsString("id=\"approve-" + id + "\"")));
        MvcResult refused = mvc.perform(post("/activities/" + id + "/reject").param("back", "pending").param("reason", " ")
                        .with(users.as("affairs")).with(csrf()))
                .andExpect(redirectedUrl("/activities?scope=PENDING")).andReturn();
        assertThat(refused.getFlashMap().get("error")).asString().isEqualTo("理由：必填。");
        mvc.perform(post("/activities/" + id + "/approve").param("back", "pending").with(users.as("affairs")).with(csrf()))
                .andExpect(redirectedUrl("/activities?scope=PENDING"));
        assertThat(queries.detail(users.viewer("affairs"), id).state()).isEqualTo(ActivityState.PUBLISHED);

        List<String> students = api.students(2, 100);
        page(get("/activities/" + id), students.get(0)).andExpect(content().string(containsString("id=\"register-submit\"")));
        done(post("/activities/" + id + "/register"), students.get(0), id, "报名成功，你已获得名额");
        page(get("/activities").param("q", "反诈骗专题讲座"), "student")
                .andExpect(content().string(containsString("data-activity=\"" + id + "\"")))
                .andExpect(content().string(containsString("名额 1/1")))
                .andExpect(content().string(containsString("已满，可候补")));
        page(get("/activities/" + id), students.get(1)).andExpect(content().string(containsString(">报名候补</button>")));
        done(post("/activities/" + id + "/register"), students.get(1), id, "你已进入候补，第 1 位");
        page(get("/activities/" + id), students.get(1))
                .andExpect(content().string(containsString("候补第 1 位")))
                .andExpect(content().string(containsString("id=\"cancel-registration-submit\"")));
        page(get("/activities").param("scope", "REGISTERED"), students.get(0))
                .andExpect(content().string(containsString("data-activity=\"" + id + "\"")))
                .andExpect(content().string(containsString("data-mine=\"REGISTERED\"")));
        page(get("/activities").param("q", "反诈骗专题讲座"), "student")
                .andExpect(content().string(containsString("class=\"badge act-full\"")))
                .andExpect(content().string(not(containsString("已满，可候补"))));
        page(get("/activities/" + id), "student")
                .andExpect(content().string(not(containsString("id=\"register-submit\""))))
                .andExpect(content().string(containsString("候补 1/1")));

        page(get("/activities/" + id), "counsellor")
                .andExpect(content().string(containsString("id=\"registrations\"")))
                .andExpect(content().string(containsString("data-student=\"" + students.get(0) + "\"")))
                .andExpect(content().string(containsString("/activities/" + id + "/check-in/display")));

        done(post("/activities/" + id + "/registration/cancel"), students.get(0), id, "已取消报名");
        assertThat(queries.detail(users.viewer(students.get(1)), id).mine().state()).isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    void badInputComesBackBesideItsFieldsAsTypedAndNothingIsWritten() throws Exception {
        long before = api.activities();
        Map<String, String> bad = plan("时间写反了的讲座");
        bad.put("endsAt", bad.get("startsAt").replace("T14:00", "T12:00"));
        bad.put("capacity", "0");
        bad.put("buildingId", "987654321");
        page(form("counsellor", "/activities", bad), null)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"endsAt-error\">结束时间须晚于开始时间。<")))
                .andExpect(content().string(containsString("id=\"capacity-error\">名额须在 1 到 100000 之间。<")))
                .andExpect(content().string(containsString("id=\"buildingId-error\">没有这栋楼。<")))
                .andExpect(content().string(containsString("value=\"时间写反了的讲座\"")));

        Map<String, String> garbled = plan("填错格式的讲座");
        garbled.put("capacity", "三十");
        garbled.put("startsAt", "明天下午");
        garbled.put("type", "PICNIC");
        garbled.put("title", "");
        page(form("counsellor", "/activities", garbled).cookie(new Cookie("shouwang-lang", "en")), null)
                .andExpect(content().string(containsString("id=\"capacity-error\">Enter a whole number.<")))
                .andExpect(content().string(containsString("id=\"startsAt-error\">Enter a date and time.<")))
                .andExpect(content().string(containsString("id=\"type-error\">Not one of the values offered.<")))
                .andExpect(content().string(containsString("id=\"title-error\">Required.<")))
                .andExpect(content().string(containsString("value=\"三十\"")));

        Map<String, String> late = plan("报名太晚");
        late.put("registrationOpensAt", late.get("endsAt"));
        late.put("registrationClosesAt", late.get("endsAt").replace("T16:00", "T18:00"));
        late.put("cancelBy", late.get("startsAt").replace("T14:00", "T10:00"));
        page(form("counsellor", "/activities", late), null)
                .andExpect(content().string(containsString("id=\"registrationClosesAt-error\">报名须在活动开始前截止。<")));
        assertThat(api.activities()).isEqualTo(before);
    }

    @Test
    void theOrganiserEditsOnTheVersionTheFormShowed() throws Exception {
        long id = idOf(mvc.perform(form("counsellor", "/activities", plan("待修改的讲座"))).andReturn());
        page(get("/activities/" + id + "/edit"), "counsellor")
                .andExpect(content().string(containsString("value=\"待修改的讲座\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
        Map<String, String> revised = plan("改过的讲座");
        revised.put("version", "0");
        mvc.perform(form("counsellor", "/activities/" + id, revised)).andExpect(redirectedUrl("/activities/" + id));
        assertThat(queries.detail(users.viewer("counsellor"), id).plan().title()).isEqualTo("改过的讲座");

        revised.put("title", "晚了一步");
        page(form("counsellor", "/activities/" + id, revised), null)
                .andExpect(content().string(containsString("刚被他人修改，请刷新后重试")))
                .andExpect(content().string(containsString("value=\"晚了一步\"")));
        assertThat(queries.detail(users.viewer("counsellor"), id).plan().title()).isEqualTo("改过的讲座");
        mvc.perform(form("headteacher", "/activities/" + id, revised)).andExpect(status().isNotFound());
    }

    @Test
    void aStudentAsksLeaveAndTheOrganiserGrantsItFromTheRegistrationList() throws Exception {
        long id = api.published(api.lecture("请假的讲座", 1, 1));
        List<String> students = api.students(2, 110);
        api.register(students.get(0), id);
        api.register(students.get(1), id);
        refused(post("/activities/" + id + "/leave").param("reason", ""), students.get(0), id, "理由：必填。");
        done(post("/activities/" + id + "/leave").param("reason", "参加竞赛"), students.get(0), id, "已请假");
        page(get("/activities/" + id), "counsellor")
                .andExpect(content().string(containsString("参加竞赛")))
                .andExpect(content().string(containsString("id=\"grant-leave-" + api.studentId(students.get(0)) + "\"")));
        done(post("/activities/" + id + "/leave-decision").param("student", String.valueOf(api.studentId(students.get(0))))
                .param("decision", "grant"), "counsellor", id, "已准假");
        assertThat(queries.detail(users.viewer(students.get(0)), id).mine().state()).isEqualTo(RegistrationState.ON_LEAVE);
        assertThat(queries.detail(users.viewer(students.get(1)), id).mine().state()).isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    void theOrganiserEntersStudentNumbersAndSeesWhichCounted() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> plan = api.lecture("手工签到", 50, null);
        plan.put("startsAt", now.plus(Duration.ofMinutes(10)).toString());
        plan.put("endsAt", now.plus(Duration.ofHours(2)).toString());
        plan.put("registrationOpensAt", now.minus(Duration.ofDays(1)).toString());
        plan.put("registrationClosesAt", now.plus(Duration.ofMinutes(5)).toString());
        long id = api.published(plan);
        String student = api.students(1, 120).get(0);
        page(get("/activities/" + id), "counsellor").andExpect(content().string(containsString("id=\"attendance-form\"")));
        MvcResult entered = mvc.perform(post("/activities/" + id + "/attendance/manual")
                        .param("studentNumbers", student + "\n99999999999").with(users.as("counsellor")).with(csrf()))
                .andExpect(redirectedUrl("/activities/" + id)).andReturn();
        page(followed(entered), "counsellor")
                .andExpect(content().string(containsString("已录入 1 人：" + student)))
                .andExpect(content().string(containsString("查无此学号 1 个：99999999999")));
        page(get("/activities/" + id), student).andExpect(content().string(containsString("id=\"my-attendance\"")));
    }

    @Test
    void thePagesRenderInChineseAndEnglishWithoutMissingMessages() throws Exception {
        long id = api.published(api.lecture("双语讲座", 5, 5));
        String student = api.students(1, 130).get(0);
        api.register(student, id);
        long draft = api.create("counsellor", api.lecture("双语草稿", 5, null));
        api.move("counsellor", draft, "submit", "{}");
        String[][] pages = {
                {"/activities", "student"}, {"/activities?scope=REGISTERED", student}, {"/activities?scope=ORGANISED", "counsellor"},
                {"/activities?scope=PENDING", "affairs"}, {"/activities/new", "counsellor"}, {"/activities/" + id, student},
                {"/activities/" + id, "counsellor"}, {"/activities/" + draft, "affairs"}, {"/activities/" + id, "student"},
                {"/activities?type=LECTURE&education=MORAL&series=求是讲堂&brand=守望&from=2020-01-01&to=2100-01-01&q=讲座&building=true",
                        "student"}};
        for (String[] p : pages) {
            for (String language : new String[] {"zh_CN", "en"}) {
                mvc.perform(get(p[0]).cookie(new Cookie("shouwang-lang", language)).with(users.as(p[1])))
                        .andExpect(status().isOk())
                        .andExpect(content().string(not(containsString("??"))));
            }
        }
        mvc.perform(get("/activities").param("lang", "en").with(users.as("student")))
                .andExpect(content().string(containsString("All activities")));
        mvc.perform(get("/activities/" + id + "/edit").with(users.as("counsellor"))).andExpect(redirectedUrl("/activities/" + id));
    }

    @Test
    void theListFollowsItsFiltersThroughHtmxAndTheAddressBar() throws Exception {
        Map<String, Object> plan = api.lecture("美育：合唱团开放排练", 30, null);
        plan.put("type", "CLUB_ACTIVITY");
        plan.put("educations", List.of("AESTHETIC"));
        long id = api.published(plan);
        mvc.perform(get("/activities").param("q", "合唱团开放排练").param("education", "AESTHETIC").header("HX-Request", "true")
                        .with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Push-Url", containsString("education=AESTHETIC")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("data-activity=\"" + id + "\"")));
        mvc.perform(get("/activities").param("q", "合唱团开放排练").param("education", "PHYSICAL").with(users.as("student")))
                .andExpect(content().string(not(containsString("data-activity=\"" + id + "\""))))
                .andExpect(content().string(containsString("id=\"no-activities\"")));
        mvc.perform(get("/activities").param("scope", "PENDING").param("type", "NONSENSE").param("from", "soon")
                        .with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-scope=\"REGISTERED\"")))
                .andExpect(content().string(not(containsString("data-scope=\"PENDING\""))));
    }

    // — helpers —

    /** A lecture a week ahead at 14:00–16:00 campus time, as the form sends it. */
    private Map<String, String> plan(String title) {
        LocalDateTime day = clock.instant().atZone(CAMPUS).toLocalDate().plusDays(7).atStartOfDay();
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("title", title);
        p.put("description", "主讲：市公安局反诈中心民警");
        p.put("type", "EDUCATION_CAMPAIGN");
        p.put("series", "平安校园");
        p.put("brand", "守望");
        p.put("organiserKind", "DEPARTMENT");
        p.put("organiser", "保卫处");
        p.put("leaderAccountId", "");
        p.put("buildingId", "");
        p.put("venue", "学生社区报告厅");
        p.put("startsAt", LOCAL.format(day.withHour(14)));
        p.put("endsAt", LOCAL.format(day.withHour(16)));
        p.put("audience", "EVERYONE");
        p.put("audienceGrade", "not read for everyone");
        p.put("capacity", "1");
        p.put("waitlistLimit", "1");
        p.put("registrationOpensAt", LOCAL.format(clock.instant().atZone(CAMPUS).toLocalDateTime().minusHours(1)));
        p.put("registrationClosesAt", LOCAL.format(day.withHour(12)));
        p.put("cancelBy", "");
        p.put("hours", "1.5");
        p.put("credits", "0");
        return p;
    }

    private MockHttpServletRequestBuilder form(String user, String path, Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post(path).with(users.as(user)).with(csrf());
        fields.forEach(request::param);
        request.param("educations", "MORAL", "INTELLECTUAL");
        return request;
    }

    private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
        if (user != null) {
            request.with(users.as(user));
        }
        return mvc.perform(request).andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))));
    }

    private void done(MockHttpServletRequestBuilder move, String user, long id, String message) throws Exception {
        MvcResult result = mvc.perform(move.with(users.as(user)).with(csrf())).andExpect(redirectedUrl("/activities/" + id)).andReturn();
        assertThat(result.getFlashMap().get("error")).isNull();
        assertThat(result.getFlashMap().get("success")).asString().contains(message);
        page(followed(result), user).andExpect(content().string(containsString("id=\"flash-success\"")));
    }

    private void refused(MockHttpServletRequestBuilder move, String user, long id, String message) throws Exception {
        MvcResult result = mvc.perform(move.with(users.as(user)).with(csrf())).andExpect(redirectedUrl("/activities/" + id)).andReturn();
        assertThat(result.getFlashMap().get("error")).asString().contains(message);
    }

    private static MockHttpServletRequestBuilder followed(MvcResult result) {
        // The flash attributes wait in the session, whose cookie the redirect carries.
        MockHttpServletRequestBuilder next = get(result.getResponse().getRedirectedUrl());
        Cookie[] cookies = result.getResponse().getCookies();
        return cookies.length == 0 ? next : next.cookie(cookies);
    }

    private static long idOf(MvcResult result) {
        String url = result.getResponse().getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }
}
