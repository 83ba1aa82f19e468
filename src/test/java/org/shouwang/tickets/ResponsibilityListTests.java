package org.shouwang.tickets;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.Viewer;
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
 * Administrators edit the responsibility list as a versioned document and publish it; everyone
 * reads the published version; a request keeps the version it was dispatched under.
 */
@IntegrationTest
class ResponsibilityListTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Responsibilities responsibilities;
    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void noDraftIsOpen() {
        responsibilities.discardDraft(users.viewer("admin"));
    }

    @Test
    void anEditedDraftIsPublishedAndRequestsDispatchedBeforeKeepTheirVersion() throws Exception {
        Viewer student = users.viewer("student");
        int before = responsibilities.published().orElseThrow().version();
        TicketViews.Submitted earlier = tickets.submit(student, new Tickets.Submission(Category.ACADEMICS, null, false,
                "想了解辅修专业的报名时间", null, null), List.of());
        assertThat(queries.detail(student, earlier.id()).listVersion()).isEqualTo(before);

        mvc.perform(post("/admin/responsibilities/draft").with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/responsibilities"));
        int draft = before + 1;
        mvc.perform(get("/admin/responsibilities").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("草稿 v" + draft), containsString("data-clause=\"1.1\""))));
        Responsibilities.Clause academics = responsibilities.publishedClause("1.1").orElseThrow();
        mvc.perform(get("/admin/responsibilities").param("edit", "1.1").with(users.as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(academics.duty())));

        mvc.perform(clause("1.1", "ACADEMICS", "", academics.departmentId(), "课程、考试、学籍、转专业、辅修等学业问题", "4", "8", "40")
                        .param("editing", "true").with(users.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/responsibilities/draft/publish").param("note", "学业条款加入辅修")
                        .with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/responsibilities"));

        assertThat(responsibilities.published().orElseThrow().version()).isEqualTo(draft);
        assertThat(responsibilities.version(before).status()).isEqualTo(Responsibilities.Status.SUPERSEDED);
        assertThat(responsibilities.publishedClause("1.1").orElseThrow().duty()).contains("辅修");
        assertThat(queries.detail(student, earlier.id()).listVersion()).as("dispatched under the old version").isEqualTo(before);
        assertThat(tickets.submit(student, new Tickets.Submission(Category.ACADEMICS, null, false, "辅修学分如何认定", null, null),
                List.of()).id()).satisfies(id -> assertThat(queries.detail(student, id).listVersion()).isEqualTo(draft));

        mvc.perform(get("/responsibilities"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("第 " + draft + " 版"), containsString("辅修等学业问题"),
                        containsString("响应 8 个工作小时内，办结 40 个工作小时内；紧急：1 / 8 自然小时"),
                        not(containsString("main-nav")))));
        mvc.perform(get("/admin/responsibilities/" + before).with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("已被取代"), containsString("课程、考试、学籍、转专业等学业问题"),
                        not(containsString("data-remove")))));
        mvc.perform(get("/api/v1/responsibilities").with(users.as("student")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(draft))
                .andExpect(jsonPath("$.clauses[?(@.clause == '1.1')].duty").value(hasItem(containsString("辅修"))));
        mvc.perform(get("/api/v1/admin/responsibilities").with(users.as("admin")))
                .andExpect(jsonPath("$[0].version").value(draft))
                .andExpect(jsonPath("$[0].publishedBy").value("admin"))
                .andExpect(jsonPath("$[1].status").value("SUPERSEDED"));
    }

    @Test
    void thePublicPageIsReadableSignedOutAndTheApiIsNot() throws Exception {
        mvc.perform(get("/responsibilities"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("部门责任清单"), containsString("后勤保障处"),
                        containsString("id=\"sign-in\""))));
        mvc.perform(get("/responsibilities").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Response within 8 working hours, resolution within 40 working hours; urgent: 1 / 8 natural hours.")));
        mvc.perform(get("/api/v1/responsibilities")).andExpect(status().isUnauthorized());
        mvc.perform(get("/admin/responsibilities")).andExpect(status().is3xxRedirection());
    }

    @Test
    void invalidClausesAreRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        long lists = count("responsibility_list");
        long clauses = count("responsibility");
        long audits = count("audit_event");
        long department = responsibilities.publishedClause("1.1").orElseThrow().departmentId();

        mvc.perform(clause("", "ACADEMICS", "WATER", 999_999, "职责", "0", "8", "40").with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("请填写条款编号"), containsString("只有报修有子类别"),
                        containsString("请填写 1 到 720 之间的整数小时"), containsString("没有这个部门"))));
        mvc.perform(clause("9.1", "ACADEMICS", "", department, "", "8", "8", "40").with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写职责")));
        mvc.perform(clause("9.1", "ACADEMICS", "", department, "职责", "abc", "8", "40").with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写 1 到 720 之间的整数小时")));
        mvc.perform(clause("1.1", "ACADEMICS", "", department, "重复", "4", "8", "40").with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已有条款 1.1")));

        mvc.perform(post("/api/v1/admin/responsibilities/draft/clauses").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json(" ", "ACADEMICS", null, department, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(allOf(hasItem("clause"), hasItem("dispatchHours"))));
        mvc.perform(post("/api/v1/admin/responsibilities/draft/clauses").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json("9.1", "SAFETY", "\"WATER\"", 999_999, 2)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(allOf(hasItem("subcategory"), hasItem("departmentId"))))
                .andExpect(content().string(containsString("没有这个部门")));
        mvc.perform(post("/api/v1/admin/responsibilities/draft/clauses").with(users.as("admin")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(json("9.1", "SAFETY", null, department, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A whole number of hours from 1 to 720.")));

        assertThat(count("responsibility_list")).isEqualTo(lists);
        assertThat(count("responsibility")).isEqualTo(clauses);
        assertThat(count("audit_event")).isEqualTo(audits);
    }

    @Test
    void theApiEditsTheDraftAndDiscardsIt() throws Exception {
        long department = responsibilities.publishedClause("7.1").orElseThrow().departmentId();
        long building = jdbc.sql("SELECT min(id) FROM building").query(Long.class).single();
        mvc.perform(get("/api/v1/admin/responsibilities/draft").with(users.as("admin"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/admin/responsibilities/draft/clauses").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"clause":"7.2","category":"DORM_LIFE","buildingId":%d,"departmentId":%d,"duty":"本楼宿舍调换",
                                 "dispatchHours":2,"respondHours":4,"resolveHours":16,
                                 "urgentDispatchHours":1,"urgentRespondHours":1,"urgentResolveHours":4}""".formatted(building, department)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.clause").value("7.2"))
                .andExpect(jsonPath("$.buildingId").value(building))
                .andExpect(jsonPath("$.normal.resolveHours").value(16));
        mvc.perform(put("/api/v1/admin/responsibilities/draft/clauses/7.2").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json("7.2", "DORM_LIFE", null, department, 3)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.normal.dispatchHours").value(3))
                .andExpect(jsonPath("$.buildingId").doesNotExist());
        mvc.perform(put("/api/v1/admin/responsibilities/draft/clauses/7.3").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json("7.2", "DORM_LIFE", null, department, 3)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/admin/responsibilities/draft").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.clauses[?(@.clause == '7.2')].normal.dispatchHours").value(hasItem(3)));
        mvc.perform(delete("/api/v1/admin/responsibilities/draft/clauses/7.2").with(users.as("admin")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/admin/responsibilities/draft/clauses/7.2").with(users.as("admin")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/admin/responsibilities/draft").with(users.as("admin")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/admin/responsibilities/draft/publish").with(users.as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"无草稿\"}"))
                .andExpect(status().isConflict());
        assertThat(responsibilities.versions()).noneMatch(v -> v.status() == Responsibilities.Status.DRAFT);
    }

    @Test
    void thePagesRemoveAClauseAndDiscardTheDraft() throws Exception {
        mvc.perform(post("/admin/responsibilities/draft").with(users.as("admin")).with(csrf()));
        mvc.perform(post("/admin/responsibilities/draft/clauses/remove").param("clause", "7.1").with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/responsibilities"))
                .andExpect(flash().attribute("success", "已从草稿删除条款 7.1。"));
        mvc.perform(get("/admin/responsibilities").with(users.as("admin")))
                .andExpect(content().string(not(containsString("data-clause=\"7.1\""))));
        mvc.perform(post("/admin/responsibilities/draft/publish").param("note", "").with(users.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请说明本版修改了什么")));
        mvc.perform(post("/admin/responsibilities/draft/discard").with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/responsibilities"));
        assertThat(responsibilities.publishedClause("7.1")).isPresent();
        mvc.perform(get("/admin/responsibilities").with(users.as("admin")))
                .andExpect(content().string(allOf(containsString("id=\"open-draft\""), containsString("data-clause=\"7.1\""))));
        mvc.perform(get("/admin/responsibilities/9999").with(users.as("admin"))).andExpect(status().isNotFound());
    }

    private List<MockHttpServletRequestBuilder> adminRequests() {
        String json = "{}";
        return List.of(get("/admin/responsibilities"), get("/admin/responsibilities/1"),
                post("/admin/responsibilities/draft"), post("/admin/responsibilities/draft/clauses").param("clause", "9.9"),
                post("/admin/responsibilities/draft/clauses/remove").param("clause", "1.1"),
                post("/admin/responsibilities/draft/publish").param("note", "x"), post("/admin/responsibilities/draft/discard"),
                get("/api/v1/admin/responsibilities"), get("/api/v1/admin/responsibilities/1"),
                get("/api/v1/admin/responsibilities/draft"), post("/api/v1/admin/responsibilities/draft"),
                post("/api/v1/admin/responsibilities/draft/clauses").contentType(MediaType.APPLICATION_JSON).content(json),
                put("/api/v1/admin/responsibilities/draft/clauses/1.1").contentType(MediaType.APPLICATION_JSON).content(json),
                delete("/api/v1/admin/responsibilities/draft/clauses/1.1"),
                post("/api/v1/admin/responsibilities/draft/publish").contentType(MediaType.APPLICATION_JSON).content(json),
                delete("/api/v1/admin/responsibilities/draft"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"student", "handler", "leader", "counsellor"})
    void othersAreRefusedTheAdministration(String username) throws Exception {
        long versions = count("responsibility_list");
        for (MockHttpServletRequestBuilder request : adminRequests()) {
            mvc.perform(request.with(users.as(username)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/responsibilities").with(users.as(username))).andExpect(status().isOk());
        assertThat(count("responsibility_list")).isEqualTo(versions);
    }

    private static MockHttpServletRequestBuilder clause(String clause, String category, String subcategory, long department,
                                                        String duty, String dispatch, String respond, String resolve) {
        return post("/admin/responsibilities/draft/clauses").param("clause", clause).param("category", category)
                .param("subcategory", subcategory).param("buildingId", "").param("departmentId", String.valueOf(department))
                .param("duty", duty).param("dispatchHours", dispatch).param("respondHours", respond).param("resolveHours", resolve)
                .param("urgentDispatchHours", "1").param("urgentRespondHours", "1").param("urgentResolveHours", "8");
    }

    private static String json(String clause, String category, String subcategory, long department, int dispatch) {
        return """
                {"clause":"%s","category":"%s","subcategory":%s,"departmentId":%d,"duty":"职责",
                 "dispatchHours":%d,"respondHours":8,"resolveHours":40,
                 "urgentDispatchHours":1,"urgentRespondHours":1,"urgentResolveHours":8}"""
                .formatted(clause, category, subcategory, department, dispatch);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
