package org.shouwang.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import org.shouwang.notifications.Inbox;
import org.shouwang.shared.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count in the page header: one indexed count when a full page is rendered for a
 * signed-in user. Skipped for the API, for htmx fragments and for form posts, which render no header.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadNotices {

    private final Inbox inbox;

    UnreadNotices(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Viewer.Principal principal)) {
            return null;
        }
        return inbox.unread(principal.viewer().accountId());
    }
}
