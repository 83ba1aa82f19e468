package org.shouwang.shared;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

/** Controller methods are found by the literal beginning of their paths, and never missed because of it. */
@IntegrationTest
class PrefixedHandlerMappingTests {

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;

    @Test
    void everyPathAPatternMatchesBeginsWithThePatternsBeginning() {
        List<String> paths = List.of("", "/", "/files", "/files/", "/files/a", "/files/a/b", "/filesx", "/x/abc1",
                "/x/abc", "/x/", "/a/b", "/a/b/", "/a/cb", "/api/v1/activities/7/registration", "/api/v1/activities/7",
                "/api/v1/activities", "/7", "/a/1/b/2");
        List<String> patterns = List.of("/files/**", "/files/{*rest}", "/x/abc{id}", "/{id}", "/a/b", "/a/?b",
                "/api/v1/activities/{id}/registration", "/api/v1/activities/{id}", "/a/{x}/b/{y}", "/", "/**");
        PathPatternParser parser = new PathPatternParser();
        for (String source : patterns) {
            PathPattern pattern = parser.parse(source);
            for (String path : paths) {
                if (pattern.matches(PathContainer.parsePath(path))) {
                    assertThat(path).as(source).startsWith(PrefixedHandlerMapping.beginning(source));
                }
            }
        }
        assertThat(PrefixedHandlerMapping.beginning("/api/v1/activities/{id}/registration")).isEqualTo("/api/v1/activities");
        assertThat(PrefixedHandlerMapping.beginning("/files/**")).isEqualTo("/files");
        assertThat(PrefixedHandlerMapping.beginning("/api/v1/me")).isEqualTo("/api/v1/me");
    }

    @Test
    void theAppsMappingsAreFoundThroughIt() throws Exception {
        assertThat(mapping).isInstanceOf(PrefixedHandlerMapping.class);
        // Every pattern of the app, its variables filled in, still begins with its beginning.
        mapping.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
                .map(PathPattern::getPatternString)
                .forEach(p -> assertThat(p.replaceAll("\\{[^}]*}", "1").replace("**", "x"))
                        .as(p).startsWith(PrefixedHandlerMapping.beginning(p)));
        // A path with a variable, and the same path escaped (matched the ordinary, decoded way).
        mvc.perform(get("/api/v1/activities/{id}", Long.MAX_VALUE).with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/responsibilities")).andExpect(status().isOk());
        mvc.perform(get(URI.create("/respon%73ibilities"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("responsibilit")));
    }
}
