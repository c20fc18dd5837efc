package com.incidents.severity.request;

import static com.incidents.severity.engine.model.PolicyContract.DURATION_MINUTES;
import static com.incidents.severity.engine.model.PolicyContract.INCIDENT_TYPE;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.PolicyTypeEdits;
import com.incidents.severity.support.Fixture;

/** The parser allows what the DMN types of the policy in force allow, read when the policy is compiled. */
class PolicyAllowedValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anIncidentTypeAddedToTheDmnTypeIsAccepted() {
        PolicyEngine engine = PolicyTypeEdits.engine(Fixture.copyWithEdit(PolicyEdits.DMN,
                dmn -> PolicyTypeEdits.addIncidentType(dmn, "SECURITY", "SEV1")));
        assertTrue(engine.policy().inputTypes().of(INCIDENT_TYPE).values().contains("SECURITY"));

        DecisionRequest request = parse(engine.policy(),
                "{\"capabilityTier\":\"C2\",\"incidentType\":\" security \",\"durationMinutes\":5}");

        assertEquals("SECURITY", request.facts().incidentType());
        assertTrue(engine.evaluateWithEngine(request.facts()).firedRules().stream()
                .anyMatch(r -> PolicyTypeEdits.ADDED_ROW.equals(r.annotation())));
    }

    @Test
    void theShippedPolicyRefusesThatTypeAndListsItsOwn() {
        CompiledPolicy policy = Fixture.engine().policy();
        List<String> allowed = policy.inputTypes().of(INCIDENT_TYPE).values();
        assertFalse(allowed.isEmpty());
        assertFalse(allowed.contains("SECURITY"));

        FieldError error = refused(policy, "{\"capabilityTier\":\"C2\",\"incidentType\":\"SECURITY\",\"durationMinutes\":5}",
                "incidentType");

        assertEquals(allowed, error.suggestions());
        allowed.forEach(v -> assertTrue(error.message().contains(v), error.message()));
    }

    @Test
    void anIncidentTypeRemovedFromTheDmnTypeIsRefusedWithTheRemainingList() {
        CompiledPolicy shipped = Fixture.engine().policy();
        List<String> before = shipped.inputTypes().of(INCIDENT_TYPE).values();
        String removed = before.get(before.size() - 1);
        String kept = before.get(0);
        CompiledPolicy policy = PolicyTypeEdits.engine(Fixture.copyWithEdit(PolicyEdits.DMN,
                dmn -> PolicyTypeEdits.removeIncidentType(dmn, removed))).policy();
        List<String> after = policy.inputTypes().of(INCIDENT_TYPE).values();
        assertEquals(before.subList(0, before.size() - 1), after);

        FieldError error = refused(policy, "{\"capabilityTier\":\"C1\",\"incidentType\":\"" + removed.toLowerCase()
                + "\",\"durationMinutes\":5}", "incidentType");

        assertEquals(after, error.suggestions());
        assertTrue(error.message().contains(kept), error.message());
        assertFalse(error.message().contains(removed), error.message());
        assertEquals(kept, parse(policy, "{\"capabilityTier\":\"C1\",\"incidentType\":\"" + kept
                + "\",\"durationMinutes\":5}").facts().incidentType());
    }

    @Test
    void aDurationOutsideTheDmnConstraintIsRefusedNamingTheConstraint() {
        CompiledPolicy policy = PolicyTypeEdits.engine(Fixture.copyWithEdit(PolicyEdits.DMN,
                dmn -> PolicyTypeEdits.constrainDuration(dmn, "[0..10080]"))).policy();
        assertEquals("[0..10080]", policy.inputTypes().of(DURATION_MINUTES).constraint());

        FieldError error = refused(policy, "{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":20000}",
                "durationMinutes");

        assertTrue(error.message().contains("[0..10080]"), error.message());
        assertEquals(20000L, ((Number) error.rejectedValue()).longValue());
        assertEquals(10080L, parse(policy,
                "{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":10080}").facts().durationMinutes());
    }

    @Test
    void aDurationMeasuredFromStartedAtIsHeldToTheSameConstraint() {
        CompiledPolicy policy = PolicyTypeEdits.engine(Fixture.copyWithEdit(PolicyEdits.DMN,
                dmn -> PolicyTypeEdits.constrainDuration(dmn, "[0..10080]"))).policy();

        FieldError error = refused(policy, "{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\""
                + NOW.minusSeconds(20000 * 60L) + "\"}", "startedAt");

        assertTrue(error.message().contains("[0..10080]"), error.message());
    }

    @Test
    void withoutAConstraintAnyWholeNumberGoesToTheEngine() {
        CompiledPolicy policy = Fixture.engine().policy();
        assertFalse(policy.inputTypes().of(DURATION_MINUTES).constrained());

        assertEquals(20000L, parse(policy,
                "{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":20000}").facts().durationMinutes());
    }

    private static DecisionRequest parse(CompiledPolicy policy, String body) {
        return RequestParser.parse(json(body), policy, NOW);
    }

    private static FieldError refused(CompiledPolicy policy, String body, String field) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parse(policy, body));
        return e.problem().errors().stream().filter(f -> f.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no error on " + field + ": " + e.problem().errors()));
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
