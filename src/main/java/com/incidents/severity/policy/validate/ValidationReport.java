package com.incidents.severity.policy.validate;

import java.io.PrintStream;
import java.util.List;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.scenario.ScenarioResult;
import com.incidents.severity.policy.service.PolicyCheck;

/** The editor's report on a policy check: build, validator findings, every scenario, a verdict. */
final class ValidationReport {

    private ValidationReport() {
    }

    static void print(PolicyCheck check, PrintStream out) {
        out.println("Policy folder: " + check.files().origin());
        out.println("Version:       " + check.files().version() + " (" + check.files().files().size() + " files)");
        out.println();
        out.println("Build: " + (check.built() ? "OK" : "FAILED"));
        list(check.build(), out);
        long errors = check.validation().stream().filter(PolicyDiagnostic::isError).count();
        out.println("DMN validator: " + errors + " errors, " + (check.validation().size() - errors) + " warnings");
        list(check.validation(), out);
        out.println("Scenarios: " + (check.built() ? check.scenarios().size() + " run, " + check.scenariosFailed()
                + " failed" : "not run (the policy does not build)"));
        for (ScenarioResult r : check.scenarios()) {
            out.println("  " + (r.passed() ? "PASS " : "FAIL ") + r);
        }
        List<PolicyDiagnostic> other = check.blocking().stream()
                .filter(d -> !check.build().contains(d) && !check.validation().contains(d))
                .filter(d -> d.file() == null || !d.file().startsWith("scenarios/"))
                .toList();
        list(other, out);
        out.println();
        out.println(verdict(check));
    }

    private static void list(List<PolicyDiagnostic> diagnostics, PrintStream out) {
        diagnostics.forEach(d -> out.println("  " + d));
    }

    private static String verdict(PolicyCheck check) {
        if (check.accepted()) {
            return "ACCEPTED: the service would put " + check.files().version() + " in force ("
                    + check.scenarios().size() + " scenarios passed, " + check.validation().size()
                    + " validator warnings, " + check.durationMs() + " ms).";
        }
        int n = check.blocking().size();
        return "REFUSED: " + n + (n == 1 ? " problem" : " problems")
                + "; the service would keep the policy in force (" + check.durationMs() + " ms).";
    }
}
