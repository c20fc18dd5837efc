package com.incidents.severity.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a browser's {@code Origin} may send a state-changing request: it must be the service's
 * own origin (the scheme, host and port the request was sent to) or one on the allow-list.
 * Origins compare as scheme://host:port, lower case, with the scheme's default port filled in.
 */
public final class Origins {

    private final Set<String> allowed;

    public Origins(List<String> allowed) {
        this.allowed = allowed.stream().map(Origins::normal).filter(o -> o != null).collect(Collectors.toSet());
    }

    /** {@code origin} is the header's value; {@code scheme} and {@code authority} are the request's own. */
    public boolean permits(String origin, String scheme, String authority) {
        String sent = normal(origin);
        if (sent == null) {
            return false; // "null" (a sandboxed page, a file) or unparseable: not an origin we know
        }
        return allowed.contains(sent) || sent.equals(normal(scheme + "://" + authority));
    }

    static String normal(String origin) {
        if (origin == null) {
            return null;
        }
        try {
            URI uri = URI.create(origin.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
