package org.shouwang.activities.frontline;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.FrontLine;
import org.shouwang.activities.FrontLineViews;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.Satisfaction;
import org.shouwang.tickets.TicketClosed;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issues students raise at a leader's front-line activity become requests the leader owns, linked to
 * the activity; when the last of them ends, every attendee is told once what was done.
 */
@IntegrationTest
class FrontLineIssueTests {

    @Autowired FrontLine frontLine;
    @Autowired Tickets tickets;
    @Autowired TicketQueries ticketQueries;
    @Autowired FrontLineFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    @Test
    void registeringAnIssueMakesTheLeaderTheRequestsOwnerAndLinksIt() throws Exception {
        Viewer leader = fixtures.leader();
        List<Viewer> students = fixtures.students(60, 3);
        long id = fixtures.held(leader, "书记下午茶", 2, students, 0);

        TicketViews.Submitted submitted = frontLine.raise(leader, id, issue(students.get(0), "宿舍热水器坏了一周"));
        assertThat(submitted.state()).isEqualTo(TicketState.DISPATCHED);
        TicketViews.Detail detail = ticketQueries.detail(leader, submitted.id());
        assertThat(detail.owner()).isEqualTo(leader.displayName());
        assertThat(detail.channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(detail.studentId()).isEqualTo(students.get(0).studentId());
        assertThat(ticketQueries.list(leader, TicketViews.Filter.of(TicketViews.Queue.OWNED), 0, 10).items())
                .extracting(TicketViews.Row::id).containsExactly(submitted.id());
        assertThat(linked(id)).containsExactly(submitted.id());

        // The organiser who writes down what the leader heard registers it for the leader: the leader still owns it.
        TicketViews.Submitted byOrganiser = frontLine.raise(users.viewer("party"), id,
                new FrontLineViews.IssueDraft(fixtures.numberOf(students.get(1)), Category.ACADEMICS, null, "希望图书馆延长开放时间", null));
        assertThat(ownerOf(byOrganiser.id())).isEqualTo(leader.accountId());

        FrontLineViews.Issues issues = frontLine.issues(leader, id);
        assertThat(issues.issues()).extracting(FrontLineViews.Issue::ticketId).containsExactly(submitted.id(), byOrganiser.id());
        assertThat(issues.issues().get(0).studentNumber()).isEqualTo(fixtures.numberOf(students.get(0)));
        assertThat(issues.mayRaise()).isTrue();

        // Only a student who held a seat or checked in; nothing is written otherwise.
        long before = jdbc.queryForObject("SELECT count(*) FROM ticket", Long.class);
        Viewer stranger = fixtures.students(200, 1).get(0);
        assertThatThrownBy(() -> frontLine.raise(leader, id, issue(stranger, "路过")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("studentNumber"));
        assertThatThrownBy(() -> frontLine.raise(leader, id, new FrontLineViews.IssueDraft(fixtures.numberOf(students.get(2)),
                null, null, "没有类别", null))).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems().get(0).field()).isEqualTo("category"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ticket", Long.class)).isEqualTo(before);
        assertThat(linked(id)).hasSize(2);

        // Not before the activity has begun.
        Instant later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        long upcoming = fixtures.published(fixtures.meeting(ActivityType.POLICY_TALK, leader, "政策宣讲", later));
        assertThatThrownBy(() -> frontLine.raise(leader, upcoming, issue(students.get(0), "提前登记")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("frontline.notStarted"));

        // The page and the API do the same.
        mvc.perform(post("/activities/{id}/issues", id).param("studentNumber", fixtures.numberOf(students.get(2)))
                        .param("category", "DORM_LIFE").param("text", "楼道灯晚上太暗").with(users.as(leader.username())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/activities/" + id + "/issues"));
        mvc.perform(post("/api/v1/activities/{id}/issues", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentNumber\": \"" + fixtures.numberOf(students.get(2)) + "\", \"category\": \"REPAIRS\","
                                + " \"subcategory\": \"NETWORK\", \"text\": \"宿舍网络经常断\"}")
                        .with(users.as(leader.username())).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/v1/requests/\\d+")))
                .andExpect(jsonPath("$.number").exists());
        mvc.perform(post("/api/v1/activities/{id}/issues", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentNumber\": \"" + fixtures.numberOf(students.get(2)) + "\", \"category\": \"NOPE\", \"text\": \"x\"}")
                        .with(users.as(leader.username())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        assertThat(linked(id)).hasSize(4);
        mvc.perform(get("/activities/{id}/issues", id).with(users.as(leader.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-request=\"" + submitted.id() + "\"")))
                .andExpect(content().string(containsString("id=\"issue-form\"")));
        mvc.perform(get("/api/v1/activities/{id}/issues", id).with(users.as("party")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issues.length()").value(4))
                .andExpect(jsonPath("$.digest").doesNotExist());
    }

    @Test
    void someoneWhoDoesNotOrganiseTheActivityCannotRegisterIssues() throws Exception {
        Viewer leader = fixtures.leader();
        List<Viewer> students = fixtures.students(70, 2);
        long id = fixtures.held(leader, "院长晚餐会", 2, students, 0);
        String number = fixtures.numberOf(students.get(0));

        for (String username : List.of("handler", "counsellor", "leader", students.get(1).username())) {
            mvc.perform(get("/activities/{id}/issues", id).with(users.as(username))).andExpect(status().isNotFound());
            mvc.perform(post("/activities/{id}/issues", id).param("studentNumber", number).param("category", "ACADEMICS")
                    .param("text", "想转专业").with(users.as(username)).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/activities/{id}/issues", id).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"studentNumber\": \"" + number + "\", \"category\": \"ACADEMICS\", \"text\": \"想转专业\"}")
                    .with(users.as(username)).with(csrf())).andExpect(status().isNotFound());
        }
        assertThatThrownBy(() -> frontLine.raise(users.viewer("handler"), id, issue(students.get(0), "想转专业")))
                .isInstanceOf(NotFoundException.class);
        assertThat(linked(id)).isEmpty();
    }

    @Test
    void whenTheLastLinkedRequestClosesEveryAttendeeGetsExactlyOneDigest() throws Exception {
        Viewer leader = fixtures.leader();
        List<Viewer> students = fixtures.students(80, 4);
        // Two checked in; the other two held a seat and did not come.
        long id = fixtures.held(leader, "校长晚餐会", 2, students, 2);
        long first = frontLine.raise(leader, id, issue(students.get(0), "浴室热水忽冷忽热")).id();
        long second = frontLine.raise(leader, id, issue(students.get(1), "宿舍门锁不好用")).id();

        closeAfterSatisfiedFollowUp(first, students.get(0), "已更换浴室恒温阀");
        await().atMost(Duration.ofSeconds(30)).until(() -> closedLinks(id) == 1);
        assertThat(digests(id)).isZero();
        assertThat(notices("frontline-digest-" + id)).isZero();

        closeAfterSatisfiedFollowUp(second, students.get(1), "已更换门锁锁芯");
        await().atMost(Duration.ofSeconds(30)).until(() -> notices("frontline-digest-" + id) == 2);
        for (Viewer present : students.subList(0, 2)) {
            assertThat(noticesTo(present, "frontline-digest-" + id)).isEqualTo(1);
        }
        for (Viewer absent : students.subList(2, 4)) {
            assertThat(noticesTo(absent, "frontline-digest-" + id)).isZero();
        }
        String args = jdbc.queryForObject("SELECT args FROM notification WHERE notice_key = ? AND account_id = ?", String.class,
                "frontline-digest-" + id, students.get(0).accountId());
        assertThat(args).contains("校长晚餐会", "报修：已更换浴室恒温阀", "报修：已更换门锁锁芯", "Repairs: ");
        await().atMost(Duration.ofSeconds(30)).until(() -> noticesTo(leader, "frontline-closed-" + id) == 1);
        mvc.perform(get("/notifications").with(users.as(students.get(0).username())))
                .andExpect(content().string(containsString("已全部办结")));

        // Told once: an ending delivered again sends nothing more, and the loop takes no new issue.
        transaction.executeWithoutResult(tx -> events.publishEvent(new TicketClosed(second, TicketState.CLOSED, null, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM event_publication WHERE event_type = ? AND completion_date IS NULL""",
                Long.class, TicketClosed.class.getName()) == 0);
        assertThat(notices("frontline-digest-" + id)).isEqualTo(2);
        assertThat(digests(id)).isEqualTo(1);
        assertThatThrownBy(() -> frontLine.raise(leader, id, issue(students.get(2), "再提一个")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("frontline.digestSent"));
        FrontLineViews.Issues issues = frontLine.issues(leader, id);
        assertThat(issues.digest().recipients()).isEqualTo(2);
        assertThat(issues.digest().requests()).isEqualTo(2);
        assertThat(issues.ended()).isEqualTo(2);
    }

    @Test
    void withNobodyCheckedInEveryoneHoldingASeatIsToldAndAWithdrawnRequestCountsAsEnded() {
        Viewer leader = fixtures.leader();
        List<Viewer> students = fixtures.students(90, 3);
        long id = fixtures.held(leader, "书记主题党日", 2, students, 0);
        long repaired = frontLine.raise(leader, id, issue(students.get(0), "自习室空调不制冷")).id();
        long withdrawn = frontLine.raise(users.viewer("party"), id,
                new FrontLineViews.IssueDraft(fixtures.numberOf(students.get(1)), Category.PSYCHOLOGY, null, "最近压力很大", null)).id();

        tickets.withdraw(students.get(1), withdrawn, "已经好多了", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> closedLinks(id) == 1);
        assertThat(digests(id)).isZero();
        closeAfterSatisfiedFollowUp(repaired, students.get(0), "已维修空调");

        await().atMost(Duration.ofSeconds(30)).until(() -> notices("frontline-digest-" + id) == 3);
        for (Viewer s : students) {
            assertThat(noticesTo(s, "frontline-digest-" + id)).isEqualTo(1);
        }
        String args = jdbc.queryForObject("SELECT args FROM notification WHERE notice_key = ? AND account_id = ?", String.class,
                "frontline-digest-" + id, students.get(2).accountId());
        // A psychology matter is only counted: nobody learns what a fellow student raised in confidence.
        assertThat(args).contains("报修：已维修空调", "另有 1 件涉及个人隐私").doesNotContain("心理", "压力");
    }

    // — helpers —

    private FrontLineViews.IssueDraft issue(Viewer student, String text) {
        return new FrontLineViews.IssueDraft(fixtures.numberOf(student), Category.REPAIRS, Category.Subcategory.WATER, text, null);
    }

    /** The handling department accepts, replies and resolves; the student is satisfied, which closes it. */
    private void closeAfterSatisfiedFollowUp(long ticket, Viewer student, String feedback) {
        Viewer handler = users.viewer("handler");
        tickets.accept(handler, ticket, null);
        tickets.reply(handler, ticket, "师傅今天下午上门查看", List.of(), null);
        tickets.resolve(handler, ticket, feedback, List.of(), null);
        tickets.followUp(student, ticket, new Tickets.FollowUp(true, true, Satisfaction.SATISFIED), null);
    }

    private List<Long> linked(long activity) {
        return jdbc.queryForList("SELECT ticket_id FROM activity_request WHERE activity_id = ? ORDER BY ticket_id", Long.class, activity);
    }

    private long ownerOf(long ticket) {
        return jdbc.queryForObject("SELECT owner_account_id FROM ticket WHERE id = ?", Long.class, ticket);
    }

    private long closedLinks(long activity) {
        return jdbc.queryForObject("SELECT count(*) FROM activity_request WHERE activity_id = ? AND closed", Long.class, activity);
    }

    private long digests(long activity) {
        return jdbc.queryForObject("SELECT count(*) FROM front_line_digest WHERE activity_id = ?", Long.class, activity);
    }

    private long notices(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM notification WHERE notice_key = ?", Long.class, key);
    }

    private long noticesTo(Viewer viewer, String key) {
        return jdbc.queryForObject("SELECT count(*) FROM notification WHERE notice_key = ? AND account_id = ?", Long.class,
                key, viewer.accountId());
    }
}
