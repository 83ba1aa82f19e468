package org.shouwang.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the {@link PasswordChangeGate} in front of every page but the profile, sign-in and static files. */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration implements WebMvcConfigurer {

    private final AccountStore store;
    private final AccountUserDetailsService users;

    IdentityWebConfiguration(AccountStore store, AccountUserDetailsService users) {
        this.store = store;
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PasswordChangeGate(store, users)).excludePathPatterns(PasswordChangeGate.FREE_PATHS);
    }
}
