package org.shouwang.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two doors: the browser signs in with a form and keeps a session with CSRF protection; API
 * clients present a personal access token on every call and get problem details when refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

    private static final String[] PUBLIC = {"/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
            "/error", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/responsibilities", "/exports/responsibilities.xlsx",
            "/verify", "/verify/*"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation around each security filter, authentication and authorisation: on every request
     * they cost more than the filters themselves (profiled: 15% of a token-authenticated call) and no
     * one reads them; the request as a whole is still observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, MessageSource messages, LocaleResolver locales) throws Exception {
        return http.securityMatcher("/api/**")
                .addFilterBefore(new AccessTokenFilter(tokens), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/transcripts/*").permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            LocaleContextHolder.setLocale(locales.resolveLocale(req));
                            problem(res, HttpStatus.UNAUTHORIZED, messages, "error.unauthorized");
                        })
                        .accessDeniedHandler((req, res, ex) -> {
                            LocaleContextHolder.setLocale(locales.resolveLocale(req));
                            problem(res, HttpStatus.FORBIDDEN, messages, "error.forbidden");
                        }))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?"
                                + (ex instanceof LockedException ? "locked" : ex instanceof DisabledException ? "disabled" : "error"))))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .build();
    }

    private static void problem(HttpServletResponse response, HttpStatus status, MessageSource messages, String code)
            throws IOException {
        String title = messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title.replace("\"", "'")
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + title.replace("\"", "'") + "\"}");
    }
}
