package com.incidents.severity.audit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.engine.Facts;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.model.NextEscalation;
import com.incidents.severity.decision.model.ResponseTargets;
import com.incidents.severity.request.DecisionRequest;

/**
 * The canonical form of a record is what the hash chain covers and what auditors export, so its
 * exact text is pinned here: field order, nulls for absent facts, and only the explanation lines
 * that the request adds to its trace.
 */
class AuditRecordsTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final AuditRecords records = new AuditRecords();
    private DecisionRequest request;

    @BeforeEach
    void setUp() throws Exception {
        records.json = mapper;
        var body = mapper.readTree("{\"capability\":\"App UI\",\"incidentType\":\"outage\",\"durationMinutes\":121}");
        var facts = new Facts(null, null, null, "App UI", null, "OUTAGE", 121L, null);
        request = new DecisionRequest(facts, null, null, false, Instant.parse("2026-11-24T10:00:00Z"), body);
    }

    @Test
    void decidedRecordHasItsCanonicalText() {
        var decision = new Decision("id-1", "SEV2", "CAPABILITY", null, "SEV2", null, "C1",
                new ResponseTargets("MAJOR", 15, 30, "Page the on-call team", null, Instant.parse("2026-11-24T10:30:00Z")),
                new NextEscalation(Instant.parse("2026-11-24T12:00:00Z"), "SEV1", 301),
                List.of(), List.of("Capability: App UI is tier C1", "Duration: 121 minutes",
                        "Unless resolved by 12:00, SEV1"),
                "sha256:abc", Instant.parse("2026-11-24T10:00:00.5Z"), request.facts());

        String text = records.decided(decision, new AuditEntry.Trace("t-hash", "{}"), request, new Caller("alice", "ops-bot"), 42);

        assertEquals("{\"decisionId\":\"id-1\",\"decidedAt\":\"2026-11-24T10:00:00.500Z\",\"caller\":\"alice\",\"clientLabel\":\"ops-bot\","
                + "\"policyVersion\":\"sha256:abc\",\"status\":\"DECIDED\",\"evaluationMicros\":42,"
                + "\"request\":{\"capability\":\"App UI\",\"incidentType\":\"outage\",\"durationMinutes\":121},"
                + "\"facts\":{\"impactLevel\":null,\"affectedUsers\":null,\"affectedApps\":null,\"capability\":\"App UI\","
                + "\"statedTier\":null,\"incidentType\":\"OUTAGE\",\"durationMinutes\":121,\"partnerReports\":null},"
                + "\"result\":{\"severity\":\"SEV2\",\"basis\":\"CAPABILITY\",\"impactSeverity\":null,"
                + "\"capabilitySeverity\":\"SEV2\",\"escalationSeverity\":null,\"capabilityTier\":\"C1\","
                + "\"responseTargets\":{\"class\":\"MAJOR\",\"investigationDueAt\":null,"
                + "\"statusUpdateDueAt\":\"2026-11-24T10:30:00Z\"},"
                + "\"nextEscalation\":{\"at\":\"2026-11-24T12:00:00Z\",\"severity\":\"SEV1\",\"afterMinutes\":301},"
                + "\"explanationAdded\":[\"Duration: 121 minutes\",\"Unless resolved by 12:00, SEV1\"]},"
                + "\"traceHash\":\"t-hash\",\"error\":null}", text);
    }

    @Test
    void decidedRecordWithoutTargetsOrEscalationWritesNulls() {
        var decision = new Decision("id-2", "SEV3", "IMPACT", "SEV3", null, null, null, null, null, List.of(),
                List.of(), "sha256:abc", Instant.parse("2026-11-24T10:00:00Z"), request.facts());

        String text = records.decided(decision, new AuditEntry.Trace("t", "{}"), request, new Caller("alice", null), 7);

        assertTrue(text.contains("\"responseTargets\":null,\"nextEscalation\":null,\"explanationAdded\":[]}"),
                text);
    }

    @Test
    void failedRecordCarriesTheErrorAndNoResult() {
        String text = records.failed("id-3", "2026-11-24T10:00:00Z", request, "sha256:abc", new Caller("alice", null), 9,
                "Model 'Incident severity' failed: \"boom\"");

        assertTrue(text.endsWith("\"result\":null,\"traceHash\":null,"
                + "\"error\":\"Model 'Incident severity' failed: \\\"boom\\\"\"}"), text);
    }
}
