package com.incidents.severity.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/**
 * The console's CSRF tokens, HMACs under a key derived from the deployment's session key
 * ({@code quarkus.http.auth.session.encryption-key}), so every replica given that key accepts the
 * forms of the others. A form's token is bound to the session id of the sign-in
 * ({@link ConsoleSessions}), so it changes at each sign-in and dies with the session. The sign-in
 * form's token, before anyone is signed in, is a random nonce with its HMAC, sent both in a cookie
 * and in a hidden field: a page of another site can read neither, so cannot sign a browser in.
 */
@ApplicationScoped
public class ConsoleCsrf {

    public static final String FIELD = "csrf-token";
    public static final String SIGN_IN_FIELD = "sign-in-token";
    public static final String SIGN_IN_COOKIE = "severity-sign-in";

    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** The token of the forms of the session {@code sessionId}. */
    public String token(String sessionId) {
        return sign("form:" + sessionId);
    }

    /** A 403 unless {@code sent} is the token of the session {@code sessionId}. */
    public void check(String sent, String sessionId) {
        if (sessionId == null || !same(token(sessionId), sent)) {
            throw new ProblemException(Problem.of("csrf", "The form is out of date", 403,
                    "The form did not carry this session's token; reload the page and send it again"), null);
        }
    }

    /** A new sign-in token: a random nonce and its HMAC. */
    public String newSignInToken() {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String n = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return n + "." + sign("sign-in:" + n);
    }

    /** Whether {@code token} is a sign-in token this deployment made. */
    public boolean validSignInToken(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        return dot > 0 && token.length() < 200 && same(sign("sign-in:" + token.substring(0, dot)), token.substring(dot + 1));
    }

    /** The sign-in form's post is ours: its field and its cookie hold the same valid token. */
    public boolean signInPostValid(String field, String cookie) {
        return validSignInToken(cookie) && same(cookie, field);
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(String expected, String sent) {
        return sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }
}
