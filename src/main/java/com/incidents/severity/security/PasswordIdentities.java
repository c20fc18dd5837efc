package com.incidents.severity.security;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.elytron.security.runtime.ElytronPasswordIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * User name and password checks (HTTP Basic, the console's sign-in form) without a worker thread
 * for a caller proved moments ago. The realm (the embedded users, {@code quarkus.security.users.embedded.*},
 * checked by Quarkus' own Elytron provider) is blocking, so each of its checks moves the request to a
 * worker thread and back. A right user name and password is remembered for
 * {@code severity.security.identity-cache.ttl}: the same pair within that time gets the same
 * principal, roles and attributes on the event loop. Only proved pairs are kept, so a wrong password
 * always reaches the realm, is refused by it and counts towards the sign-in throttle. The key is an
 * HMAC-SHA-256 of the pair under a random key made at start and never kept outside this process, not
 * the password; the kept identity holds no credential (each call's own is added to its copy).
 */
@ApplicationScoped
public class PasswordIdentities implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final ElytronPasswordIdentityProvider realm;
    private final Cache<String, Proved> proved;
    private final boolean enabled;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::mac);

    @Inject
    PasswordIdentities(ElytronPasswordIdentityProvider realm, SecurityConfig config) {
        this.realm = realm;
        SecurityConfig.IdentityCache cache = config.identityCache();
        this.enabled = !cache.ttl().isZero() && cache.maxEntries() > 0;
        this.proved = Caffeine.newBuilder().expireAfterWrite(cache.ttl()).maximumSize(Math.max(0, cache.maxEntries()))
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Before the realm's own provider, which this one asks whenever it has no proved pair. */
    @Override
    public int priority() {
        return realm.priority() + 1;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!enabled) {
            return realm.authenticate(request, context);
        }
        String digest = digest(request.getUsername(), request.getPassword().getPassword());
        Proved known = proved.getIfPresent(digest);
        if (known != null) {
            return Uni.createFrom().item(known.identity(request));
        }
        return realm.authenticate(request, context).invoke(identity -> {
            if (identity != null && !identity.isAnonymous()) {
                proved.put(digest, Proved.of(identity));
            }
        });
    }

    /** The cache key of a user name and password: never the password itself. */
    String digest(String user, char[] password) {
        Mac mac = macs.get();
        mac.update(user.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)));
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /** The keys held now (for tests: they must not be the passwords). */
    Set<String> keys() {
        return Set.copyOf(proved.asMap().keySet());
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    /** What the realm proved, without the credential. */
    private record Proved(Principal principal, Set<String> roles, Map<String, Object> attributes) {

        static Proved of(SecurityIdentity identity) {
            return new Proved(identity.getPrincipal(), Set.copyOf(identity.getRoles()),
                    Collections.unmodifiableMap(new HashMap<>(identity.getAttributes())));
        }

        SecurityIdentity identity(UsernamePasswordAuthenticationRequest request) {
            return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(roles).addAttributes(attributes)
                    .addCredential(request.getPassword()).build();
        }
    }
}
