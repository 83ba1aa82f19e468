package org.shouwang.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The clock every deadline reads, and the user's language: pages are zh-CN unless the user chose
 * English with {@code ?lang=en}, remembered in a cookie for a year. API clients without the
 * cookie get the language of their Accept-Language header (Chinese unless they ask for English).
 */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration implements WebMvcConfigurer {

    static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** Controller methods are found by the literal beginning of their paths first ({@link PrefixedHandlerMapping}). */
    @Bean
    WebMvcRegistrations prefixedHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixedHandlerMapping();
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("shouwang-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
            boolean english = request.getHeader("Accept-Language") != null && request.getLocale().getLanguage().equals("en");
            return api && english ? Locale.ENGLISH : DEFAULT_LOCALE;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgumentResolver());
    }
}
