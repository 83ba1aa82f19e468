package org.shouwang.notifications;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.identity.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.shouwang.notifications.Inboxes.key;
import static org.shouwang.notifications.Inboxes.notice;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notices go by email, through a real SMTP server (GreenMail on the port application-test.properties
 * names), to the accounts that gave an address, in the language each chose.
 */
@IntegrationTest
class NoticeEmailTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final Cookie ENGLISH = new Cookie("shouwang-lang", "en");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Inboxes inboxes;
    @Autowired JdbcClient jdbc;

    @Test
    void eachAccountWithAnAddressIsEmailedInItsLanguage() throws Exception {
        Account english = inboxes.reader("mail-en");
        Account chinese = inboxes.reader("mail-zh");
        Account silent = inboxes.reader("mail-none");
        Account off = inboxes.reader("mail-off");
        settings(english, "{\"email\":\"en@example.edu.cn\",\"language\":\"en\"}");
        mvc.perform(post("/notifications/settings").with(users.as(chinese.username())).with(csrf())
                        .param("email", "zh@example.edu.cn").param("language", "zh-CN").param("emailEnabled", "true"))
                .andExpect(redirectedUrl("/notifications/settings"));
        // unchecked box: an address, but no email
        mvc.perform(post("/notifications/settings").with(users.as(off.username())).with(csrf())
                        .param("email", "off@example.edu.cn").param("language", "en").param("_emailEnabled", "on"))
                .andExpect(redirectedUrl("/notifications/settings"));

        String key = key("mail");
        inboxes.publish(notice(key, "home.welcome", List.of("Li Lei"), english, chinese, silent, off));
        inboxes.awaitDelivered(key);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        MimeMessage toEnglish = to("en@example.edu.cn", mails);
        assertThat(toEnglish.getSubject()).isEqualTo("[Shouwang] Welcome, Li Lei");
        assertThat(toEnglish.getContent().toString())
                .contains("Welcome, Li Lei")
                .contains("http://localhost:8080/notifications/" + inboxes.idOf(key, english) + "/open");
        assertThat(to("zh@example.edu.cn", mails).getSubject()).isEqualTo("【守望】欢迎，Li Lei");
        assertThat(emailed(key)).containsExactlyInAnyOrder(english.id(), chinese.id());

        // delivered again: nobody is emailed twice
        inboxes.publish(notice(key, "home.welcome", List.of("Li Lei"), english, chinese, silent, off));
        inboxes.awaitDelivered(key);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void anEmailThatFailsIsSentLaterAndTheInboxDoesNotWait() throws Exception {
        Account reader = inboxes.reader("mail-retry");
        settings(reader, "{\"email\":\"retry@example.edu.cn\",\"language\":\"zh-CN\"}");
        smtp.stop();

        String key = key("retry");
        inboxes.publish(notice(key, "home.welcome", List.of("Later"), reader));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM notification WHERE notice_key = ?")
                .param(key).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND status = 'FAILED'""")
                .param("%" + key + "%").query(Long.class).single() == 1);
        assertThat(emailed(key)).isEmpty();

        smtp.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("【守望】欢迎，Later");
        inboxes.awaitDelivered(key);
        assertThat(emailed(key)).containsExactly(reader.id());
    }

    @Test
    void anInvalidAddressIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        Account reader = inboxes.reader("mail-invalid");
        settings(reader, "{\"email\":\"kept@example.edu.cn\",\"language\":\"en\",\"emailEnabled\":true}");

        mvc.perform(put("/api/v1/notifications/settings").with(users.as(reader.username())).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-address\",\"language\":\"en\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter a valid email address, such as name@example.edu.cn."));
        mvc.perform(put("/api/v1/notifications/settings").with(users.as(reader.username())).with(csrf())
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@b.cn\",\"language\":\"fr\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"))
                .andExpect(jsonPath("$.errors[0].message").value("请选择中文或英文。"));
        mvc.perform(post("/notifications/settings").with(users.as(reader.username())).with(csrf())
                        .param("email", "still wrong@").param("language", "zh-CN").param("emailEnabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("请输入有效的邮箱地址")));
        mvc.perform(post("/notifications/settings").with(users.as(reader.username())).with(csrf()).cookie(ENGLISH)
                        .param("email", "still wrong@").param("language", "zh-CN").param("emailEnabled", "true"))
                .andExpect(content().string(containsString("Enter a valid email address")));

        mvc.perform(get("/api/v1/notifications/settings").with(users.as(reader.username())))
                .andExpect(jsonPath("$.email").value("kept@example.edu.cn"))
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.emailEnabled").value(true));
        mvc.perform(get("/notifications/settings").with(users.as(reader.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"kept@example.edu.cn\"")));
    }

    private void settings(Account account, String json) throws Exception {
        mvc.perform(put("/api/v1/notifications/settings").with(users.as(account.username())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk());
    }

    private List<Long> emailed(String key) {
        return jdbc.sql("SELECT account_id FROM notification WHERE notice_key = ? AND emailed_at IS NOT NULL")
                .param(key).query(Long.class).list();
    }

    private static MimeMessage to(String address, MimeMessage[] mails) {
        return Arrays.stream(mails).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
    }
}
