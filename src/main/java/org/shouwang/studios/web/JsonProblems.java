package org.shouwang.studios.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON body that does not fit (a word where a number or a date goes, an unknown type) names the
 * field it stumbled on, in the caller's language: 400 with {@code errors[{field, message}]}.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, MessageSource messages) {
        String field = null;
        boolean choice = false;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                field = path(j.getPath());
                choice = t instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum();
                break;
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text(messages, field == null ? "error.unreadable" : "error.invalid.detail"));
        problem.setTitle(text(messages, "error.invalid"));
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field,
                    "message", text(messages, choice ? "studio.web.unknownValue" : "studio.web.wrongValue"))));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(List<JacksonException.Reference> references) {
        List<String> parts = new ArrayList<>();
        for (JacksonException.Reference r : references) {
            if (r.getPropertyName() != null) {
                parts.add(r.getPropertyName());
            } else if (r.getIndex() >= 0 && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + r.getIndex() + "]");
            }
        }
        return String.join(".", parts);
    }

    /** The version the client expects: the If-Match header ("3", W/"3") wins over the body's field. */
    static Integer version(String ifMatch, Integer fromBody) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return fromBody;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "").strip();
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new org.shouwang.shared.InvalidInput("If-Match", "studio.web.wrongValue");
        }
    }

    private static String text(MessageSource messages, String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
