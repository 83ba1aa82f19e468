package org.shouwang.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns what a service refused into the messages a page form shows, in the viewer's language: each
 * problem on its field when the form has that field, else under the key {@code form} (shown above
 * the form).
 */
@Component
public class FormErrors {

    public static final String FORM = "form";

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** The first problem of each field the form has; the others under {@link #FORM}. */
    public Map<String, String> of(InvalidInput invalid, Set<String> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInput.Problem p : invalid.problems()) {
            errors.putIfAbsent(fields.contains(p.field()) ? p.field() : FORM, text(p.code(), p.args()));
        }
        return errors;
    }

    /** A broken rule, shown above the form. */
    public Map<String, String> of(RuleViolation violation) {
        return Map.of(FORM, text(violation.code(), violation.args()));
    }

    /** A message in the viewer's language, numbers written plainly. */
    public String text(String code, Object... args) {
        return messages.getMessage(code, MessageArguments.plain(args), LocaleContextHolder.getLocale());
    }
}
