package com.incidents.severity.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/**
 * The CSRF token of the console's forms: an HMAC of the signed-in user's name under a key made at
 * start (like the session cookie's, when no encryption key is configured), sent in a hidden field
 * and checked on every POST. A page of another site cannot read it, so cannot forge the form.
 */
@ApplicationScoped
public class ConsoleCsrf {

    public static final String FIELD = "csrf-token";

    private final SecretKeySpec key;

    public ConsoleCsrf() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, "HmacSHA256");
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
