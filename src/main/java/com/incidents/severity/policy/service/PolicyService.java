package com.incidents.severity.policy.service;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.policy.PolicyConfig;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.model.PolicyChanged;
import com.incidents.severity.policy.model.PolicyVersion;
import com.incidents.severity.policy.model.PolicyView;
import com.incidents.severity.policy.model.ReloadAttempt;
import com.incidents.severity.policy.model.ReloadTrigger;
import com.incidents.severity.problem.ErrorIds;

import io.quarkus.runtime.StartupEvent;

/**
 * Holds the policy in force and replaces it on reload. A candidate that fails any check never
 * replaces the policy serving; if none has ever loaded, the service stays up but not ready, and
 * decisions answer 503. The swap is one atomic write: a request holds the engine it started with,
 * so requests in flight finish on the old version and later ones get the new one.
 */
@ApplicationScoped
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    @Inject
    PolicyConfig config;

    @Inject
    ReloadMetrics metrics;

    @Inject
    Event<PolicyChanged> changed;

    @Inject
    SharedPolicies shared;

    private final AtomicReference<PolicyEngine> current = new AtomicReference<>();
    private final ReloadHistory history = new ReloadHistory();
    private PolicyLoader loader;
    private final Object candidateLoaderLock = new Object();
    /** Reload checks, one at a time (reloads are synchronized), each within severity.reload.time-limit. */
    private final TimeLimit reloadThread = new TimeLimit("policy-reload");
    private PolicyLoader candidateLoader;
    private final RecentChecks recentChecks = new RecentChecks();
    /** The files of the version in force (null before the first). */
    private volatile PolicyFiles inForceFiles;

    void onStart(@Observes StartupEvent event) {
        reload(ReloadTrigger.STARTUP);
    }

    /** The policy in force, or 503 for the caller if none has loaded. */
    public PolicyEngine current() {
        PolicyEngine engine = current.get();
        if (engine == null) {
            throw new PolicyUnavailableException("No policy is loaded: " + lastErrors());
        }
        return engine;
    }

    /**
     * Whether {@code version} is the one the deployment has in force (the shared database's), or
     * there is no shared version to compare with: a replica still following a publish is not.
     */
    public boolean isDeploymentVersion(String version) {
        return shared.versionInForce().map(version::equals).orElse(true);
    }

    public boolean loaded() {
        return current.get() != null;
    }

    /** What refused the last attempt (empty if it was accepted). */
    public List<PolicyDiagnostic> lastErrors() {
        return history.lastAttempt().map(ReloadAttempt::diagnostics).orElse(List.of());
    }

    public Optional<ReloadAttempt> lastAttempt() {
        return history.lastAttempt();
    }

    /** The versions that have been in force, oldest first; the last one is in force. */
    public List<PolicyVersion> versions() {
        return history.versions();
    }

    /**
     * Reads, builds and checks the configured rules, and puts them in force if they pass. At startup,
     * the version the replicas share is read instead where it was published on top of the folder's
     * (or the packaged copy's) version: this replica is behind (README, "Source of truth").
     */
    public synchronized ReloadAttempt reload(ReloadTrigger trigger) {
        return load(trigger, trigger == ReloadTrigger.STARTUP ? this::startingFiles : this::read);
    }

    /**
     * Puts in force the version another replica put in force (read from the shared database), after
     * exactly a reload's checks; written into the rules folder too where a publish would write it.
     */
    public synchronized ReloadAttempt follow(PolicyFiles files) {
        return load(ReloadTrigger.REPLICA, () -> files);
    }

    private ReloadAttempt load(ReloadTrigger trigger, java.util.function.Supplier<PolicyFiles> source) {
        Instant at = Instant.now();
        PolicyEngine inForce = current.get();
        Reload reload = new Reload(at, trigger, origin());
        try {
            PolicyFiles files = source.get();
            if (inForce != null && inForce.version().equals(files.version())) {
                reload.unchanged(files);
            } else {
                PolicyCheck check = checkWithinLimit(files);
                if (check.accepted()) {
                    boolean fromShared = files.origin().startsWith(SharedPolicies.ORIGIN); // never claimed back
                    boolean follows = fromShared
                            || shared.claim(null, files, trigger) == SharedPolicy.Claim.ALREADY_SHARED;
                    if (fromShared && writesFolder()) {
                        String problem = FolderPublish.write(config.rules().dir().get(), files);
                        if (problem != null) {
                            LOG.warnf("Version %s is in force from the database; the rules folder was not written: %s",
                                    files.version(), problem);
                        }
                    }
                    putInForce(check.engine(), files, trigger, PolicyChanged.ChangeAuthors.NONE, null, null,
                            follows && trigger != ReloadTrigger.STARTUP);
                }
                reload.checked(check, current.get());
            }
        } catch (UncheckedIOException e) {
            reload.unreadable(e.getCause(), inForce);
        } catch (RuntimeException e) { // a bug: logged with its stack trace, not dressed as a file problem
            reload.failedUnexpectedly(ErrorIds.logged(LOG, e, "Policy reload (" + trigger + ") failed unexpectedly; "
                    + (inForce == null ? "no policy is in force" : "keeping " + inForce.version())), inForce);
        }
        ReloadAttempt attempt = reload.attempt();
        history.attempted(attempt);
        metrics.record(attempt, reload.built());
        metrics.inForce(current.get() == null ? null : current.get().version());
        reload.log();
        return attempt;
    }

    /** The files to start on: the configured ones, or the shared version where it was published on top of them. */
    private PolicyFiles startingFiles() {
        PolicyFiles local = read();
        return shared.startingFiles(local).orElse(local);
    }

    /** The reload's checks on a thread of their own, given up past {@code severity.reload.time-limit}. */
    private PolicyCheck checkWithinLimit(PolicyFiles files) {
        Duration limit = config.reload().timeLimit();
        try {
            return reloadThread.call(() -> loader().check(files), limit);
        } catch (TimeoutException e) {
            List<PolicyDiagnostic> refused = List.of(PolicyDiagnostic.error(null, null, "The checks of the policy did not"
                    + " finish within " + limit.toSeconds() + " s (severity.reload.time-limit); it is refused"));
            return new PolicyCheck(files, null, false, List.of(), List.of(), List.of(), refused, limit.toMillis(),
                    "given up at the time limit");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        reloadThread.shutdown();
    }

    /** The policy in force as the API shows it; its record is looked up by the engine's own version. */
    public PolicyView view() {
        PolicyEngine engine = current.get();
        ReloadAttempt last = history.lastAttempt().orElse(null);
        Optional<PolicyVersion> version = engine == null ? Optional.empty() : history.latest(engine.version());
        if (version.isEmpty()) {
            return new PolicyView(null, null, origin(), null, List.of(), null, null, last, List.of());
        }
        PolicyVersion v = version.get();
        return new PolicyView(v.version(), v.loadedAt(), v.origin(), v.trigger(), v.files(), engine.cacheStatus(),
                engine.nextEscalationStatus(), last, List.copyOf(engine.policy().tables().values()));
    }

    private void putInForce(PolicyEngine engine, PolicyFiles files, ReloadTrigger trigger,
            PolicyChanged.ChangeAuthors by, String comment, Object impact, boolean follows) {
        PolicyFiles before = inForceFiles;
        Instant at = Instant.now();
        history.inForce(new PolicyVersion(engine.version(), files.origin(), trigger, files.fileInfos(), at, null));
        current.set(engine);
        inForceFiles = files;
        changed.fire(new PolicyChanged(trigger, before, files, by, comment, at, impact, follows));
    }

    /** The files of the version in force (null before the first). */
    public PolicyFiles inForceFiles() {
        return inForceFiles;
    }

    /**
     * Puts {@code files} in force at once if the version in force is still {@code base} and the files
     * pass exactly the checks a reload runs (the reload's loader, within its time limit); recorded as
     * a reload attempt with {@code trigger} (PUBLISH or ROLLBACK) and announced as a
     * {@link PolicyChanged} by {@code by} with {@code comment}. Where the rules folder may be written
     * ({@code severity.publish.write-folder}), the files are written into it first, atomically, under
     * the reload lock: a reload after it finds the same version. A folder that cannot be written
     * leaves the version in force from the caller's copy (the database's) all the same. The version
     * is claimed for every replica first: if another replica put a different version in force
     * meanwhile, the publish is {@code STALE}. {@code impact} is the replay impact measured for the
     * change record. {@code checked} is the candidate check of these same files (their version is
     * their content's hash) by the candidate loader, whose settings are the reload loader's: it is
     * the check a reload would run, so it is not run twice; null, or another version, is checked here.
     */
    public synchronized Publication publish(String base, PolicyFiles files, ReloadTrigger trigger,
            PolicyChanged.ChangeAuthors by, String comment, Object impact, PolicyCheck checked) {
        PolicyEngine inForce = current.get();
        String inForceVersion = inForce == null ? null : inForce.version();
        if (!java.util.Objects.equals(base, inForceVersion)) {
            return new Publication(Publication.Outcome.STALE, null, inForceVersion, null);
        }
        Instant at = Instant.now();
        Reload reload = new Reload(at, trigger, files.origin());
        PolicyCheck check = checked != null && checked.files().version().equals(files.version()) ? checked
                : checkWithinLimit(files);
        String folderProblem = null;
        if (check.accepted()) {
            if (shared.claim(base, files, trigger) == SharedPolicy.Claim.STALE) {
                return new Publication(Publication.Outcome.STALE, null, shared.versionInForce().orElse(inForceVersion), null);
            }
            folderProblem = folderProblem(files);
            putInForce(check.engine(), files, trigger, by, comment, impact, false);
        }
        reload.checked(check, current.get());
        ReloadAttempt attempt = reload.attempt();
        history.attempted(attempt);
        metrics.record(attempt, reload.built());
        metrics.inForce(current.get() == null ? null : current.get().version());
        reload.log();
        return new Publication(check.accepted() ? Publication.Outcome.IN_FORCE : Publication.Outcome.REFUSED, check,
                current.get() == null ? null : current.get().version(), folderProblem);
    }

    /** Writes the files into the rules folder; null when written, else why not. */
    private String folderProblem(PolicyFiles files) {
        if (config.rules().dir().isEmpty()) {
            return "the service serves its packaged policy: there is no rules folder to write";
        }
        if (!config.publish().writeFolder()) {
            return "severity.publish.write-folder is false: the rules folder is not written";
        }
        return FolderPublish.write(config.rules().dir().get(), files);
    }

    /** Whether a publish would write the rules folder (a folder is served and writing it is not turned off). */
    public boolean writesFolder() {
        return config.rules().dir().isPresent() && config.publish().writeFolder();
    }

    private PolicyFiles read() {
        return config.rules().dir().map(PolicyReader::fromDirectory).orElseGet(PolicyReader::packaged);
    }

    private String origin() {
        return config.rules().dir().map(d -> d.toAbsolutePath().normalize().toString())
                .orElse("classpath:" + PolicyReader.PACKAGED_ROOT);
    }

    /**
     * Checks candidate files exactly as a reload would (the same checks and settings) without
     * putting them in force: the engine when accepted, and every finding. It takes neither this
     * service's lock nor the reload's loader: a slow candidate never holds up a reload or the
     * watcher. Candidates have a loader (and DMN validator) of their own. The same bytes checked
     * moments ago are not checked again ({@link RecentChecks}).
     */
    public PolicyCheck checkCandidate(PolicyFiles files) {
        return recentChecks.check(files, () -> candidateLoader().check(files));
    }

    private PolicyLoader candidateLoader() {
        synchronized (candidateLoaderLock) {
            if (candidateLoader == null) {
                candidateLoader = new PolicyLoader(config.cache().maxEntries(), config.reload().blockOnWarnings(),
                        config.evaluation().bounds());
            }
            return candidateLoader;
        }
    }

    private PolicyLoader loader() {
        if (loader == null) {
            loader = new PolicyLoader(config.cache().maxEntries(),
                    config.reload().blockOnWarnings(), config.evaluation().bounds());
        }
        return loader;
    }
}
