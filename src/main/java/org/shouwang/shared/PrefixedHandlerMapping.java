package org.shouwang.shared;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the controller method of a request without putting every mapping of the app to Spring's
 * full test. Spring MVC looks up a path with variables ({@code /api/v1/activities/{id}/registration})
 * by testing each of the app's ~750 mappings in turn (HTTP method, then path, each read through
 * the request's wrappers); profiled, that was two thirds of the CPU of a registration rush. Here a
 * mapping is first tested on the path alone: the literal beginning of its patterns (a string
 * comparison), then the patterns themselves against the path parsed once per request, which is
 * what Spring's path condition does. Only the few mappings whose path matches get the full test,
 * so the outcome is Spring's own. The beginnings are skipped for a path with escapes, path
 * parameters or non-ASCII characters, since Spring matches it decoded.
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** The request being looked up: its path within the application, raw (null unless plain) and parsed. */
    private record Lookup(String plainPath, PathContainer path) {
    }

    /** A mapping's patterns and what every path they match begins with. */
    private record Paths(List<PathPattern> patterns, String[] beginnings) {

        boolean admit(Lookup lookup) {
            if (lookup.plainPath() != null && !startsWithAny(lookup.plainPath())) {
                return false;
            }
            for (PathPattern pattern : patterns) {
                if (pattern.matches(lookup.path())) {
                    return true;
                }
            }
            return false;
        }

        private boolean startsWithAny(String path) {
            for (String beginning : beginnings) {
                if (path.startsWith(beginning)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final ThreadLocal<Lookup> LOOKUP = new ThreadLocal<>();
    private volatile Map<RequestMappingInfo, Paths> paths = Map.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        Map<RequestMappingInfo, Paths> byMapping = new IdentityHashMap<>();
        for (RequestMappingInfo info : handlerMethods.keySet()) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition != null && !condition.isEmptyPathMapping()) {
                List<PathPattern> patterns = List.copyOf(condition.getPatterns());
                byMapping.put(info, new Paths(patterns, patterns.stream().map(PathPattern::getPatternString)
                        .map(PrefixedHandlerMapping::beginning).toArray(String[]::new)));
            }
        }
        paths = byMapping;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        LOOKUP.set(new Lookup(plain(lookupPath) ? lookupPath : null,
                ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Lookup lookup = LOOKUP.get();
        Paths known = lookup == null ? null : paths.get(info);
        if (known != null && !known.admit(lookup)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /**
     * What every path the pattern matches begins with: the whole pattern when it is literal, else
     * the literal segments before the first variable or wildcard, without their last slash (the
     * pattern {@code /files/**} also matches {@code /files}).
     */
    static String beginning(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '%' || c == ';' || c > 127) {
                return pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', i - 1)));
            }
        }
        return pattern;
    }

    static boolean plain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c == ';' || c > 127) {
                return false;
            }
        }
        return true;
    }
}
