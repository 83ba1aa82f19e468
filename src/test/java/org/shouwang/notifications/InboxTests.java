package org.shouwang.notifications;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.identity.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.shouwang.notifications.Inboxes.key;
import static org.shouwang.notifications.Inboxes.notice;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Notices land in the inbox of each account they name, once, and only their owner reads them. */
@IntegrationTest
class InboxTests {

    private static final Cookie ENGLISH = new Cookie("shouwang-lang", "en");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Inboxes inboxes;
    @Autowired Inbox inbox;
    @Autowired JdbcClient jdbc;

    @Test
    void aNoticePublishedTwiceUnderOneKeyLandsOnceInEachInbox() {
        Account li = inboxes.reader("twice-li");
        Account wang = inboxes.reader("twice-wang");
        String key = key("twice");
        // two equal notices, as a module that tells of the same step twice publishes them (the
        // registry tracks publications in progress by event instance, so the same instance is not reused)
        inboxes.publish(notice(key, "home.welcome", List.of("Li Lei"), li, wang));
        inboxes.publish(notice(key, "home.welcome", List.of("Li Lei"), wang, li));
        inboxes.awaitDelivered(key);

        assertThat(jdbc.sql("SELECT account_id FROM notification WHERE notice_key = ? ORDER BY account_id")
                .param(key).query(Long.class).list()).containsExactly(li.id(), wang.id());
        assertThat(inbox.unread(li.id())).isOne();
        assertThat(inbox.unread(wang.id())).isOne();
    }

    @Test
    void theInboxSpeaksTheReadersLanguageAndShowsUnknownCodesAsThemselves() throws Exception {
        Account reader = inboxes.reader("language");
        String welcome = key("welcome");
        String unknown = key("unknown");
        inboxes.publish(notice(welcome, "home.welcome", List.of("Li Lei"), reader));
        inboxes.awaitDelivered(welcome);
        inboxes.publish(notice(unknown, "notice.no.such.code", List.of(), reader));
        inboxes.awaitDelivered(unknown);

        mvc.perform(get("/notifications").with(users.as(reader.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("欢迎，Li Lei")))
                .andExpect(content().string(containsString("notice.no.such.code")))
                .andExpect(content().string(containsString("data-unread=\"true\"")))
                .andExpect(content().string(containsString("href=\"/notifications/" + inboxes.idOf(welcome, reader) + "/open\"")));
        mvc.perform(get("/notifications").with(users.as(reader.username())).cookie(ENGLISH))
                .andExpect(content().string(containsString("Welcome, Li Lei")))
                .andExpect(content().string(containsString("Mark all read")));
        mvc.perform(get("/api/v1/notifications").with(users.as(reader.username())).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(2))
                .andExpect(jsonPath("$.notices.total").value(2))
                .andExpect(jsonPath("$.notices.items[1].message").value("Welcome, Li Lei"))
                .andExpect(jsonPath("$.notices.items[1].args[0]").value("Li Lei"))
                .andExpect(jsonPath("$.notices.items[1].link").value("/profile"))
                .andExpect(jsonPath("$.notices.items[1].unread").value(true));
        mvc.perform(get("/api/v1/notifications").with(users.as(reader.username())).header("Accept-Language", "zh-CN"))
                .andExpect(jsonPath("$.notices.items[1].message").value("欢迎，Li Lei"));
    }

    @Test
    void theHeaderCountsUnreadNoticesAndOpeningOneMarksItRead() throws Exception {
        Account reader = inboxes.reader("count");
        String first = key("first");
        String second = key("second");
        inboxes.publish(notice(first, "home.welcome", List.of("A"), reader));
        inboxes.publish(new Notice(second, java.util.Set.of(reader.id()), "home.welcome", List.of("B"), "https://elsewhere.example/"));
        inboxes.awaitDelivered(first);
        inboxes.awaitDelivered(second);

        mvc.perform(get("/").with(users.as(reader.username())))
                .andExpect(content().string(containsString("data-nav=\"notifications\"")))
                .andExpect(content().string(containsString("id=\"unread-count\">2</span>")));

        mvc.perform(get("/notifications/" + inboxes.idOf(first, reader) + "/open").with(users.as(reader.username())))
                .andExpect(redirectedUrl("/profile"));
        assertThat(inbox.unread(reader.id())).isOne();
        mvc.perform(get("/").with(users.as(reader.username())))
                .andExpect(content().string(containsString("id=\"unread-count\">1</span>")));
        // a link away from this site leads to the inbox instead
        mvc.perform(get("/notifications/" + inboxes.idOf(second, reader) + "/open").with(users.as(reader.username())))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(inbox.unread(reader.id())).isZero();
        mvc.perform(get("/").with(users.as(reader.username())))
                .andExpect(content().string(not(containsString("id=\"unread-count\""))));
    }

    @Test
    void nobodySeesOrOpensAnothersNotice() throws Exception {
        Account owner = inboxes.reader("owner");
        Account other = inboxes.reader("other");
        String key = key("private");
        inboxes.publish(notice(key, "home.welcome", List.of("Owner only"), owner));
        inboxes.awaitDelivered(key);
        long id = inboxes.idOf(key, owner);

        mvc.perform(get("/notifications/" + id + "/open").with(users.as(other.username())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/notifications").with(users.as(other.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Owner only"))))
                .andExpect(content().string(containsString("id=\"no-notices\"")));
        mvc.perform(post("/api/v1/notifications/" + id + "/read").with(users.as(other.username())).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/notifications").with(users.as(other.username())))
                .andExpect(jsonPath("$.unread").value(0))
                .andExpect(jsonPath("$.notices.total").value(0));
        mvc.perform(post("/api/v1/notifications/read-all").with(users.as(other.username())).with(csrf()))
                .andExpect(jsonPath("$.marked").value(0));
        assertThat(inbox.unread(owner.id())).isOne();
    }

