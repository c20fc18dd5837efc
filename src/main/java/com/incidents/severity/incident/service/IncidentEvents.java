package com.incidents.severity.incident.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import com.incidents.severity.incident.model.Incident;
import com.incidents.severity.incident.model.TargetClock;
import com.incidents.severity.incident.model.Trigger;

/**
 * The events a decision about an incident causes, as CloudEvents 1.0 in structured JSON mode: each
 * names the incident (subject), the decision and the policy version, and what changed.
 */
@ApplicationScoped
public class IncidentEvents {

    public static final String PREFIX = "com.incidents.severity.incident.";
    public static final String SEVERITY_CHANGED = PREFIX + "severity.changed";
    public static final String ESCALATION_CHANGED = PREFIX + "escalation.changed";
    public static final String TARGET_MISSED = PREFIX + "target.missed";
    public static final String RESOLVED = PREFIX + "resolved";
    public static final String OVERRIDE_SET = PREFIX + "override.set";
    public static final String OVERRIDE_LIFTED = PREFIX + "override.lifted";
    public static final List<String> TYPES = List.of(SEVERITY_CHANGED, ESCALATION_CHANGED, TARGET_MISSED, RESOLVED,
            OVERRIDE_SET, OVERRIDE_LIFTED);

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    @Inject
    ObjectMapper json;

    List<ObjectNode> caused(Incident before, Incident after, Trigger trigger, List<TargetClock> missed,
            String overrideReason, String actor) {
        List<ObjectNode> events = new ArrayList<>(2);
        if (trigger == Trigger.OVERRIDE) {
            ObjectNode data = data(after, trigger);
            data.put("severity", after.override() == null ? null : after.override().severity());
            data.put("engineSeverity", after.engineSeverity());
            data.put("reason", overrideReason);
            data.put("by", actor);
            events.add(event(after.override() != null ? OVERRIDE_SET : OVERRIDE_LIFTED, after, data));
        }
        if (before == null || !Objects.equals(before.severity(), after.severity())) {
            ObjectNode data = data(after, trigger);
            data.put("from", before == null ? null : before.severity());
            data.put("to", after.severity());
            events.add(event(SEVERITY_CHANGED, after, data));
        }
        if (!Objects.equals(before == null ? null : before.nextEscalation(), after.nextEscalation())
                && (before != null || after.nextEscalation() != null)) {
            ObjectNode data = data(after, trigger);
            data.set("nextEscalation", json.valueToTree(after.nextEscalation()));
            events.add(event(ESCALATION_CHANGED, after, data));
        }
        for (TargetClock c : missed) {
            ObjectNode data = data(after, trigger);
            data.put("target", c.target());
            data.put("dueAt", c.dueAt().toString());
            data.put("lateSeconds", c.lateSeconds());
            events.add(event(TARGET_MISSED, after, data));
        }
        if (trigger == Trigger.RESOLVE) {
            ObjectNode data = data(after, trigger);
            data.put("resolvedAt", after.resolvedAt().toString());
            data.put("severity", after.severity());
            events.add(event(RESOLVED, after, data));
        }
        return events;
    }

    private ObjectNode data(Incident after, Trigger trigger) {
        ObjectNode data = json.createObjectNode();
        data.put("incident", after.key());
        data.put("decisionId", after.latestDecisionId());
        data.put("policyVersion", after.policyVersion());
        data.put("trigger", trigger.name());
        return data;
    }

    private ObjectNode event(String type, Incident after, ObjectNode data) {
        ObjectNode e = json.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", IDS.generate().toString());
        e.put("source", "/api/v1/incidents/" + URLEncoder.encode(after.key(), StandardCharsets.UTF_8));
        e.put("type", type);
        e.put("subject", after.key());
        e.put("time", after.updatedAt().toString());
        e.put("datacontenttype", "application/json");
        e.set("data", data);
        return e;
    }
}
