package org.shouwang.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sends a user whose password must change (a new account, or one an administrator reset) to their
 * profile page until they have changed it. Only such users cost a look at the database: once the
 * account no longer needs a change, the session's principal is refreshed and they pass freely.
 */
class PasswordChangeGate implements HandlerInterceptor {

    static final String[] FREE_PATHS = {"/profile", "/profile/**", "/login", "/logout", "/error", "/error/**",
            "/api/**", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/v3/api-docs/**",
            "/swagger-ui/**", "/swagger-ui.html", "/actuator/**"};

    private final AccountStore store;
    private final AccountUserDetailsService users;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordChangeGate(AccountStore store, AccountUserDetailsService users) {
        this.store = store;
        this.users = users;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AccountUser user) || !user.mustChangePassword()) {
            return true;
        }
        AccountUser current = store.findById(user.viewer().accountId()).map(users::user).orElse(user);
        if (!current.mustChangePassword()) {
            refresh(current, request, response);
            return true;
        }
        String profile = request.getContextPath() + "/profile";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", profile);
        } else {
            response.sendRedirect(profile);
        }
        return false;
    }

    private void refresh(AccountUser current, HttpServletRequest request, HttpServletResponse response) {
        current.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
