package com.incidents.severity.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * The service's own REST routes (method, path template, accepted media types), read once from the
 * JAX-RS annotations of its resource classes, so a 405 can name the methods a path allows
 * ({@code Allow}) and a 415 the media types it accepts. RESTEasy Reactive reports neither.
 */
final class Routes {

    /** One resource method: its HTTP method, the path it matches and the types it consumes (empty: any). */
    record Route(String method, Pattern path, List<String> consumes) {
    }

    private static volatile List<Route> routes;

    private Routes() {
    }

    /** The methods some route allows on {@code path}, in alphabetical order; empty when none matches. */
    static Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route r : routes()) {
            if (r.path().matcher(trim(path)).matches()) {
                methods.add(r.method());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return methods;
    }

    /** The media types the routes of {@code method} on {@code path} consume; empty when unknown or any. */
    static Set<String> accepted(String method, String path) {
        Set<String> types = new TreeSet<>();
        for (Route r : routes()) {
            if (r.method().equals(method) && r.path().matcher(trim(path)).matches()) {
                types.addAll(r.consumes());
            }
        }
        return types;
    }

    private static List<Route> routes() {
        List<Route> found = routes;
        if (found == null) {
            found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root != null) {
                    add(type, root.value(), found);
                }
            }
            routes = found = List.copyOf(found);
        }
        return found;
    }

    private static void add(Class<?> type, String root, List<Route> found) {
        Consumes classConsumes = type.getAnnotation(Consumes.class);
        for (Method m : type.getMethods()) {
            String httpMethod = httpMethod(m);
            if (httpMethod == null) {
                continue;
            }
            Path sub = m.getAnnotation(Path.class);
            Consumes consumes = m.getAnnotation(Consumes.class) != null ? m.getAnnotation(Consumes.class) : classConsumes;
            found.add(new Route(httpMethod, template(root + (sub == null ? "" : "/" + sub.value())),
                    consumes == null ? List.of() : List.of(consumes.value())));
        }
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A JAX-RS path template ({@code {name}} or {@code {name: regex}}) as a regular expression. */
    static Pattern template(String template) {
        String t = trim(template.replaceAll("/+", "/"));
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < t.length(); end++) {
                depth += t.charAt(end) == '{' ? 1 : t.charAt(end) == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String variable = t.substring(i + 1, Math.min(end, t.length()));
            int colon = variable.indexOf(':');
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            regex.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).strip()).append(')');
            i = end + 1;
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }

    private static String trim(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
