package org.shouwang.insights;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.notifications.Inbox;
import org.shouwang.notifications.Notice;
import org.shouwang.notifications.Notification;
import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shouwang.insights.Workbooks.text;

/** The inbox as xlsx: the viewer's own notices only, in their language, numbers masked. */
@IntegrationTest
class ExportNoticesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Inbox inbox;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    private List<Notification> all(Viewer viewer, Locale locale) {
        List<Notification> out = new ArrayList<>();
        Page<Notification> page;
        int n = 0;
        do {
            page = inbox.of(viewer, n++, 100, locale);
            out.addAll(page.items());
        } while (!page.items().isEmpty() && n < page.pages());
        return out;
    }

    @Test
    void aViewerExportsTheirOwnNoticesAndNoOneElses() throws Exception {
        Viewer student = users.viewer("student");
        String marker = UUID.randomUUID().toString();
        String key = "test.export." + marker;
        transaction.executeWithoutResult(tx -> events.publishEvent(new Notice(key, Set.of(student.accountId()), "home.welcome",
                List.of(marker + " 13812345678"), "/requests")));
        await().atMost(Duration.ofSeconds(30)).until(() -> all(student, Locale.SIMPLIFIED_CHINESE).stream()
                .anyMatch(n -> key.equals(n.key())));

        List<Notification> own = all(student, Locale.SIMPLIFIED_CHINESE);
        List<Row> rows = Workbooks.rows(mvc, users.as("student"), "/exports/notifications.xlsx");
        assertThat(rows).hasSize(own.size() + 1);
        assertThat(text(rows.get(0), 2)).isEqualTo("通知内容");
        Row mine = rows.stream().filter(r -> text(r, 2).contains(marker)).findFirst().orElseThrow();
        assertThat(text(mine, 2)).isEqualTo("欢迎，" + marker + " 138****5678");
        assertThat(text(mine, 1)).isEqualTo("未读");
        assertThat(text(mine, 3)).isEqualTo("/requests");
        assertThat(rows.subList(1, rows.size())).extracting(r -> text(r, 2))
                .containsExactlyElementsOf(own.stream().map(n -> ExportRequests.mask(n.message())).toList());

        List<Row> english = Workbooks.rows(mvc, users.as("student"), "/api/v1/exports/notifications.xlsx?lang=en");
        assertThat(english).extracting(r -> text(r, 2)).contains("Welcome, " + marker + " 138****5678");

        List<Row> other = Workbooks.rows(mvc, users.as("counsellor"), "/exports/notifications.xlsx");
        assertThat(other.size() - 1).isEqualTo(all(users.viewer("counsellor"), Locale.SIMPLIFIED_CHINESE).size());
        assertThat(other).noneMatch(r -> text(r, 2).contains(marker));

        Workbooks.linked(mvc, users.as("student"), "/notifications", "export-notices", "/exports/notifications.xlsx");
    }
}
