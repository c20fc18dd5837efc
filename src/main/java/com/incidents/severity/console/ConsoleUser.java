package com.incidents.severity.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is signed in to the console, for the pages' navigation and forms ({@code inject:consoleUser} in templates). */
@RequestScoped
@Named("consoleUser")
public class ConsoleUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    ConsoleCsrf csrf;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean auditor() {
        return identity.hasRole(Roles.AUDITOR);
    }

    public boolean editor() {
        return identity.hasRole(Roles.EDITOR);
    }

    public boolean client() {
        return identity.hasRole(Roles.CLIENT);
    }

    public boolean responder() {
        return identity.hasRole(Roles.RESPONDER);
    }

    /** The id of this sign-in (see {@link SessionCheck}); null when not signed in to the console. */
    public String sessionId() {
        return signedIn() ? identity.getAttribute(SessionCheck.SESSION_ID) : null;
    }

    /** The CSRF token every POST form of the console carries: this sign-in's. */
    public String csrfToken() {
        return sessionId() == null ? "" : csrf.token(sessionId());
    }

    public void checkCsrf(String sent) {
        csrf.check(sent, sessionId());
    }
}
