package org.shouwang.tickets.web;

import java.util.List;

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

/**
 * The less common moves through the page: asking the student, extensions the head decides, transfers,
 * student affairs deciding a request returned twice, links, internal notes and withdrawal.
 */
@IntegrationTest
class RequestEscalationPageTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired People people;
    @Autowired Responsibilities responsibilities;

    @Test
    void theHandlerAsksTheStudentWhoSuppliesTheAnswerOnThePage() throws Exception {
        long id = repair();
        tickets.accept(users.viewer("handler"), id, null);
        send(multipart("/requests/" + id + "/ask").param("version", version(id)).param("text", "请拍一张漏水位置的照片"), "handler", id);
        assertThat(detail(id).state()).isEqualTo(TicketState.WAITING_ON_STUDENT);
        mvc.perform(get("/requests/" + id).with(users.as("student")))
                .andExpect(content().string(containsString("补充所需信息")))
                .andExpect(content().string(containsString("请拍一张漏水位置的照片")));
        send(multipart("/requests/" + id + "/reply").file(RequestSubmitPageTests.photo()).param("version", version(id))
                .param("text", "照片在这里，是洗手池下面"), "student", id);
        TicketViews.Detail supplied = detail(id);
        assertThat(supplied.state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(supplied.history().get(supplied.history().size() - 1).photoIds()).hasSize(1);
    }

    @Test
    void theHeadApprovesAnExtensionTheHandlerAskedFor() throws Exception {
        long id = repair();
        tickets.accept(users.viewer("handler"), id, null);
        send(post("/requests/" + id + "/extension").param("hours", "24").param("reason", "需要订购配件"), "handler", id);
        mvc.perform(get("/requests/" + id).with(users.as("depthead")))
                .andExpect(content().string(containsString("id=\"pending-extension\"")))
                .andExpect(content().string(containsString("需要订购配件")))
                .andExpect(content().string(containsString("value=\"approve\"")));
        mvc.perform(get("/requests/" + id).with(users.as("student")))
                .andExpect(content().string(not(containsString("需要订购配件"))));
        var before = detail(id).resolveBy();
        send(post("/requests/" + id + "/extension/decision").param("decision", "approve").param("note", "同意"), "depthead", id);
        assertThat(detail(id).resolveBy()).isAfter(before);
        assertThat(detail(id).pendingExtension()).isNull();
    }

    @Test
    void studentAffairsDecidesWhereARequestReturnedTwiceGoes() throws Exception {
        long id = repair();
        long logistics = department("HQ");
        String clause = responsibilities.publishedClauses().get(0).clause();
        tickets.returnToDispatch(users.viewer("handler"), id, clause, "不是我们的", null);
        tickets.dispatch(users.viewer("dispatch"), id, logistics, null);
        tickets.returnToDispatch(users.viewer("handler"), id, clause, "真的不是我们的", null);
        assertThat(detail(id).awaitingDecision()).isTrue();

        mvc.perform(get("/requests/desk").param("q", detail(id).number()).with(users.as("dispatch")))
                .andExpect(content().string(not(containsString("data-request=\"" + id + "\""))));
        mvc.perform(get("/requests/desk").param("q", detail(id).number()).with(users.as("affairs")))
                .andExpect(content().string(containsString("id=\"decisions\"")))
                .andExpect(content().string(containsString("data-request=\"" + id + "\"")));
        MvcResult refused = mvc.perform(post("/requests/" + id + "/decide").param("departmentId", String.valueOf(logistics))
                        .param("back", "desk").with(users.as("affairs")).with(csrf()))
                .andExpect(redirectedUrl("/requests/desk")).andReturn();
        assertThat(refused.getFlashMap().get("error")).asString().contains("理由：请填写内容。");

        mvc.perform(post("/requests/" + id + "/decide").param("departmentId", String.valueOf(logistics))
                        .param("reason", "宿舍水管属于后勤保障处").param("back", "desk").with(users.as("affairs")).with(csrf()))
                .andExpect(redirectedUrl("/requests/desk"));
        TicketViews.Detail decided = detail(id);
        assertThat(decided.state()).isEqualTo(TicketState.DISPATCHED);
        assertThat(decided.dispatchForced()).isTrue();
        mvc.perform(get("/requests/" + id).with(users.as("handler")))
                .andExpect(content().string(not(containsString("id=\"action-RETURN\""))));
    }

    @Test
    void theDeskTransfersAndLinksAndNotesStayInternal() throws Exception {
        long id = repair();
        long other = repair();
        send(post("/requests/" + id + "/transfer").param("version", version(id)).param("departmentId", String.valueOf(department("SQ")))
                .param("reason", "属于宿舍生活"), "dispatch", id);
        assertThat(detail(id).departmentId()).isEqualTo(department("SQ"));
        send(post("/requests/" + id + "/link").param("number", detail(other).number()), "dispatch", id);
        send(post("/requests/" + id + "/note").param("text", "学生情绪有点激动，注意沟通"), "dispatch", id);
        mvc.perform(get("/requests/" + id).with(users.as("dispatch")))
                .andExpect(content().string(containsString("id=\"linked\"")))
                .andExpect(content().string(containsString("学生情绪有点激动")));
        mvc.perform(get("/requests/" + id).with(users.as("student")))
                .andExpect(content().string(containsString("id=\"linked\"")))
                .andExpect(content().string(not(containsString("学生情绪有点激动"))))
                .andExpect(content().string(not(containsString("id=\"action-NOTE\""))));
    }

    @Test
    void aStudentWithdrawsTheirRequest() throws Exception {
        long id = repair();
        mvc.perform(get("/requests/" + id).with(users.as("student")))
                .andExpect(content().string(containsString("id=\"action-WITHDRAW\"")));
        send(post("/requests/" + id + "/withdraw").param("reason", "已经自己修好了"), "student", id);
        assertThat(detail(id).state()).isEqualTo(TicketState.WITHDRAWN);
        mvc.perform(get("/requests/" + id).with(users.as("student")))
                .andExpect(content().string(not(containsString("id=\"actions\""))));
    }

    private long repair() {
        return tickets.submit(users.viewer("student"), new Tickets.Submission(Category.REPAIRS, Category.Subcategory.WATER, false,
                "洗手池下面在漏水", null, null), List.of()).id();
    }

    private void send(AbstractMockHttpServletRequestBuilder<?> request, String username, long id) throws Exception {
        MvcResult result = mvc.perform(request.with(users.as(username)).with(csrf()))
                .andExpect(redirectedUrl("/requests/" + id)).andReturn();
        assertThat(result.getFlashMap().get("error")).as("refusal").isNull();
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
