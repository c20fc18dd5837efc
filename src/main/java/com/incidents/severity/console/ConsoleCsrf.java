package com.incidents.severity.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/**
 * The CSRF token of the console's forms: an HMAC of the signed-in user's name under a key derived
 * from the deployment's session key ({@code quarkus.http.auth.session.encryption-key}), so every
 * replica given that key accepts the forms of the others. Sent in a hidden field and checked on
 * every POST: a page of another site cannot read it, so cannot forge the form.
 */
@ApplicationScoped
public class ConsoleCsrf {

    public static final String FIELD = "csrf-token";

    private final SecretKeySpec key;

    public ConsoleCsrf(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String sessionKey) {
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("console-csrf:" + sessionKey).getBytes(StandardCharsets.UTF_8));
            key = new SecretKeySpec(derived, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String token(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 403 unless {@code sent} is the user's token. */
    public void check(String sent, String user) {
        byte[] expected = token(user).getBytes(StandardCharsets.UTF_8);
        if (sent == null || !MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.of("csrf", "The form is out of date", 403,
                    "The form did not carry this session's token; reload the page and send it again"), null);
        }
    }
}
