package org.shouwang.notifications;

import java.util.Locale;

import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where, and in which language, each account wants its notices emailed. Nobody has an address until they give one. */
@Service
public class EmailSettings {

    public static final String CHINESE = "zh-CN";
    public static final String ENGLISH = "en";

    private final JdbcClient jdbc;

    EmailSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param email    where notices are emailed; none when null
     * @param language {@value #CHINESE} or {@value #ENGLISH}, the language of those emails
     * @param enabled  whether notices are emailed at all
     */
    public record Setting(String email, String language, boolean enabled) {

        /** Before an account chose: no address, Chinese, or English for a reader who has the pages in English. */
        static Setting initial(Locale locale) {
            return new Setting(null, "en".equals(locale.getLanguage()) ? ENGLISH : CHINESE, true);
        }
    }

    @Transactional(readOnly = true)
    public Setting of(Viewer viewer, Locale locale) {
        return jdbc.sql("SELECT email, language, email_enabled FROM notification_setting WHERE account_id = ?")
                .param(viewer.accountId())
                .query((rs, n) -> new Setting(rs.getString("email"), rs.getString("language"), rs.getBoolean("email_enabled")))
                .optional().orElseGet(() -> Setting.initial(locale));
    }

    /** Stores the caller's setting; the web layer has validated the address and the language. */
    @Transactional
    public Setting save(Viewer viewer, Setting setting) {
        String email = setting.email() == null || setting.email().isBlank() ? null : setting.email().trim();
        String language = ENGLISH.equals(setting.language()) ? ENGLISH : CHINESE;
        int updated = jdbc.sql("UPDATE notification_setting SET email = ?, language = ?, email_enabled = ? WHERE account_id = ?")
                .params(email, language, setting.enabled(), viewer.accountId()).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO notification_setting (account_id, email, language, email_enabled) VALUES (?, ?, ?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(viewer.accountId(), email, language, setting.enabled()).update();
        }
        return new Setting(email, language, setting.enabled());
    }
}
