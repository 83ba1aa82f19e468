package org.shouwang.insights;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.people.People;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportRequestsTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Tickets tickets;
    @Autowired ExportRequests exports;
    @Autowired People people;
    @Autowired JdbcClient jdbc;

    private String submit(String username, Category category, String text) {
        return tickets.submit(users.viewer(username), new Tickets.Submission(category, null, false, text, null, null), List.of()).number();
    }

    private List<Row> rows(String path, String username) throws Exception {
        byte[] xlsx = mvc.perform(get(path).with(users.as(username)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andExpect(header().string("Content-Disposition", containsString("requests.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> all = workbook.getFirstSheet().read();
            return all.subList(1, all.size());
        }
    }

    /** A student of the campus whom the counsellor does not look after. */
    private String studentNotOf(Viewer counsellor) {
        List<Map<String, Object>> candidates = jdbc.sql("""
                SELECT a.username, a.student_id FROM account a WHERE a.student_id IS NOT NULL ORDER BY a.id""").query().listOfRows();
        return candidates.stream().filter(c -> !people.sees(counsellor, ((Number) c.get("student_id")).longValue()))
                .map(c -> (String) c.get("username")).findFirst().orElseThrow();
    }

    @Test
    void theCounsellorsExportHoldsExactlyTheRowsTheyReadThroughTheServiceWithIdentifiersMasked() throws Exception {
        Viewer counsellor = users.viewer("counsellor");
        String mine = submit("student", Category.ACADEMICS, "请回电13812345678，证件320402200301011234，选课系统无法登录");
        String notMine = submit(studentNotOf(counsellor), Category.ACADEMICS, "别的学院的选课问题，导出测试");
        String psychology = submit("student", Category.PSYCHOLOGY, "最近压力很大睡不着，导出测试心理");

        List<Row> rows = rows("/exports/requests.xlsx", "counsellor");
        TicketViews.Filter filter = exports.filter(counsellor, null, null, null, null, false, false);
        List<TicketViews.Row> seen = exports.rows(counsellor, filter);
        assertThat(rows).hasSameSizeAs(seen);
        assertThat(rows.stream().map(r -> r.getCellText(0)).toList()).isEqualTo(seen.stream().map(TicketViews.Row::number).toList());
        Map<String, Row> byNumber = rows.stream().collect(Collectors.toMap(r -> r.getCellText(0), r -> r));
        assertThat(byNumber).containsKey(mine).doesNotContainKeys(notMine, psychology);
        String summary = byNumber.get(mine).getCellText(8);
        assertThat(summary).contains("138****5678", "320402********1234").doesNotContain("13812345678", "320402200301011234");
        assertThat(byNumber.get(mine).getCellText(4)).isEqualTo(seen.stream().filter(r -> r.number().equals(mine)).findFirst().orElseThrow().student());
        assertThat(rows).allSatisfy(r -> assertThat(r.getCellText(8)).doesNotContain("压力很大"));
    }

    @Test
    void thePsychologyCentreExportsTheirQueueWithoutAnyPsychologyText() throws Exception {
        String psychology = submit("student", Category.PSYCHOLOGY, "失眠焦虑想找老师聊聊，导出测试二");
        List<Row> rows = rows("/api/v1/exports/requests.xlsx?queue=VISIBLE&category=PSYCHOLOGY", "psych");
        Map<String, Row> byNumber = rows.stream().collect(Collectors.toMap(r -> r.getCellText(0), r -> r));
        assertThat(byNumber).containsKey(psychology);
        assertThat(rows).allSatisfy(r -> assertThat(r.getCellText(8)).doesNotContain("失眠焦虑").isEqualTo("（保密内容，不导出）"));
    }

    @Test
    void aStudentExportsOnlyTheirOwnRequestsAndIsRefusedAnotherQueue() throws Exception {
        String theirs = submit("student", Category.ACADEMICS, "我自己的请求，导出测试三");
        Viewer student = users.viewer("student");
        List<Row> rows = rows("/exports/requests.xlsx", "student");
        assertThat(rows.stream().map(r -> r.getCellText(0)).toList()).contains(theirs)
                .hasSize(exports.rows(student, exports.filter(student, null, null, null, null, false, false)).size());
        assertThat(rows).allSatisfy(r -> assertThat(r.getCellText(4)).isEqualTo(rows.get(0).getCellText(4)));
        mvc.perform(get("/exports/requests.xlsx?queue=DESK").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exports/requests.xlsx?queue=VISIBLE").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/exports/requests.xlsx?queue=DECISIONS").with(users.as("counsellor"))).andExpect(status().isNotFound());
    }

    @Test
    void noExportWithoutSigningIn() throws Exception {
        for (String path : List.of("/exports/requests.xlsx", "/api/v1/exports/requests.xlsx", "/exports/request-kpis.xlsx",
                "/exports/activities.xlsx", "/exports/inspection-rankings.xlsx", "/api/v1/exports/honours.xlsx")) {
            int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isIn(302, 401, 403);
        }
    }
}
