package com.incidents.severity.webhook.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Which webhook URLs may be called, and which addresses may be connected to: a URL is hostile
 * input. Only hosts on {@code severity.webhooks.allowed-hosts} are called; a host's addresses are
 * looked up and a private, loopback, link-local, site-local, unique-local, multicast, any-local or
 * otherwise special-purpose address (IPv4 inside IPv6 counted as the IPv4 address it holds) is
 * refused unless that literal address is on the list. The check runs when a subscription is made
 * and again as the HTTP client's {@link DnsResolver} on every connection, on the addresses it
 * actually connects to, so a name that resolves elsewhere later (DNS rebinding) is refused too.
 */
public final class WebhookTargets {

    /** Looks up a host's addresses (the system's resolver, or a test's). */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> names = new HashSet<>();
    private final List<String> domains = new ArrayList<>();
    private final Set<InetAddress> addresses = new HashSet<>();
    private final Lookup lookup;

    public WebhookTargets(Collection<String> allowed, Lookup lookup) {
        this.lookup = lookup;
        for (String entry : allowed) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            InetAddress literal = literal(e);
            if (literal != null) {
                addresses.add(literal);
            } else if (e.startsWith("*.") && e.length() > 2) {
                domains.add(e.substring(1)); // ".example.com"
            } else {
                names.add(e);
            }
        }
    }

    public WebhookTargets(Collection<String> allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    /** Why {@code url} may not be a webhook's URL, or empty when it may be. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("url must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.isOpaque()) {
            return Optional.of("url must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url must not hold credentials (user:password@); the secret signs the deliveries");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("url must name a host");
        }
        if (!hostAllowed(host)) {
            return Optional.of("The host '" + host + "' is not on severity.webhooks.allowed-hosts");
        }
        try {
            resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** Whether {@code host} (a name, or a literal address, in brackets or not) is on the list. */
    public boolean hostAllowed(String host) {
        String h = bare(host);
        InetAddress literal = literal(h);
        if (literal != null) {
            return addresses.contains(literal);
        }
        if (names.contains(h)) {
            return true;
        }
        for (String domain : domains) {
            if (h.endsWith(domain) && h.length() > domain.length()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a connection to {@code address} may be made: a public address, or one listed literally. */
    public boolean addressAllowed(InetAddress address) {
        return !special(address) || addresses.contains(address);
    }

    /**
     * The addresses of {@code host} that may be connected to; an UnknownHostException (whose
     * message says why) when the host is not allowed, has no address, or only refused ones.
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String h = bare(host);
        if (!hostAllowed(h)) {
            throw new UnknownHostException("The host '" + host + "' is not on severity.webhooks.allowed-hosts");
        }
        InetAddress literal = literal(h);
        InetAddress[] found = literal != null ? new InetAddress[] { literal } : lookup.all(h);
        InetAddress[] allowed = Arrays.stream(found == null ? new InetAddress[0] : found).filter(this::addressAllowed)
                .toArray(InetAddress[]::new);
        if (allowed.length == 0) {
            throw new UnknownHostException("The host '" + host + "' resolves only to private, loopback or other"
                    + " special-purpose addresses (" + (found == null ? "none" : Arrays.stream(found)
                            .map(InetAddress::getHostAddress).reduce((a, b) -> a + ", " + b).orElse("none"))
                    + ") that are not on severity.webhooks.allowed-hosts");
        }
        return allowed;
    }

    /** The HTTP client's resolver: every connection is made to an address {@link #resolve} allows. */
    public DnsResolver resolver() {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return WebhookTargets.this.resolve(host);
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                return Arrays.stream(WebhookTargets.this.resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never asked of the name service: the URL's host is the one checked
            }
        };
    }

    /**
     * Whether {@code a} is not a public unicast address: any-local, loopback, link-local,
     * site-local (RFC 1918 and IPv6's deprecated fec0::/10), unique-local (fc00::/7), multicast,
     * carrier-grade NAT, benchmarking, documentation and reserved ranges; for IPv6 forms that carry
     * an IPv4 address (mapped, compatible, NAT64, 6to4), that address's category, and Teredo.
     */
    public static boolean special(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return special4(b);
        }
        if (a instanceof Inet6Address && b.length == 16) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return true;
            }
            if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // ::ffff:a.b.c.d
                return special4(Arrays.copyOfRange(b, 12, 16));
            }
            if (allZero(b, 0, 12)) { // ::a.b.c.d (compatible), ::, ::1
                return special4(Arrays.copyOfRange(b, 12, 16));
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && allZero(b, 4, 12)) { // 64:ff9b::/96 NAT64
                return special4(Arrays.copyOfRange(b, 12, 16));
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) { // 2002::/16 6to4
                return special4(Arrays.copyOfRange(b, 2, 6));
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x00 && (b[3] & 0xff) == 0x00) {
                return true; // 2001::/32 Teredo: tunnels to an address it does not show
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return true; // 2001:db8::/32 documentation
            }
            if (first == 0x01 && allZero(b, 1, 8)) {
                return true; // 100::/64 discard
            }
            return false;
        }
        return true;
    }

    private static boolean special4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return a0 == 0 // 0.0.0.0/8 "this network"
                || a0 == 10 // private
                || a0 == 100 && (a1 & 0xc0) == 64 // 100.64.0.0/10 carrier-grade NAT
                || a0 == 127 // loopback
                || a0 == 169 && a1 == 254 // link-local (cloud metadata services live here)
                || a0 == 172 && (a1 & 0xf0) == 16 // private
                || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) // IETF protocol assignments, TEST-NET-1
                || a0 == 192 && a1 == 168 // private
                || a0 == 198 && (a1 & 0xfe) == 18 // benchmarking
                || a0 == 198 && a1 == 51 && a2 == 100 // TEST-NET-2
                || a0 == 203 && a1 == 0 && a2 == 113 // TEST-NET-3
                || a0 >= 224; // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String bare(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The address a literal names (never a name-service lookup), or null when it is a name. */
    static InetAddress literal(String host) {
        String h = bare(host);
        if (IPV4.matcher(h).matches()) {
            for (String octet : h.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else if (!h.contains(":") || !h.matches("[0-9a-f:.%]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(h); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
