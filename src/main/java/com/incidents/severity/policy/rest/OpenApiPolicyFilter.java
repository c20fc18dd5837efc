package com.incidents.severity.policy.rest;

import static com.incidents.severity.engine.model.PolicyContract.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.CapabilityEntry;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.FeelLiterals;
import com.incidents.severity.engine.model.InputTypes;
import com.incidents.severity.engine.model.RuleRow;
import com.incidents.severity.policy.service.PolicyService;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Puts the allowed values of the policy in force into the served OpenAPI document, on every fetch
 * of /q/openapi ({@code quarkus.smallrye-openapi.always-run-filter=true}), so the document changes
 * with a reload. Each schema marked {@code x-allowed-values} (severity, impact-level,
 * capability-tier, incident-type, response-class, severity-or-none) gets an {@code enum} of the
 * values as the DMN spells them; one also marked {@code x-match: any-case} (a request field or
 * filter, which the service matches ignoring letter case and surrounding blanks) gets a
 * {@code pattern} that says exactly that. While no policy is in force they stay plain strings.
 * The schema marked {@code x-policy-files} (the preview's multipart body) gets one file part per
 * file of the policy in force, named by its path.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class OpenApiPolicyFilter implements OASFilter {

    static final String ALLOWED_VALUES = "x-allowed-values";
    static final String MATCH = "x-match";
    static final String POLICY_FILES = "x-policy-files";

    private PolicyEngine engine;
    private Map<String, List<String>> values = Map.of();

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getExtensions() != null && schema.getExtensions().containsKey(POLICY_FILES) && load()) {
            Map<String, Schema> parts = new java.util.LinkedHashMap<>();
            engine.policy().files().files().keySet().forEach(path -> parts.put(path,
                    OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("binary")));
            schema.setProperties(parts);
            return schema;
        }
        Object kind = schema.getExtensions() == null ? null : schema.getExtensions().get(ALLOWED_VALUES);
        if (kind == null || !load()) {
            return schema;
        }
        List<String> allowed = values.getOrDefault(kind.toString(), List.of());
        if (allowed.isEmpty()) {
            return schema;
        }
        if ("any-case".equals(schema.getExtensions().get(MATCH))) {
            List<String> alternatives = allowed.stream().map(OpenApiPolicyFilter::anyCase).toList();
            schema.setPattern("^\\s*(" + String.join("|", alternatives) + ")\\s*$");
            schema.setEnumeration(null);
            schema.setExample(allowed.get(0));
        } else {
            schema.setEnumeration(new ArrayList<>(allowed));
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (load() && openAPI.getInfo() != null) {
            openAPI.getInfo().addExtension("x-policy-version", engine.version());
        }
    }

    /** Reads the allowed values of the policy in force when it is not the one read last; false when none is in force. */
    private boolean load() {
        var container = Arc.container();
        if (container == null || !container.isRunning()) {
            return false;
        }
        PolicyService policies = container.instance(PolicyService.class).get();
        if (!policies.loaded()) {
            return false;
        }
        PolicyEngine inForce = policies.current();
        if (inForce != engine) {
            CompiledPolicy policy = inForce.policy();
            InputTypes types = policy.inputTypes();
            List<String> severities = union(types.severity().values(), List.of());
            values = Map.of(
                    "severity", severities,
                    "severity-or-none", severities.isEmpty() ? List.of() : union(severities, List.of(NONE), true),
                    "impact-level", types.of(IMPACT_LEVEL).values(),
                    "capability-tier", union(types.of(STATED_TIER).values(),
                            policy.catalog().entries().stream().map(CapabilityEntry::tier).toList()),
                    "incident-type", types.of(INCIDENT_TYPE).values(),
                    "response-class", responseClasses(policy));
            engine = inForce;
        }
        return true;
    }

    static String anyCase(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            String lower = new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
            String upper = new String(Character.toChars(c)).toUpperCase(Locale.ROOT);
            if (!lower.equals(upper) && lower.length() == 1 && upper.length() == 1) {
                out.append('[').append(upper).append(lower).append(']');
            } else if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    /** The response classes the response targets table can write (NONE means no targets). */
    private static List<String> responseClasses(CompiledPolicy policy) {
        DecisionTableInfo table = policy.table(TARGETS_MODEL, RESPONSE_TARGETS);
        if (table == null) {
            return List.of();
        }
        Set<String> classes = new LinkedHashSet<>();
        for (RuleRow row : table.rules()) {
            String text = row.outputEntries().get("responseClass");
            String c = FeelLiterals.stringOrNull(text);
            if (c == null && FeelLiterals.decode(text) != null) {
                return List.of(); // an expression: which classes it gives is not known here
            }
            if (c != null && !NONE.equals(c)) {
                classes.add(c);
            }
        }
        return List.copyOf(classes);
    }

    /** The values of both lists, in order, once each, without NONE (which the service answers as null). */
    private static List<String> union(List<String> first, List<String> second) {
        return union(first, second, false);
    }

    private static List<String> union(List<String> first, List<String> second, boolean keepNone) {
        Set<String> all = new LinkedHashSet<>();
        for (List<String> list : List.of(first, second)) {
            list.stream().filter(v -> v != null && (keepNone || !NONE.equals(v))).forEach(all::add);
        }
        return List.copyOf(all);
    }
}
