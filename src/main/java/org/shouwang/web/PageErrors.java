package org.shouwang.web;

import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on pages: 404 for what is missing or out of scope, the translated reason for a broken rule. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        response.setStatus(404);
        return new ModelAndView("error/404");
    }

    /** A hand-edited address with a malformed parameter (a page number that is not a number…). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        response.setStatus(400);
        return new ModelAndView("error", "message",
                messages.getMessage("error.badParameter", new Object[]{e.getName()}, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler
    ModelAndView ruleViolated(RuleViolation violation, HttpServletResponse response) {
        response.setStatus(409);
        return new ModelAndView("error", "message",
                messages.getMessage(violation.code(), violation.args(), LocaleContextHolder.getLocale()));
    }
}
