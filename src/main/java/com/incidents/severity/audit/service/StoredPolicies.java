package com.incidents.severity.audit.service;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.incidents.severity.audit.store.RecordQueries;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.PolicyConfig;
import com.incidents.severity.policy.service.PolicyService;

/**
 * Policy versions as the audit trail keeps them: the one in force, or one rebuilt from the text
 * stored with the decisions it made (a few kept built at a time). Replays evaluate with them; the
 * console draws their tables.
 */
@ApplicationScoped
public class StoredPolicies {

    @Inject
    RecordQueries queries;

    @Inject
    PolicyService policies;

    @Inject
    ObjectMapper json;

    @Inject
    PolicyConfig bounds;

    private final Cache<String, PolicyEngine> versions = Caffeine.newBuilder().maximumSize(4).build();

    /** The version in force if it is that one, else the stored text built; empty when neither has it. */
    public Optional<CompiledPolicy> policy(String version) throws Exception {
        if (policies.loaded() && policies.current().version().equals(version)) {
            return Optional.of(policies.current().policy());
        }
        if (queries.policyFiles(version).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(engine(version).policy());
    }

    /** The engine of a stored version, built from its stored text (the caller checks the text first). */
    public PolicyEngine engine(String version) throws Exception {
        PolicyEngine engine = versions.getIfPresent(version);
        if (engine == null) {
            String files = queries.policyFiles(version)
                    .orElseThrow(() -> new IllegalStateException("Policy " + version + " is not stored"));
            Map<String, byte[]> contents = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.readTree(files).fields(); it.hasNext();) {
                var file = it.next();
                contents.put(file.getKey(), file.getValue().asText().getBytes(StandardCharsets.UTF_8));
            }
            engine = new PolicyEngine(new PolicyCompiler().compile(PolicyFiles.of("audit:" + version, contents)), 0,
                    bounds.evaluation().bounds());
            versions.put(version, engine);
        }
        return engine;
    }
}
