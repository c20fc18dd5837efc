package com.incidents.severity.policy.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.jboss.logging.Logger;

import com.incidents.severity.engine.EvaluationBounds;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.policy.load.DmnValidation;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.compile.PolicySafety;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.engine.model.PolicyBuildException;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.scenario.ScenarioResult;
import com.incidents.severity.policy.scenario.ScenarioRunner;

/**
 * Everything a policy must pass before it may serve: first what a policy may contain
 * ({@link PolicySafety}: nothing else reads a file it refuses), then the Drools build, the contract names, the
 * KIE DMN validator (its errors always block; its warnings only with {@code blockOnWarnings}) and
 * the scenarios. One loader keeps one DMN validator, which is costly to create; checks run one at a
 * time.
 */
public final class PolicyLoader {

    private static final Logger LOG = Logger.getLogger(PolicyLoader.class);

    private final long cacheEntries;
    private final boolean blockOnWarnings;
    private final EvaluationBounds bounds;
    private final DmnValidation validation = new DmnValidation();

    public PolicyLoader(long cacheEntries) {
        this(cacheEntries, false);
    }

    public PolicyLoader(long cacheEntries, boolean blockOnWarnings) {
        this(cacheEntries, blockOnWarnings, EvaluationBounds.DEFAULT);
    }

    /** {@code bounds}: what each evaluation of the engine it makes keeps to, its scenarios' included. */
    public PolicyLoader(long cacheEntries, boolean blockOnWarnings, EvaluationBounds bounds) {
        this.cacheEntries = cacheEntries;
        this.blockOnWarnings = blockOnWarnings;
        this.bounds = bounds;
    }

    /** A policy engine ready to serve, or a {@link PolicyBuildException} naming every blocking problem. */
    public PolicyEngine load(PolicyFiles files) {
        PolicyCheck check = check(files);
        if (!check.accepted()) {
            throw new PolicyBuildException(check.blocking());
        }
        return check.engine();
    }

    /**
     * Runs every check that can run on the candidate (only the XML check when a file is not
     * well-formed XML, and the scenarios only on a build), so one report names every problem.
     * Malformed XML is named with its line and column by the XML parser itself; the DMN validator
     * would name the line only, and log its stack trace.
     */
    public synchronized PolicyCheck check(PolicyFiles files) {
        long start = System.nanoTime();
        List<PolicyDiagnostic> unsafe = PolicySafety.refusals(files);
        if (!unsafe.isEmpty()) { // nothing else may read these files: no validator, no build, no scenario
            return new PolicyCheck(files, null, false, unsafe, List.of(), List.of(), unsafe,
                    (System.nanoTime() - start) / 1_000_000, "refused by the policy check before any parser or build");
        }
        checkInterrupted();
        DmnValidation.Findings validated = validate(files);
        long validatedAt = System.nanoTime();
        checkInterrupted();
        List<PolicyDiagnostic> build = new ArrayList<>();
        CompiledPolicy compiled = validated.readable() ? compile(files, build) : null;
        long compiledAt = System.nanoTime();
        checkInterrupted();
        PolicyEngine engine = compiled == null ? null : engine(compiled, build);
        long readyAt = System.nanoTime();
        List<ScenarioResult> scenarios = compiled == null ? List.of()
                : ScenarioRunner.run(engine != null ? engine : new PolicyEngine(compiled, 0, bounds), files);
        long end = System.nanoTime();
        List<PolicyDiagnostic> blocking = blocking(build, validated.diagnostics(), scenarios);
        long durationMs = (end - start) / 1_000_000;
        String phases = String.format("validator %d ms, Drools build %d ms, engine and cache check %d ms, scenarios %d ms",
                ms(validatedAt - start), ms(compiledAt - validatedAt), ms(readyAt - compiledAt), ms(end - readyAt));
        return new PolicyCheck(files, blocking.isEmpty() ? engine : null, compiled != null, List.copyOf(build),
                validated.diagnostics(), scenarios, blocking, durationMs, phases,
                compiled == null ? java.util.Map.of() : compiled.tables());
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * A check run under a time limit stops between its steps once its thread is interrupted (the
     * caller stopped waiting), with a {@link CancellationException}.
     */
    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("The check was given up: its time limit passed");
        }
    }

    private static CompiledPolicy compile(PolicyFiles files, List<PolicyDiagnostic> build) {
        try {
            CompiledPolicy compiled = new PolicyCompiler().compile(files);
            build.addAll(compiled.warnings());
            return compiled;
        } catch (PolicyBuildException e) {
            build.addAll(e.diagnostics());
        } catch (RuntimeException e) {
            LOG.warn("Drools threw while building a candidate policy; it is refused", e);
            build.add(PolicyDiagnostic.error(null, null, "Drools cannot build the policy: " + e.getMessage()));
        }
        return null;
    }

    /** The engine to serve with; the scenarios run on this very engine, its outcome cache included. */
    private PolicyEngine engine(CompiledPolicy compiled, List<PolicyDiagnostic> build) {
        try {
            return new PolicyEngine(compiled, cacheEntries, bounds);
        } catch (RuntimeException e) {
            LOG.warn("A candidate policy could not be made ready to serve; it is refused", e);
            build.add(PolicyDiagnostic.error(null, null, "The policy cannot serve: " + e.getMessage()));
            return null;
        }
    }

    private DmnValidation.Findings validate(PolicyFiles files) {
        try {
            return validation.validate(files);
        } catch (RuntimeException e) {
            LOG.warn("The DMN validator threw on a candidate policy; it is refused", e);
            return new DmnValidation.Findings(
                    List.of(PolicyDiagnostic.error(null, null, "The DMN validator failed: " + e.getMessage())), true);
        }
    }

    private List<PolicyDiagnostic> blocking(List<PolicyDiagnostic> build, List<PolicyDiagnostic> validated,
            List<ScenarioResult> scenarios) {
        List<PolicyDiagnostic> blocking = new ArrayList<>();
        build.stream().filter(PolicyDiagnostic::isError).forEach(blocking::add);
        validated.stream().filter(PolicyDiagnostic::isError).forEach(blocking::add);
        long warnings = validated.stream().filter(d -> !d.isError()).count();
        if (blockOnWarnings && warnings > 0) {
            blocking.add(PolicyDiagnostic.error(null, null, "The DMN validator reported " + warnings
                    + " warnings and severity.reload.block-on-warnings is true"));
        }
        scenarios.stream().filter(r -> !r.passed()).map(PolicyLoader::diagnostic).forEach(blocking::add);
        return List.copyOf(blocking);
    }

    private static PolicyDiagnostic diagnostic(ScenarioResult r) {
        String message = r.error() != null ? "Scenario '" + r.description() + "': " + r.error()
                : "Scenario '" + r.description() + "' expects " + r.expected() + " but the policy gives " + r.actual();
        return new PolicyDiagnostic("ERROR", r.file(), null, "line " + r.line(), message);
    }
}
