package com.incidents.severity.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

import com.incidents.severity.webhook.service.WebhookTargets;

/** The allowed-hosts rules and the address filter, on a name service the test plays (no lookups leave the JVM). */
class WebhookTargetsTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // literals only: parsed, never looked up
    }

    private static InetAddress ip6(String literal) throws UnknownHostException {
        byte[] b = InetAddress.getByName(literal).getAddress();
        if (b.length == 4) { // Java reads ::ffff:a.b.c.d as a.b.c.d: make the 16 bytes that arrive on the wire
            b = new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, b[0], b[1], b[2], b[3] };
        }
        return java.net.Inet6Address.getByAddress(null, b, -1); // kept as IPv6 even where it holds an IPv4 address
    }

    /** A name service of fixed answers: the names a test needs, each with its addresses. */
    private static WebhookTargets.Lookup names(Map<String, List<InetAddress>> answers) {
        return host -> {
            List<InetAddress> a = answers.get(host);
            if (a == null) {
                throw new UnknownHostException(host);
            }
            return a.toArray(InetAddress[]::new);
        };
    }

    @Test
    void privateLoopbackLinkLocalAndOtherSpecialIpv4AddressesAreRefused() throws Exception {
        for (String a : List.of("10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1", "127.0.0.1",
                "127.8.9.10", "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.255", "192.0.0.8",
                "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1",
                "255.255.255.255")) {
            assertTrue(WebhookTargets.special(ip(a)), a);
        }
        for (String a : List.of("8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
                "192.169.0.1", "93.184.216.34", "198.20.0.1")) {
            assertFalse(WebhookTargets.special(ip(a)), a);
        }
    }

    @Test
    void ipv6UniqueLocalLinkLocalLoopbackMulticastAndAnyAreRefused() throws Exception {
        for (String a : List.of("::1", "::", "fe80::1", "fe80::abcd:1234%1", "fc00::1", "fd12:3456:789a::1", "fec0::1",
                "ff02::1", "ff0e::1", "2001:db8::1", "100::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2")) {
            assertTrue(WebhookTargets.special(ip(a.contains("%") ? a.substring(0, a.indexOf('%')) : a)), a);
        }
        for (String a : List.of("2606:4700:4700::1111", "2a00:1450:4001:81c::200e", "2001:4860:4860::8888")) {
            assertFalse(WebhookTargets.special(ip(a)), a);
        }
    }

    @Test
    void ipv4InsideIpv6CountsAsTheIpv4AddressItHolds() throws Exception {
        // mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002:AABB:CCDD::)
        for (String a : List.of("::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1",
                "64:ff9b::10.0.0.1", "64:ff9b::7f00:1", "2002:0a00:0001::1", "2002:7f00:0001::")) {
            assertTrue(WebhookTargets.special(ip6(a)), a);
        }
        for (String a : List.of("::ffff:8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::1")) {
            assertFalse(WebhookTargets.special(ip6(a)), a);
        }
        // Java reads a mapped literal as the IPv4 address: refused either way
        assertTrue(WebhookTargets.special(ip("::ffff:192.168.0.1")));
    }

    @Test
    void onlyListedHostsAreAllowedAndWildcardsCoverSubdomainsOnly() {
        WebhookTargets t = new WebhookTargets(List.of("hooks.example.org", "*.partner.example", " 203.0.113.5 ", "[::1]",
                "", "Upper.Example"), names(Map.of()));
        assertTrue(t.hostAllowed("hooks.example.org"));
        assertTrue(t.hostAllowed("HOOKS.example.ORG"));
        assertTrue(t.hostAllowed("upper.example"));
        assertTrue(t.hostAllowed("a.partner.example"));
        assertTrue(t.hostAllowed("deep.a.partner.example"));
        assertFalse(t.hostAllowed("partner.example"));
        assertFalse(t.hostAllowed("evilpartner.example"));
        assertFalse(t.hostAllowed("hooks.example.org.evil.test"));
        assertFalse(t.hostAllowed("hooks.example.org."));
        assertTrue(t.hostAllowed("203.0.113.5"));
        assertTrue(t.hostAllowed("[::1]"));
        assertTrue(t.hostAllowed("0:0:0:0:0:0:0:1"));
        assertFalse(t.hostAllowed("203.0.113.6"));
        assertFalse(t.hostAllowed("2130706433"));
        assertFalse(new WebhookTargets(List.of()).hostAllowed("localhost"), "nothing is allowed by default");
    }

    @Test
    void aListedNameResolvingToAPrivateAddressIsRefusedUnlessThatLiteralAddressIsListed() throws Exception {
        var answers = Map.of("hooks.example.org", List.of(ip("93.184.216.34")),
                "rebound.partner.example", List.of(ip("127.0.0.1")),
                "meta.partner.example", List.of(ip("169.254.169.254")),
                "mixed.partner.example", List.of(ip("10.1.2.3"), ip("93.184.216.35")),
                "internal.partner.example", List.of(ip("10.20.30.40")),
                "v6.partner.example", List.of(ip6("::ffff:10.0.0.1")));
        WebhookTargets t = new WebhookTargets(List.of("hooks.example.org", "*.partner.example", "10.20.30.40"), names(answers));
        assertArrayEquals(new InetAddress[] { ip("93.184.216.34") }, t.resolve("hooks.example.org"));
        assertArrayEquals(new InetAddress[] { ip("93.184.216.35") }, t.resolve("mixed.partner.example"),
                "only the allowed addresses are connected to");
        assertArrayEquals(new InetAddress[] { ip("10.20.30.40") }, t.resolve("internal.partner.example"),
                "a private address listed literally is allowed");
        for (String refused : List.of("rebound.partner.example", "meta.partner.example", "v6.partner.example")) {
            UnknownHostException e = assertThrows(UnknownHostException.class, () -> t.resolve(refused), refused);
            assertTrue(e.getMessage().contains("not on severity.webhooks.allowed-hosts"), e.getMessage());
        }
        assertThrows(UnknownHostException.class, () -> t.resolve("other.example"), "not listed: not even looked up");
        assertEquals(Optional.empty(), t.refusal("https://hooks.example.org/hook"));
        assertTrue(t.refusal("https://rebound.partner.example/hook").orElseThrow().contains("resolves only to"));
        assertTrue(t.refusal("http://10.0.0.1/").orElseThrow().contains("not on severity.webhooks.allowed-hosts"));
        assertTrue(t.refusal("https://user:pw@hooks.example.org/").orElseThrow().contains("credentials"));
        assertTrue(t.refusal("ftp://hooks.example.org/").orElseThrow().contains("http or https"));
        assertTrue(t.refusal("hooks.example.org/hook").orElseThrow().contains("http or https"));
    }

    @Test
    void theHttpClientsResolverAppliesTheSameRulesAtEveryConnection() throws Exception {
        // DNS rebinding: the name was public when subscribed, and resolves to loopback when the delivery is sent
        var answers = new java.util.HashMap<String, List<InetAddress>>(Map.of("flip.partner.example", List.of(ip("93.184.216.34"))));
        WebhookTargets t = new WebhookTargets(List.of("*.partner.example", "127.0.0.1"), host -> {
            List<InetAddress> a = answers.get(host);
            if (a == null) {
                throw new UnknownHostException(host);
            }
            return a.toArray(InetAddress[]::new);
        });
        DnsResolver resolver = t.resolver();
        assertEquals(Optional.empty(), t.refusal("https://flip.partner.example/hook"));
        assertEquals(List.of(new InetSocketAddress(ip("93.184.216.34"), 443)), resolver.resolve("flip.partner.example", 443));
        answers.put("flip.partner.example", List.of(ip("169.254.169.254"), ip("::1")));
        assertThrows(UnknownHostException.class, () -> resolver.resolve("flip.partner.example", 443));
        assertThrows(UnknownHostException.class, () -> resolver.resolve("flip.partner.example"));
        // a listed literal address is allowed though special; an unlisted literal is refused without a lookup
        assertEquals(List.of(new InetSocketAddress(ip("127.0.0.1"), 8080)), resolver.resolve("127.0.0.1", 8080));
        assertThrows(UnknownHostException.class, () -> resolver.resolve("127.0.0.2", 8080));
        assertThrows(UnknownHostException.class, () -> resolver.resolve("[::1]", 8080));
    }
}
