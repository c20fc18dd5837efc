package com.incidents.severity.decision.rest;

import jakarta.ws.rs.core.SecurityContext;

/** Who asked: the authenticated principal, else the X-Client-Id header, else "anonymous". */
final class Callers {

    private static final int MAX = 200;

    private Callers() {
    }

    static String of(SecurityContext security, String clientId) {
        if (security != null && security.getUserPrincipal() != null) {
            return clip(security.getUserPrincipal().getName());
        }
        if (clientId != null && !clientId.isBlank()) {
            return clip("client:" + clientId.strip());
        }
        return "anonymous";
    }

    private static String clip(String caller) {
        return caller.length() > MAX ? caller.substring(0, MAX) : caller;
    }
}
