package org.shouwang.tickets;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class RequestLifecycleTests {

    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aWaterLeakDispatchesToLogisticsAndClosesAfterASatisfiedFollowUp() {
        Viewer student = users.viewer("student");
        Viewer handler = users.viewer("handler");
        TicketViews.Submitted submitted = tickets.submit(student, new Tickets.Submission(Category.REPAIRS,
                Category.Subcategory.WATER, true, "卫生间水管漏水，地上全是水", null, null), List.of());
        assertThat(submitted.state()).isEqualTo(TicketState.DISPATCHED);
        assertThat(submitted.department()).isEqualTo("后勤保障处");
        assertThat(submitted.number()).matches("\\d{8}-\\d{6}");
        // the student submitted it, the responsibility list dispatched it; both the handler and the student are told
        // of the dispatch (naming the department), once, and nobody of the submission
        assertThat(jdbc.queryForList("SELECT kind, actor_account_id, actor_name FROM ticket_event WHERE ticket_id = ? ORDER BY id",
                submitted.id())).extracting(row -> row.get("kind"), row -> row.get("actor_account_id"), row -> row.get("actor_name"))
                .containsExactly(tuple("SUBMITTED", student.accountId(), student.displayName()), tuple("DISPATCHED", null, "系统"));
        for (Viewer told : List.of(handler, student)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                    "SELECT message_code, args FROM notification WHERE account_id = ? AND link = ?",
                    told.accountId(), "/requests/" + submitted.id()).size() == 1);
            assertThat(jdbc.queryForMap("SELECT message_code, args FROM notification WHERE account_id = ? AND link = ?",
                    told.accountId(), "/requests/" + submitted.id()))
                    .containsEntry("message_code", "notice.ticket.DISPATCHED")
                    .hasEntrySatisfying("args", args -> assertThat((String) args).contains("后勤保障处"));
        }

        assertThatThrownBy(() -> tickets.resolve(handler, submitted.id(), "修好了", List.of(), null))
                .isInstanceOf(RuleViolation.class).hasMessage("ticket.illegalMove");
        tickets.accept(handler, submitted.id(), null);
        tickets.reply(handler, submitted.id(), "师傅十分钟后到", List.of(), null);
        tickets.resolve(handler, submitted.id(), "已更换水管接头", List.of(), null);
        tickets.followUp(student, submitted.id(), new Tickets.FollowUp(true, true, Satisfaction.SATISFIED), null);

        TicketViews.Detail detail = queries.detail(student, submitted.id());
        assertThat(detail.state()).isEqualTo(TicketState.CLOSED);
        assertThat(detail.firstResponseAt()).isNotNull();
        assertThat(detail.history()).extracting(TicketViews.Event::kind)
                .containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "REPLIED", "RESOLVED", "FOLLOWED_UP");
    }

    @Test
    void wordsOfCrisisRouteAtOnceToThePsychologyCentreAndShowTheHotline() {
        Viewer student = users.viewer("student");
        TicketViews.Submitted submitted = tickets.submit(student, new Tickets.Submission(Category.ACADEMICS, null, false,
                "挂科太多了，我真的不想活了", null, null), List.of());
        assertThat(submitted.crisis()).isTrue();
        assertThat(submitted.hotline()).contains("400-161-9995");
        assertThat(submitted.department()).isEqualTo("心理健康教育中心");

        TicketViews.Detail seen = queries.detail(users.viewer("psych"), submitted.id());
        assertThat(seen.category()).isEqualTo(Category.PSYCHOLOGY);
        assertThat(seen.urgent()).isTrue();
        assertThat(seen.confidential()).isTrue();
        assertThat(queries.sees(users.viewer("counsellor"), submitted.id())).isFalse();
        assertThat(queries.sees(users.viewer("dispatch"), submitted.id())).isFalse();
        long psych = users.viewer("psych").accountId();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE account_id = ? AND message_code = 'notice.ticket.CRISIS' AND link = ?",
                Long.class, psych, "/requests/" + submitted.id()) == 1);
    }

    @Test
    void theStudentAndTheOwnerAreToldOfEachStepOnce() {
        Viewer manager = users.viewer("manager");
        String number = jdbc.queryForObject("SELECT s.student_number FROM student s JOIN account a ON a.student_id = s.id WHERE a.username = 'student'", String.class);
        TicketViews.Submitted registered = tickets.register(manager, new Tickets.Registration(number, Channel.IN_PERSON,
                new Tickets.Submission(Category.REPAIRS, Category.Subcategory.DOOR_LOCK, false, "宿舍门锁坏了，学生当面反映", null, null),
                false, null), List.of());
        Viewer handler = users.viewer("handler");
        tickets.accept(handler, registered.id(), null);
        tickets.note(handler, registered.id(), "需要更换锁芯", null);

        assertThat(queries.list(manager, TicketViews.Filter.of(TicketViews.Queue.OWNED), 0, 100).items())
                .extracting(TicketViews.Row::id).contains(registered.id());
        long owner = manager.accountId();
        long student = users.viewer("student").accountId();
        await().atMost(Duration.ofSeconds(10)).until(() -> told(owner, registered.id()) == 3 && told(users.viewer("student").accountId(), registered.id()) == 3);
        assertThat(told(student, registered.id())).isEqualTo(3);
        assertThat(queries.detail(users.viewer("student"), registered.id()).history()).extracting(TicketViews.Event::kind)
                .containsExactly("REGISTERED", "DISPATCHED", "ACCEPTED");
    }

    private long told(long account, long ticket) {
        return jdbc.queryForObject("SELECT count(*) FROM notification WHERE account_id = ? AND link = ?", Long.class,
                account, "/requests/" + ticket);
    }
}
