package com.incidents.severity.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.Facts;

/**
 * A request's receivedAt becomes the decision's decidedAt, which the audit store keeps to the
 * microsecond and verify compares with the record: whoever makes a request, it holds no finer
 * instant than the column does.
 */
class DecisionRequestTest {

    private static final Facts FACTS = new Facts(null, null, null, null, null, null, null, 3L);

    @Test
    void receivedAtIsKeptToTheMicrosecond() {
        DecisionRequest request = new DecisionRequest(FACTS, null, null, false,
                Instant.parse("2026-11-28T12:00:00.123456789Z"), null);
        assertEquals(Instant.parse("2026-11-28T12:00:00.123456Z"), request.receivedAt());
    }

    @Test
    void noReceivedAtStaysNone() {
        assertNull(new DecisionRequest(FACTS, null, null, false, null, null).receivedAt());
    }
}
