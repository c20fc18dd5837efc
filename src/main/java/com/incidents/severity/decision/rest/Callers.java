package com.incidents.severity.decision.rest;

import jakarta.ws.rs.core.SecurityContext;

import com.incidents.severity.decision.model.Caller;

/**
 * Who asked: the authenticated principal. {@code X-Client-Id} is only the caller's own label,
 * recorded beside it as {@code clientLabel}, never as identity.
 */
public final class Callers {

    private static final int MAX = 200;

    private Callers() {
    }

    public static Caller of(SecurityContext security, String clientId) {
        String name = security != null && security.getUserPrincipal() != null
                ? clip(security.getUserPrincipal().getName())
                : "anonymous";
        String label = clientId == null || clientId.isBlank() ? null : clip(clientId.strip());
        return new Caller(name, label);
    }

    private static String clip(String text) {
        return text.length() > MAX ? text.substring(0, MAX) : text;
    }
}
