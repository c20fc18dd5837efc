package com.incidents.severity.audit.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.request.DecisionRequest;

/**
 * Writes the canonical JSON of a decision record, shaped for an auditor: the request as received,
 * the normalised facts, the result, the error if there was one, and the hash of its trace (see
 * {@link AuditTraces}). It runs once per decision, so it streams instead of building a tree.
 */
@ApplicationScoped
public class AuditRecords {

    @Inject
    ObjectMapper json;

    public String decided(Decision d, AuditEntry.Trace trace, DecisionRequest request, Caller caller, long micros) {
        return decided(d, trace, request, caller, micros, null);
    }

    /** With {@code attached}'s member last (absent when null, so records without one hash as before). */
    public String decided(Decision d, AuditEntry.Trace trace, DecisionRequest request, Caller caller, long micros,
            com.incidents.severity.decision.model.Attached attached) {
        return write(g -> {
            header(g, d.decisionId(), d.decidedAt().toString(), caller, d.policyVersion(), "DECIDED", micros, request);
            g.writeObjectFieldStart("result");
            g.writeStringField("severity", d.severity());
            g.writeStringField("basis", d.basis());
            g.writeStringField("impactSeverity", d.impactSeverity());
            g.writeStringField("capabilitySeverity", d.capabilitySeverity());
            g.writeStringField("escalationSeverity", d.escalationSeverity());
            g.writeStringField("capabilityTier", d.capabilityTier());
            var targets = d.responseTargets();
            g.writeFieldName("responseTargets");
            if (targets == null) {
                g.writeNull();
            } else { // the handling text is in the trace; only what this request adds is kept here
                g.writeStartObject();
                g.writeStringField("class", targets.responseClass());
                g.writeStringField("investigationDueAt", text(targets.investigationDueAt()));
                g.writeStringField("statusUpdateDueAt", text(targets.statusUpdateDueAt()));
                g.writeEndObject();
            }
            var next = d.nextEscalation();
            g.writeFieldName("nextEscalation");
            if (next == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeStringField("at", next.at().toString());
                g.writeStringField("severity", next.severity());
                g.writeNumberField("afterMinutes", next.afterMinutes());
                g.writeEndObject();
            }
            // The explanation is the trace's, with the lines this request adds (duration so far, next escalation).
            g.writeArrayFieldStart("explanationAdded");
            for (String line : d.explanation()) {
                if (line.startsWith("Duration: ") || line.startsWith("Unless resolved")) {
                    g.writeString(line);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("traceHash", trace.hash());
            g.writeNullField("error");
            if (attached != null) {
                g.writeFieldName(attached.field());
                g.writeTree(attached.value());
            }
        });
    }

    public String failed(String decisionId, String decidedAt, DecisionRequest request, String version,
            Caller caller, long micros, String error) {
        return write(g -> {
            header(g, decisionId, decidedAt, caller, version, "FAILED", micros, request);
            g.writeNullField("result");
            g.writeNullField("traceHash");
            g.writeStringField("error", error);
        });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void header(JsonGenerator g, String id, String decidedAt, Caller caller, String version,
            String status, long micros, DecisionRequest request) throws IOException {
        g.writeStringField("decisionId", id);
        g.writeStringField("decidedAt", decidedAt);
        g.writeStringField("caller", caller.name());
        g.writeStringField("clientLabel", caller.label()); // the caller's own label, not verified
        g.writeStringField("policyVersion", version);
        g.writeStringField("status", status);
        g.writeNumberField("evaluationMicros", micros);
        g.writeFieldName("request");
        g.writeTree(request.body());
        var f = request.facts();
        g.writeObjectFieldStart("facts");
        g.writeStringField("impactLevel", f.impactLevel());
        number(g, "affectedUsers", f.affectedUsers());
        number(g, "affectedApps", f.affectedApps());
        g.writeStringField("capability", f.capability());
        g.writeStringField("statedTier", f.statedTier());
        g.writeStringField("incidentType", f.incidentType());
        number(g, "durationMinutes", f.durationMinutes());
        number(g, "partnerReports", f.partnerReports());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    /** Streams one record object: no intermediate tree, since this runs once per decision. */
    private String write(RecordBody body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private interface RecordBody {
        void write(JsonGenerator g) throws IOException;
    }
}
