package org.shouwang.tickets.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Responsibilities;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Departments, the desk and the student move a request through its page's forms. */
@IntegrationTest
class RequestHandlingPageTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired People people;
    @Autowired Responsibilities responsibilities;

    @Test
    void theHandlerAcceptsRepliesAndResolvesAndTheStudentFollowsUp() throws Exception {
        long id = waterLeak();
        mvc.perform(get("/requests/" + id).with(users.as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accept-form\"")))
                .andExpect(content().string(not(containsString("id=\"resolve-form\""))));

        done(post("/requests/" + id + "/accept").param("version", version(id)), "handler", id, "已签收");
        done(multipart("/requests/" + id + "/reply").file(RequestSubmitPageTests.photo())
                .param("version", version(id)).param("text", "师傅十分钟后到"), "handler", id, "已回复学生");
        done(multipart("/requests/" + id + "/resolve").param("version", version(id)).param("text", "已更换水管接头"),
                "handler", id, "已办结");
        assertThat(detail(id).state()).isEqualTo(TicketState.RESOLVED);

        mvc.perform(get("/requests/" + id).with(users.as("student")))
                .andExpect(content().string(containsString("id=\"follow-up-form\"")))
                .andExpect(content().string(containsString("师傅十分钟后到")))
                .andExpect(content().string(containsString("已更换水管接头")));
        done(post("/requests/" + id + "/follow-up").param("contacted", "true").param("solved", "true")
                .param("satisfaction", "SATISFIED"), "student", id, "感谢你的评价");
        TicketViews.Detail closed = detail(id);
        assertThat(closed.state()).isEqualTo(TicketState.CLOSED);
        assertThat(closed.history()).extracting(TicketViews.Event::kind)
                .containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "REPLIED", "RESOLVED", "FOLLOWED_UP");
        assertThat(closed.history().get(3).photoIds()).hasSize(1);
    }

    @Test
    void aStaleFormIsRefusedWithAConflictMessageAndNothingIsWritten() throws Exception {
        long id = waterLeak();
        String shown = version(id);
        tickets.accept(users.viewer("handler"), id, null);
        int steps = detail(id).history().size();

        MvcResult refused = mvc.perform(multipart("/requests/" + id + "/reply").param("version", shown).param("text", "马上来")
                        .with(users.as("handler")).with(csrf()))
                .andExpect(redirectedUrl("/requests/" + id)).andReturn();
        assertThat(refused.getFlashMap().get("error")).asString().contains("刚被他人修改，请刷新后重试");
        mvc.perform(RequestSubmitPageTests.followed(refused).with(users.as("handler")))
                .andExpect(content().string(containsString("id=\"flash-error\"")))
                .andExpect(content().string(containsString("马上来</textarea>")));
        assertThat(detail(id).history()).hasSize(steps);
    }

    @Test
    void refusedMovesSayWhyInTheUsersLanguageWithout500() throws Exception {
        long id = waterLeak();
        int steps = detail(id).history().size();
        refused(post("/requests/" + id + "/accept"), "student", id, "您不能对诉求");
        refused(multipart("/requests/" + id + "/resolve").param("text", "好了"), "handler", id, "当前为“已转办”，不能进行此操作");
        refused(multipart("/requests/" + id + "/reply").param("text", " "), "handler", id, "回复内容：请填写内容。");
        refused(post("/requests/" + id + "/return").param("clause", "99.9").param("reason", "不归我们"), "handler", id,
                "已发布的责任清单中没有条款 99.9");
        refused(post("/requests/" + id + "/extension").param("hours", "lots").param("reason", "等配件"), "handler", id,
                "1 到 720");
        refused(post("/requests/" + id + "/follow-up").param("satisfaction", "SATISFIED"), "student", id, "请回答每一个问题");
        refused(post("/requests/" + id + "/dispatch").param("departmentId", "x").cookie(new Cookie("shouwang-lang", "en")), "dispatch", id,
                "Department: No such department.");
        assertThat(detail(id).history()).hasSize(steps);
        assertThat(detail(id).state()).isEqualTo(TicketState.DISPATCHED);
    }

    @Test
    void theHandlerReturnsCitingAPublishedClauseAndTheDeskDispatchesAgain() throws Exception {
        long id = waterLeak();
        String clause = responsibilities.publishedClauses().get(0).clause();
        mvc.perform(get("/requests/" + id).with(users.as("handler")))
                .andExpect(content().string(containsString("<option value=\"" + clause + "\"")));
        MvcResult returned = mvc.perform(post("/requests/" + id + "/return").param("version", version(id)).param("clause", clause)
                        .param("reason", "这是热水器问题，归物业公司").with(users.as("handler")).with(csrf()))
                .andExpect(redirectedUrl("/requests")).andReturn();
        assertThat(returned.getFlashMap().get("success")).asString().contains("已退回调度台");
        assertThat(detail(id).state()).isEqualTo(TicketState.RETURNED);

        mvc.perform(get("/requests/desk").param("q", detail(id).number()).with(users.as("dispatch")))
                .andExpect(content().string(containsString("data-request=\"" + id + "\"")));
        mvc.perform(post("/requests/" + id + "/dispatch").param("departmentId", String.valueOf(department("HQ")))
                        .param("back", "desk").with(users.as("dispatch")).with(csrf()))
                .andExpect(redirectedUrl("/requests/desk"));
        assertThat(detail(id).state()).isEqualTo(TicketState.DISPATCHED);
        mvc.perform(get("/requests/" + id).with(users.as("handler")))
                .andExpect(content().string(containsString("data-kind=\"RETURNED\"")))
                .andExpect(content().string(containsString(" §" + clause)));
        mvc.perform(get("/requests/" + id).with(users.as("student")))
                .andExpect(content().string(not(containsString("data-kind=\"RETURNED\""))))
                .andExpect(content().string(not(containsString("归物业公司"))));
    }

    @Test
    void theDeskDispatchesALegalRequestThatNoClauseRoutes() throws Exception {
        long id = tickets.submit(users.viewer("student"), new Tickets.Submission(Category.LEGAL, null, false,
                "租房押金被扣，想咨询法律援助", null, null), List.of()).id();
        assertThat(detail(id).state()).isEqualTo(TicketState.SUBMITTED);
        mvc.perform(get("/requests/desk").param("q", detail(id).number()).with(users.as("dispatch")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-request=\"" + id + "\"")));
        long legalAffairs = department("XGB");
        mvc.perform(post("/requests/" + id + "/dispatch").param("departmentId", String.valueOf(legalAffairs)).param("back", "desk")
                        .with(users.as("dispatch")).with(csrf()))
                .andExpect(redirectedUrl("/requests/desk"));
        TicketViews.Detail dispatched = detail(id);
        assertThat(dispatched.state()).isEqualTo(TicketState.DISPATCHED);
        assertThat(dispatched.departmentId()).isEqualTo(legalAffairs);
        assertThat(dispatched.clause()).isNull();
        mvc.perform(get("/requests/desk").param("q", detail(id).number()).with(users.as("dispatch")))
                .andExpect(content().string(not(containsString("data-request=\"" + id + "\""))));
        mvc.perform(get("/requests/desk").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void theDeskMergesADuplicateByItsNumber() throws Exception {
        long first = waterLeak();
        long duplicate = waterLeak();
        String number = detail(first).number();
        refused(post("/requests/" + duplicate + "/merge").param("number", "20990101-999999"), "dispatch", duplicate,
                "没有你可查看的编号为 20990101-999999 的诉求");
        done(post("/requests/" + duplicate + "/merge").param("number", number), "dispatch", duplicate, "已合并");
        assertThat(detail(duplicate).state()).isEqualTo(TicketState.MERGED);
        mvc.perform(get("/requests/" + duplicate).with(users.as("student")))
                .andExpect(content().string(containsString("id=\"merged-into\"")))
                .andExpect(content().string(containsString(number)));
    }

    private long waterLeak() {
        return tickets.submit(users.viewer("student"), new Tickets.Submission(Category.REPAIRS, Category.Subcategory.WATER, true,
                "卫生间水管漏水", null, null), List.of()).id();
    }

    private void done(AbstractMockHttpServletRequestBuilder<?> request, String username, long id, String message) throws Exception {
        MvcResult result = mvc.perform(request.with(users.as(username)).with(csrf()))
                .andExpect(redirectedUrl("/requests/" + id)).andReturn();
        assertThat(result.getFlashMap().get("error")).isNull();
        assertThat(result.getFlashMap().get("success")).asString().contains(message);
    }

    private void refused(AbstractMockHttpServletRequestBuilder<?> request, String username, long id, String message) throws Exception {
        MvcResult result = mvc.perform(request.with(users.as(username)).with(csrf()))
                .andExpect(redirectedUrl("/requests/" + id)).andReturn();
        assertThat(result.getFlashMap().get("error")).asString().contains(message);
    }

    private String version(long id) {
        return String.valueOf(detail(id).version());
    }

    private TicketViews.Detail detail(long id) {
        return queries.detail(users.viewer("dispatch"), id);
    }

    private long department(String code) {
        return people.departments().stream().filter(d -> d.code().equals(code)).map(Structure.Department::id).findFirst().orElseThrow();
    }
}
