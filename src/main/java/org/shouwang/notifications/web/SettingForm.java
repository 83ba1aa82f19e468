package org.shouwang.notifications.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.shouwang.notifications.EmailSettings;

/**
 * Where and in which language one's notices are emailed.
 *
 * @param email        an email address, or blank for none
 * @param language     {@code zh-CN} or {@code en}
 * @param emailEnabled whether notices are emailed at all (the API takes a missing value as yes)
 */
record SettingForm(
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{notifications.settings.email.invalid}")
        @Size(max = 254, message = "{notifications.settings.email.invalid}") String email,
        @NotBlank(message = "{notifications.settings.language.invalid}")
        @Pattern(regexp = "zh-CN|en", message = "{notifications.settings.language.invalid}") String language,
        Boolean emailEnabled) {

    static SettingForm of(EmailSettings.Setting setting) {
        return new SettingForm(setting.email() == null ? "" : setting.email(), setting.language(), setting.enabled());
    }

    EmailSettings.Setting setting(boolean enabledWhenMissing) {
        return new EmailSettings.Setting(email, language, emailEnabled == null ? enabledWhenMissing : emailEnabled);
    }
}
