package com.incidents.severity.request;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.PolicyTypeEdits;
import com.incidents.severity.support.Fixture;

/** The capability facts are required when, and only when, the engine's outcome says that framework applied. */
class CapabilityFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String COUNTS_AND_SOME_CAPABILITY_FACTS =
            "{\"impactLevel\":\"MAJOR\",\"affectedUsers\":2000,\"capabilityTier\":\"C1\"}";

    /** The combination rules edited so that counts never take precedence: the capability framework always applies. */
    private static PolicyEngine countsNeverTakePrecedence() {
        return PolicyTypeEdits.engine(Fixture.copyWithEdit(PolicyEdits.DRL, drl -> drl
                .replace("$a : Assessment( basis == null, impactBand != \"NONE\" )",
                        "$a : Assessment( basis == null, impactBand != \"NONE\", basis == \"never\" )")
                .replace("$a : Assessment( basis == null, impactBand == \"NONE\" )", "$a : Assessment( basis == null )")));
    }

    @Test
    void underTheShippedRulesCountsWithIncompleteCapabilityFactsAreDecided() {
        PolicyEngine engine = Fixture.engine();
        DecisionRequest request = parse(engine, COUNTS_AND_SOME_CAPABILITY_FACTS);

        Outcome outcome = engine.decide(request.facts());

        assertEquals(List.of(), CapabilityFacts.missing(request, outcome));
        assertNotNull(DecisionService.evaluate(engine, request).decision());
    }

    @Test
    void underRulesWhereCountsNeverTakePrecedenceTheSameRequestIsRefused() {
        PolicyEngine engine = countsNeverTakePrecedence();
        DecisionRequest request = parse(engine, COUNTS_AND_SOME_CAPABILITY_FACTS);

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> DecisionService.evaluate(engine, request));

        assertEquals(List.of("incidentType", "durationMinutes"), fields(e.problem().errors()));
    }

    @Test
    void aFrameworkLaterOverriddenByEscalationStillNeedsItsFacts() {
        PolicyEngine engine = countsNeverTakePrecedence();
        DecisionRequest request = parse(engine,
                "{\"impactLevel\":\"MAJOR\",\"affectedUsers\":2000,\"incidentType\":\"OUTAGE\",\"partnerReports\":1000}");
        Outcome outcome = engine.decide(request.facts());
        assertTrue(outcome.chose("CAPABILITY"), () -> "bases " + outcome.basesChosen());

        assertEquals(List.of("capability", "durationMinutes"), fields(CapabilityFacts.missing(request, outcome)));
    }

    @Test
    void everyMissingCapabilityFactIsNamedAtOnce() {
        PolicyEngine engine = Fixture.engine();
        DecisionRequest request = parse(engine, "{\"incidentType\":\"OUTAGE\"}");

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> DecisionService.evaluate(engine, request));

        assertEquals(List.of("capability", "durationMinutes"), fields(e.problem().errors()));
        e.problem().errors().forEach(f -> assertFalse(f.message().isBlank()));
    }

    @Test
    void partnerReportsAloneNeedNoCapabilityFacts() {
        PolicyEngine engine = Fixture.engine();
        DecisionRequest request = parse(engine, "{\"partnerReports\":3}");

        assertEquals(List.of(), CapabilityFacts.missing(request, engine.decide(request.facts())));
    }

    @Test
    void aRequestWithNothingToDecideOnIsStillRefusedByTheParser() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> parse(Fixture.engine(), "{\"impactLevel\":\"MAJOR\"}"));

        assertEquals(List.of("body"), fields(e.problem().errors()));
    }

    private static DecisionRequest parse(PolicyEngine engine, String body) {
        return RequestParser.parse(PolicyAllowedValuesTest.json(body), engine.policy(), NOW);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
