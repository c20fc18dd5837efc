package com.incidents.severity.engine.model;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that cannot serve decisions, with every diagnostic that says why. */
public class PolicyBuildException extends RuntimeException {

    private final transient List<PolicyDiagnostic> diagnostics;

    public PolicyBuildException(List<PolicyDiagnostic> diagnostics) {
        super(diagnostics.stream().map(PolicyDiagnostic::toString).collect(Collectors.joining("; ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<PolicyDiagnostic> diagnostics() {
        return diagnostics;
    }
}
