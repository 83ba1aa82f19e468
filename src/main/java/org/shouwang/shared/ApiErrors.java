package org.shouwang.shared;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Errors of the REST API as RFC 9457 problem details, their title and detail in the caller's
 * language. Validation problems list every bad field. Ordered first, so that these answers win
 * over Spring Boot's generic problem details for the same exceptions.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "error.notFound", "error.notFound.detail");
    }

    @ExceptionHandler
    ProblemDetail ruleViolated(RuleViolation violation) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "error.rule", violation.code(), violation.args());
        problem.setType(URI.create("urn:shouwang:" + violation.code()));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", message(f))).toList());
    }

    @ExceptionHandler
    ProblemDetail invalid(HandlerMethodValidationException e) {
        return invalid(e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", r.getMethodParameter().getParameterName() == null ? "" : r.getMethodParameter().getParameterName(),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList());
    }

    @ExceptionHandler
    ProblemDetail invalid(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidInput e) {
        return invalid(e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", text(p.code(), p.args()))).toList());
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(Map.of("field", e.getName(), "message", text("error.field.type"))));
    }

    @ExceptionHandler
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return invalid(List.of(Map.of("field", e.getParameterName(), "message", text("error.field.required"))));
    }

    @ExceptionHandler
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return invalid(List.of(Map.of("field", e.getRequestPartName(), "message", text("error.field.required"))));
    }

    /**
     * A body that does not fit: when the parser knows where (a word where a number or a time goes, a
     * value not offered), the field is named, in the caller's language.
     */
    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                boolean choice = t instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum();
                return invalid(List.of(Map.of("field", path(j.getPath()),
                        "message", text(choice ? "error.field.choice" : "error.field.value"))));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "error.invalid", "error.unreadable");
    }

    /** capacity, educations[1], milestones[0].dueOn … */
    private static String path(List<JacksonException.Reference> references) {
        List<String> parts = new java.util.ArrayList<>();
        for (JacksonException.Reference r : references) {
            if (r.getPropertyName() != null) {
                parts.add(r.getPropertyName());
            } else if (r.getIndex() >= 0 && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + r.getIndex() + "]");
            }
        }
        return String.join(".", parts);
    }

    @ExceptionHandler
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "error.invalid", "error.tooLarge");
    }

    @ExceptionHandler
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "error.methodNotAllowed", "error.methodNotAllowed");
    }

    private ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalid", "error.invalid.detail");
        problem.setProperty("errors", errors);
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String titleCode, String detailCode, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailCode, args));
        problem.setTitle(text(titleCode));
        return problem;
    }

    private String message(FieldError error) {
        return messages.getMessage(error, locale());
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
