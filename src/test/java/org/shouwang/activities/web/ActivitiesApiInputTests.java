package org.shouwang.activities.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A bad plan through the API: 400 naming every bad field in the caller's language, and nothing written. */
@IntegrationTest
class ActivitiesApiInputTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    ActivitiesApiDriver api;

    @BeforeEach
    void driver() {
        api = new ActivitiesApiDriver(mvc, users, jdbc, clock);
    }

    @Test
    void anEndBeforeTheStartIsRefused() throws Exception {
        Map<String, Object> plan = api.lecture("倒着走的讲座", 30, null);
        plan.put("endsAt", Instant.parse((String) plan.get("startsAt")).minus(Duration.ofHours(1)).toString());
        refused(plan, "endsAt", "The end must be after the start.", "结束时间须晚于开始时间。");
    }

    @Test
    void aCapacityOfZeroOrLessIsRefused() throws Exception {
        for (int capacity : new int[] {0, -5}) {
            Map<String, Object> plan = api.lecture("没有座位的讲座", capacity, 0);
            refused(plan, "capacity", "Capacity must be between 1 and 100,000.", "名额须在 1 到 100,000 之间。");
        }
    }

    @Test
    void aRegistrationWindowAfterTheActivityIsRefused() throws Exception {
        Map<String, Object> plan = api.lecture("报名太晚的讲座", 30, null);
        Instant starts = Instant.parse((String) plan.get("startsAt"));
        plan.put("registrationOpensAt", starts.plus(Duration.ofDays(1)).toString());
        plan.put("registrationClosesAt", starts.plus(Duration.ofDays(2)).toString());
        refused(plan, "registrationClosesAt", "Registration must close before the activity starts.", "报名须在活动开始前截止。");
    }

    @Test
    void anUnknownPlaceIsRefused() throws Exception {
        Map<String, Object> plan = api.lecture("不存在的楼", 30, null);
        plan.put("buildingId", 987654321L);
        refused(plan, "buildingId", "No such building.", "没有这栋楼。");
    }

    @Test
    void everyProblemOfOnePlanIsNamedAtOnce() throws Exception {
        Map<String, Object> plan = api.lecture(" ", 0, null);
        plan.remove("educations");
        plan.put("endsAt", plan.get("startsAt"));
        long before = api.activities();
        api.post("counsellor", "/api/v1/activities", ActivitiesApiDriver.json(plan))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("educations")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("endsAt")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("capacity")));
        assertThat(api.activities()).isEqualTo(before);
    }

    @Test
    void valuesOfTheWrongKindAreFieldErrorsNot500() throws Exception {
        long before = api.activities();
        String[][] cases = {
                {"type", "\"PICNIC\"", "Not one of the values offered.", "不是可选的值。"},
                {"educations", "[\"SPIRITUAL\"]", "Not one of the values offered.", "不是可选的值。"},
                {"capacity", "\"many\"", "Not a valid value for this field.", "该项的值无效。"},
                {"startsAt", "\"tomorrow at two\"", "Not a valid value for this field.", "该项的值无效。"},
                {"hours", "\"two\"", "Not a valid value for this field.", "该项的值无效。"}};
        for (String[] c : cases) {
            Map<String, Object> plan = api.lecture("格式不对", 30, null);
            plan.remove(c[0]);
            String json = ActivitiesApiDriver.json(plan);
            json = json.substring(0, json.length() - 1) + ",\"" + c[0] + "\":" + c[1] + "}";
            for (String[] language : new String[][] {{"en", c[2]}, {"zh-CN", c[3]}}) {
                api.post("counsellor", "/api/v1/activities", json, language[0])
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith(c[0])))
                        .andExpect(jsonPath("$.errors[0].message").value(language[1]));
            }
        }
        api.post("counsellor", "/api/v1/activities", "{\"title\": ").andExpect(status().isBadRequest());
        api.get("student", "/api/v1/activities?type=PICNIC").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        api.get("student", "/api/v1/activities?from=yesterday").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        assertThat(api.activities()).isEqualTo(before);
    }

    @Test
    void aReasonIsRequiredToRejectOrCancel() throws Exception {
        long id = api.create("counsellor", api.lecture("要理由的讲座", 10, null));
        api.move("counsellor", id, "submit", "{}").andExpect(status().isNoContent());
        for (String json : new String[] {"{}", "{\"reason\":\"   \"}"}) {
            api.move("affairs", id, "reject", json).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"))
                    .andExpect(jsonPath("$.errors[0].message").value("Required."));
            api.move("counsellor", id, "cancel", json).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
        }
        assertThat(api.<String>read("counsellor", id, "$.state")).isEqualTo("SUBMITTED");
    }

    /** The same bad plan in English and in Chinese: the field named each time, no activity written. */
    private void refused(Map<String, Object> plan, String field, String english, String chinese) throws Exception {
        long before = api.activities();
        String json = ActivitiesApiDriver.json(plan);
        api.post("counsellor", "/api/v1/activities", json, "en")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message").value(hasItem(english)));
        api.post("counsellor", "/api/v1/activities", json, "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求有误"))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message").value(hasItem(chinese)));
        assertThat(api.activities()).isEqualTo(before);
    }
}
