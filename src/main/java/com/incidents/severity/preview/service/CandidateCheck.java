package com.incidents.severity.preview.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.rest.PolicyRefusedProblem;
import com.incidents.severity.policy.service.PolicyCheck;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.policy.service.TimeLimit;
import com.incidents.severity.preview.CandidateRefusedException;
import com.incidents.severity.preview.PreviewConfig;
import com.incidents.severity.preview.model.CheckReport;

/**
 * The checks of a preview without its replay, for the editor's report as an editor works: files
 * that replace those of the policy in force (their paths checked as preview checks them) are
 * checked exactly as a reload would check them, within {@code severity.preview.time-limit}, and
 * every finding and scenario result is answered, accepted or not.
 */
@ApplicationScoped
public class CandidateCheck {

    @Inject
    PolicyService policies;

    @Inject
    PreviewConfig config;

    private final TimeLimit limit = new TimeLimit("policy-editor-check");

    @PreDestroy
    void stop() {
        limit.shutdown();
    }

    public CheckReport check(List<CandidatePart> parts) throws Exception {
        PolicyEngine current = policies.current();
        Map<String, byte[]> inForce = current.policy().files().files();
        Map<String, byte[]> files = new HashMap<>(inForce);
        files.putAll(CandidateParts.check(parts, inForce.keySet()));
        PolicyFiles candidate = PolicyFiles.of("editor", files);
        try {
            return limit.call(() -> report(current.version(), policies.checkCandidate(candidate)), config.timeLimit());
        } catch (TimeoutException e) {
            throw new CandidateRefusedException(PolicyRefusedProblem.candidate(current.version(), candidate.version(),
                    List.of(PolicyDiagnostic.error(null, null, "The checks of the candidate did not finish within "
                            + config.timeLimit().toSeconds() + " s (severity.preview.time-limit)")),
                    List.of()));
        }
    }

    private static CheckReport report(String inForce, PolicyCheck check) {
        List<PolicyDiagnostic> other = check.blocking().stream()
                .filter(d -> !check.build().contains(d) && !check.validation().contains(d))
                .filter(d -> d.file() == null || !d.file().startsWith("scenarios/"))
                .toList();
        return new CheckReport(check.files().version(), inForce, check.accepted(), check.built(), check.build(),
                check.validation(), other, check.scenarios(), check.durationMs());
    }
}
