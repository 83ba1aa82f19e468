package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.FrontLine;
import org.shouwang.activities.FrontLineViews;
import org.shouwang.activities.frontline.FrontLineFixtures;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportFrontLineTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired FrontLine frontLine;
    @Autowired FrontLineFixtures fixtures;

    @Test
    void theYearsFrontLineHoldsEveryLeaderForStudentAffairsAndALeadersOwnForThem() throws Exception {
        Viewer leader = fixtures.leader();
        long held = fixtures.held(leader, "导出一线晚餐会", 2, fixtures.students(150, 2), 1);
        int year = FrontLineFixtures.yearOf(fixtures.startsAt(held));

        FrontLineViews.Summary all = frontLine.summary(users.viewer("affairs"), year);
        List<List<Row>> sheets = Workbooks.sheets(mvc, users.as("affairs"), "/exports/front-line.xlsx?year=" + year);
        assertThat(sheets).hasSize(2);
        List<Row> leaders = sheets.get(0).subList(1, sheets.get(0).size());
        assertThat(leaders).extracting(r -> text(r, 0)).containsExactlyElementsOf(
                all.leaders().stream().map(FrontLineViews.LeaderSummary::leader).toList());
        for (int i = 0; i < leaders.size(); i++) {
            assertThat(number(leaders.get(i), 3)).isEqualTo(all.leaders().get(i).held());
            assertThat(number(leaders.get(i), 8)).isEqualTo(all.leaders().get(i).issuesRaised());
        }
        assertThat(sheets.get(1).subList(1, sheets.get(1).size())).hasSize(all.leaders().stream().mapToInt(l -> l.byType().size()).sum());

        // The leader: their own line and, as on their page, their activities.
        List<List<Row>> own = Workbooks.sheets(mvc, users.as(leader.username()), "/api/v1/exports/front-line.xlsx?year=" + year);
        assertThat(own).hasSize(3);
        assertThat(own.get(0).subList(1, own.get(0).size())).extracting(r -> text(r, 0)).containsExactly(leader.displayName());
        FrontLineViews.LeaderRecord record = frontLine.record(leader, leader.accountId(), year);
        assertThat(own.get(2).subList(2, own.get(2).size())).extracting(r -> text(r, 0)).containsExactlyElementsOf(
                record.activities().stream().map(FrontLineViews.ActivityRow::title).toList()).contains("导出一线晚餐会");

        // One leader's record, for student affairs and the leader; a bad year is a field error.
        List<Row> rows = Workbooks.rows(mvc, users.as("admin"), "/exports/front-line/leaders/" + leader.accountId() + ".xlsx?year=" + year);
        assertThat(rows.subList(2, rows.size())).hasSameSizeAs(record.activities());
        assertThat(number(rows.get(2), 8)).isEqualTo(record.activities().get(0).attended());
        Workbooks.rows(mvc, users.as(leader.username()), "/api/v1/exports/front-line/leaders/" + leader.accountId() + ".xlsx");
        mvc.perform(get("/exports/front-line.xlsx?year=abc").with(users.as("affairs"))).andExpect(status().isBadRequest());
        mvc.perform(get("/exports/front-line.xlsx?year=1999").with(users.as("affairs"))).andExpect(status().isBadRequest());
    }

    @Test
    void othersAreRefusedTheFrontLineAndALeaderAnotherLeadersRecord() throws Exception {
        Viewer leader = fixtures.leader();
        for (String username : List.of("counsellor", "student", "handler", "manager")) {
            mvc.perform(get("/exports/front-line.xlsx").with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/exports/front-line/leaders/" + leader.accountId() + ".xlsx").with(users.as(username)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/exports/front-line/leaders/" + leader.accountId() + ".xlsx").with(users.as("leader")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/exports/front-line/leaders/" + users.viewer("leader").accountId() + ".xlsx").with(users.as(leader.username())))
                .andExpect(status().isNotFound());
    }

    @Test
    void anActivitysIssuesHoldRequestNumbersAndStatesWithoutContentTheViewerMayNotReadOrIdentifiers() throws Exception {
        Viewer leader = fixtures.leader();
        List<Viewer> students = fixtures.students(160, 2);
        long id = fixtures.held(leader, "导出问题下午茶", 1, students, 2);
        frontLine.raise(leader, id, new FrontLineViews.IssueDraft(fixtures.numberOf(students.get(0)), Category.REPAIRS,
                Category.Subcategory.WATER, "导出问题 热水坏了 联系13812345678", null));
        frontLine.raise(leader, id, new FrontLineViews.IssueDraft(fixtures.numberOf(students.get(1)), Category.ACADEMICS,
                null, "导出问题 图书馆延长开放", null));

        for (String username : List.of(leader.username(), "party")) {
            Viewer viewer = username.equals("party") ? users.viewer("party") : leader;
            FrontLineViews.Issues issues = frontLine.issues(viewer, id);
            List<Row> rows = Workbooks.rows(mvc, users.as(username), "/exports/activities/" + id + "/issues.xlsx");
            List<Row> body = rows.subList(2, rows.size());
            assertThat(body).extracting(r -> text(r, 0)).containsExactlyElementsOf(
                    issues.issues().stream().map(FrontLineViews.Issue::number).toList());
            for (int i = 0; i < body.size(); i++) {
                FrontLineViews.Issue issue = issues.issues().get(i);
                assertThat(text(body.get(i), 6)).isEqualTo(issue.readable() ? issue.studentNumber() : "");
                assertThat(text(body.get(i), 7)).isEqualTo(issue.readable() ? ExportRequests.mask(issue.summary()) : "");
            }
            assertThat(rows).allSatisfy(r -> {
                for (int c = 0; c < r.getCellCount(); c++) {
                    assertThat(text(r, c)).doesNotContain("13812345678");
                }
            });
        }
        for (String username : List.of("counsellor", "student", "handler")) {
            mvc.perform(get("/api/v1/exports/activities/" + id + "/issues.xlsx").with(users.as(username)))
                    .andExpect(status().isNotFound());
        }
        assertThat(frontLine.issues(leader, id).issues()).anyMatch(FrontLineViews.Issue::readable);
    }

    @Test
    void theFrontLinePagesLinkTheirExports() throws Exception {
        Viewer leader = fixtures.leader();
        List<Viewer> students = fixtures.students(170, 1);
        long id = fixtures.held(leader, "导出链接晚餐会", 1, students, 1);
        int year = FrontLineFixtures.yearOf(fixtures.startsAt(id));
        frontLine.raise(leader, id, new FrontLineViews.IssueDraft(fixtures.numberOf(students.get(0)), Category.ACADEMICS, null,
                "导出链接", null));
        assertThat(Workbooks.linked(mvc, users.as("affairs"), "/front-line?year=" + year, "export-front-line",
                "/exports/front-line.xlsx")).contains("year=" + year);
        Workbooks.linked(mvc, users.as(leader.username()), "/front-line", "export-front-line", "/exports/front-line.xlsx");
        assertThat(Workbooks.linked(mvc, users.as("admin"), "/front-line/leaders/" + leader.accountId() + "?year=" + year,
                "export-front-line-leader", "/exports/front-line/leaders/" + leader.accountId() + ".xlsx")).contains("year=" + year);
        Workbooks.linked(mvc, users.as(leader.username()), "/activities/" + id + "/issues", "export-issues",
                "/exports/activities/" + id + "/issues.xlsx");
    }
}
