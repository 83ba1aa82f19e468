package org.shouwang;

import org.shouwang.shared.Viewer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The demo accounts as tests need them: as a viewer for service calls, or signed in for MockMvc. */
@Component
public class DemoUsers {

    public static final String PASSWORD = "shouwang2026";

    private final UserDetailsService users;

    DemoUsers(UserDetailsService users) {
        this.users = users;
    }

    public Viewer viewer(String username) {
        return ((Viewer.Principal) users.loadUserByUsername(username)).viewer();
    }

    public RequestPostProcessor as(String username) {
        UserDetails details = users.loadUserByUsername(username);
        return user(details);
    }
}
