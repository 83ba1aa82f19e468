package org.shouwang.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notice's words in one language: its message code from the bundles of the module that sent it,
 * filled with its arguments. A code no bundle knows is shown as itself rather than failing.
 * Arguments are stored in one column, joined by the unit separator, which they cannot contain.
 */
@Component
class NoticeText {

    static final String SEPARATOR = "\u001F";

    private final MessageSource messages;

    NoticeText(MessageSource messages) {
        this.messages = messages;
    }

    String render(String code, List<String> args, Locale locale) {
        return messages.getMessage(code, args.toArray(), code, locale);
    }

    static String join(List<String> args) {
        return String.join(SEPARATOR, args.stream().map(a -> a == null ? "" : a.replace(SEPARATOR, " ")).toList());
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }

    /** zh-CN unless the account asked for English. */
    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
