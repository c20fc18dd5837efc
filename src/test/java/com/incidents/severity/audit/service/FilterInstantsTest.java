package com.incidents.severity.audit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.incidents.severity.problem.FieldError;

/** Filter instants outside what a database TIMESTAMP holds are refused, naming the field, instead of inverting. */
class FilterInstantsTest {

    @Test
    void yearsBeyondTheDatabaseAreRefused() {
        for (String value : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z")) {
            List<FieldError> errors = new ArrayList<>();
            assertNull(RecordFilters.instant("from", value, errors), value);
            assertEquals(1, errors.size(), value);
            assertEquals("from", errors.get(0).field(), value);
        }
    }

    @Test
    void theYearsADatabaseHoldsAreTaken() {
        for (String value : List.of("0001-01-01T00:00:00Z", "2026-12-02T10:00:00+01:00", "9999-12-31T23:59:59Z")) {
            List<FieldError> errors = new ArrayList<>();
            assertEquals(java.time.OffsetDateTime.parse(value).toInstant(), RecordFilters.instant("to", value, errors));
            assertEquals(List.of(), errors, value);
        }
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), RecordFilters.instant("to", "9999-12-31T23:59:59Z", new ArrayList<>()));
    }
}
