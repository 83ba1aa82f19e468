package org.shouwang.web;

import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on pages: 404 for what is missing or out of scope, the translated reason for a broken rule. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(HttpServletResponse response) {
        response.setStatus(404);
        return new ModelAndView("error/404");
    }

    @ExceptionHandler
    ModelAndView ruleViolated(RuleViolation violation, HttpServletResponse response) {
        response.setStatus(409);
        return new ModelAndView("error", "message",
                messages.getMessage(violation.code(), violation.args(), LocaleContextHolder.getLocale()));
    }
}
