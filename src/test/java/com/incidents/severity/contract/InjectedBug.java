package com.incidents.severity.contract;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Test-only: in {@link FaultContractTest}'s profile ({@code test.inject-bugs=true}), an
 * authorised request that carries {@link #HEADER} meets an unexpected exception before its
 * resource runs, as a bug in any operation would; the service's one mapper must answer it.
 * Everywhere else it does nothing.
 */
public class InjectedBug {

    static final String HEADER = "X-Inject-Bug";
    static final String SECRET = "injected-bug-detail-4711";

    @ConfigProperty(name = "test.inject-bugs", defaultValue = "false")
    boolean enabled;

    @ServerRequestFilter
    public void bug(ContainerRequestContext request) {
        if (enabled && request.getHeaderString(HEADER) != null) {
            throw new IllegalStateException(SECRET);
        }
    }
}
