package org.shouwang.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.notifications.Inbox;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The unread count in the page header: one indexed count when a full page is rendered for a
 * signed-in user, added to the page's model after its controller ran. API answers, htmx
 * fragments, form posts and redirects render no header and cost nothing.
 */
@Configuration(proxyBeanMethods = false)
class UnreadNotices implements HandlerInterceptor, WebMvcConfigurer {

    private final Inbox inbox;

    UnreadNotices(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || !page.hasView() || page.getView() instanceof RedirectView
                || page.getViewName() != null && page.getViewName().startsWith("redirect:")
                || !"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Viewer.Principal principal) {
            page.addObject("unreadNotices", inbox.unread(principal.viewer().accountId()));
        }
    }
}