    @Test
    void markingAllReadOnThePageAndInTheApi() throws Exception {
        Account reader = inboxes.reader("all");
        String a = key("a");
        String b = key("b");
        inboxes.publish(notice(a, "home.welcome", List.of("A"), reader));
        inboxes.publish(notice(b, "home.welcome", List.of("B"), reader));
        inboxes.awaitDelivered(a);
        inboxes.awaitDelivered(b);

        mvc.perform(post("/api/v1/notifications/" + inboxes.idOf(a, reader) + "/read").with(users.as(reader.username())).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/notifications/unread").with(users.as(reader.username())))
                .andExpect(jsonPath("$.unread").value(1));
        mvc.perform(post("/notifications/read-all").with(users.as(reader.username())).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(inbox.unread(reader.id())).isZero();
        mvc.perform(get("/notifications").with(users.as(reader.username())))
                .andExpect(content().string(not(containsString("data-unread=\"true\""))))
                .andExpect(content().string(not(containsString("id=\"read-all\""))));

        String c = key("c");
        inboxes.publish(notice(c, "home.welcome", List.of("C"), reader));
        inboxes.awaitDelivered(c);
        mvc.perform(post("/api/v1/notifications/read-all").with(users.as(reader.username())).with(csrf()))
                .andExpect(jsonPath("$.marked").value(1));
        assertThat(inbox.unread(reader.id())).isZero();
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/notifications/read-all")))
                .andExpect(content().string(containsString("/api/v1/notifications/settings")));
    }

    @Test
    void theInboxPages() throws Exception {
        Account reader = inboxes.reader("pages");
        String last = null;
        for (int i = 0; i < Inbox.PAGE_SIZE + 3; i++) {
            last = key("page" + i);
            inboxes.publish(notice(last, "home.welcome", List.of("N" + i), reader));
        }
        inboxes.awaitDelivered(last);
        org.awaitility.Awaitility.await().until(() -> inbox.unread(reader.id()) == Inbox.PAGE_SIZE + 3);

        mvc.perform(get("/api/v1/notifications").param("page", "1").with(users.as(reader.username())))
                .andExpect(jsonPath("$.notices.total").value(Inbox.PAGE_SIZE + 3))
                .andExpect(jsonPath("$.notices.items.length()").value(3));
        mvc.perform(get("/notifications").param("page", "1").with(users.as(reader.username())).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 2 of 2")));
    }
}
