package com.incidents.severity.policy.validate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.policy.service.PolicyCheck;
import com.incidents.severity.policy.service.PolicyLoader;
import com.incidents.severity.policy.service.TimeLimit;

/**
 * {@code validate [--block-on-warnings] FOLDER}: runs on a rules folder the checks the service runs
 * before it puts a policy in force, prints the report, and answers 0 if the policy would be
 * accepted, 1 otherwise. It needs no running service and starts no HTTP server. The checks run
 * within a time limit ({@value #TIME_LIMIT_PROPERTY}, 120 by default); past it the policy is refused.
 */
public final class ValidateCommand {

    static final String TIME_LIMIT_PROPERTY = "severity.validate.time-limit-seconds";
    static final String USAGE = "usage: validate [--block-on-warnings] RULES_FOLDER";
    /** The service's defaults (severity.cache.*), so the check is the one the service runs. */
    private static final long CACHE_ENTRIES = 100_000;
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.drools"), Logger.getLogger("org.kie"));

    private ValidateCommand() {
    }

    /** How long the checks may take: system property or env SEVERITY_VALIDATE_TIME_LIMIT_SECONDS, default 120. */
    static Duration timeLimit() {
        String value = System.getProperty(TIME_LIMIT_PROPERTY,
                System.getenv().getOrDefault("SEVERITY_VALIDATE_TIME_LIMIT_SECONDS", "120"));
        return Duration.ofSeconds(Long.parseLong(value.strip()));
    }

    /**
     * @param args the arguments after {@code validate}
     * @return the exit code: 0 accepted, 1 refused (or the folder cannot be read, or wrong usage)
     */
    public static int run(List<String> args, PrintStream out) {
        boolean blockOnWarnings = Boolean.parseBoolean(System.getProperty("severity.reload.block-on-warnings",
                System.getenv().getOrDefault("SEVERITY_RELOAD_BLOCK_ON_WARNINGS", "false")));
        List<String> folders = args.stream().filter(a -> !a.equals("--block-on-warnings")).toList();
        if (folders.size() != 1 || folders.get(0).startsWith("-")) {
            out.println(USAGE);
            return 1;
        }
        return validate(Path.of(folders.get(0)), blockOnWarnings || args.contains("--block-on-warnings"), out);
    }

    public static int validate(Path folder, boolean blockOnWarnings, PrintStream out) {
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
        PolicyFiles files;
        try {
            files = PolicyReader.fromDirectory(folder);
        } catch (RuntimeException e) {
            out.println("REFUSED: cannot read the policy: " + e.getMessage());
            return 1;
        }
        Duration limit = timeLimit();
        TimeLimit thread = new TimeLimit("policy-validate");
        PolicyCheck check;
        try {
            check = thread.call(() -> new PolicyLoader(CACHE_ENTRIES, blockOnWarnings).check(files), limit);
        } catch (TimeoutException e) {
            out.println("REFUSED: the checks did not finish within " + limit.toSeconds()
                    + " s (severity.validate.time-limit-seconds)");
            return 1;
        } catch (Exception e) {
            out.println("REFUSED: the checks failed: " + e);
            return 1;
        } finally {
            thread.shutdown();
        }
        ValidationReport.print(check, out);
        return check.accepted() ? 0 : 1;
    }
}
