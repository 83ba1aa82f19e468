package org.shouwang.tickets;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class RequestLifecycleTests {

    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired DemoUsers users;

    @Test
    void aWaterLeakDispatchesToLogisticsAndClosesAfterASatisfiedFollowUp() {
        Viewer student = users.viewer("student");
        Viewer handler = users.viewer("handler");
        TicketViews.Submitted submitted = tickets.submit(student, new Tickets.Submission(Category.REPAIRS,
                Category.Subcategory.WATER, true, "卫生间水管漏水，地上全是水", null, null), List.of());
        assertThat(submitted.state()).isEqualTo(TicketState.DISPATCHED);
        assertThat(submitted.department()).isEqualTo("后勤保障处");
        assertThat(submitted.number()).matches("\\d{8}-\\d{6}");

        assertThatThrownBy(() -> tickets.resolve(handler, submitted.id(), "修好了", List.of(), null))
                .isInstanceOf(RuleViolation.class).hasMessage("ticket.illegalMove");
        tickets.accept(handler, submitted.id(), null);
        tickets.reply(handler, submitted.id(), "师傅十分钟后到", List.of(), null);
        tickets.resolve(handler, submitted.id(), "已更换水管接头", List.of(), null);
        tickets.followUp(student, submitted.id(), new Tickets.FollowUp(true, true, Satisfaction.SATISFIED));

        TicketViews.Detail detail = queries.detail(student, submitted.id());
        assertThat(detail.state()).isEqualTo(TicketState.CLOSED);
        assertThat(detail.firstResponseAt()).isNotNull();
        assertThat(detail.history()).extracting(TicketViews.Event::kind)
                .containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "REPLIED", "RESOLVED", "FOLLOWED_UP");
    }
}
