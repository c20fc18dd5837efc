package com.incidents.severity.engine.compile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drools.drl.ast.descr.PackageDescr;

import com.incidents.severity.engine.model.PolicyDiagnostic;

/**
 * What the first wall said of a policy: its refusals (empty when it may be built) and Drools' parse
 * of each DRL file (path to description) that the check read, which is what the compiler builds.
 */
public record CheckedPolicy(List<PolicyDiagnostic> refusals, Map<String, PackageDescr> drl) {

    public CheckedPolicy {
        refusals = List.copyOf(refusals);
        drl = Collections.unmodifiableMap(new LinkedHashMap<>(drl));
    }
}
