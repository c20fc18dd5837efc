package com.incidents.severity.policy.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
 * time. Within a check the validator and the Drools build run side by side, each on a core of its own
 * (they read the same bytes and share nothing else): a check takes the longer of the two, not their sum.
 */
public final class PolicyLoader {

    private static final Logger LOG = Logger.getLogger(PolicyLoader.class);

    private final long cacheEntries;
    private final boolean blockOnWarnings;
    private final EvaluationBounds bounds;
    private final DmnValidation validation = new DmnValidation();
    /** The validator's thread, gone after a minute without a check, so an idle loader holds none. */
    private final ThreadPoolExecutor validatorThread = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "policy-validator");
                t.setDaemon(true);
                t.setContextClassLoader(null);
                return t;
            });

    {
        validatorThread.allowCoreThreadTimeOut(true);
    }

    /** The validator's findings and when it had them. */
    private record Validated(DmnValidation.Findings findings, long at) {
    }

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
        Future<Validated> validating = validateAside(files);
        List<PolicyDiagnostic> build = new ArrayList<>();
        CompiledPolicy compiled = compile(files, build);
        long compiledAt = System.nanoTime();
        Validated done = await(validating);
        DmnValidation.Findings validated = done.findings();
        long validatedAt = done.at();
        if (!validated.readable()) { // not well-formed XML: the XML parser's finding alone names the problem
            compiled = null;
            build.clear();
        }
        checkInterrupted();
        long bothAt = Math.max(compiledAt, validatedAt);
        PolicyEngine engine = compiled == null ? null : engine(compiled, build);
        long readyAt = System.nanoTime();
        List<ScenarioResult> scenarios = compiled == null ? List.of()
                : ScenarioRunner.run(engine != null ? engine : new PolicyEngine(compiled, 0, bounds), files);
        long end = System.nanoTime();
        List<PolicyDiagnostic> blocking = blocking(build, validated.diagnostics(), scenarios);
        long durationMs = (end - start) / 1_000_000;
        String phases = String.format("validator %d ms beside the Drools build %d ms, engine and cache check %d ms, "
                + "scenarios %d ms", ms(validatedAt - start), ms(compiledAt - start), ms(readyAt - bothAt), ms(end - readyAt));
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

    /**
     * The validator on a thread of this loader's, with the caller's context class loader (under
     * Quarkus' test and dev modes that is the application's, which kie reads its services from).
     */
    private Future<Validated> validateAside(PolicyFiles files) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return validatorThread.submit(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader own = thread.getContextClassLoader();
            thread.setContextClassLoader(context);
            try {
                return new Validated(validate(files), System.nanoTime());
            } finally {
                thread.setContextClassLoader(own);
            }
        });
    }

    /** The validator's findings; a check given up while it waits stops the validator too. */
    private static Validated await(Future<Validated> validating) {
        try {
            return validating.get();
        } catch (InterruptedException e) {
            validating.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("The check was given up: its time limit passed");
        } catch (ExecutionException e) { // validate() answers every RuntimeException with a finding
            throw new IllegalStateException("The DMN validator failed", e.getCause());
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
