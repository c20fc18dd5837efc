package com.incidents.severity.policy;

import static com.incidents.severity.support.TestPolicy.capability;
import static com.incidents.severity.support.TestPolicy.engine;
import static com.incidents.severity.support.TestPolicy.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import com.incidents.severity.engine.model.CapabilityEntry;

/** All 49 catalog entries, checked against a list taken from the policy text rather than the DMN. */
class CatalogTest {

    @ParameterizedTest(name = "{0} is {1} in {2}")
    @CsvFileSource(resources = "/catalog.csv")
    void everyCapabilityHasItsTierAndCatalog(String name, String tier, String catalog) {
        CapabilityEntry entry = engine().policy().catalog().find(name).orElseThrow();
        assertEquals(tier, entry.tier());
        assertEquals(catalog, entry.catalog());
        var outcome = evaluate(capability(name, null, "OUTAGE", 10L));
        assertEquals(tier, outcome.capabilityTier(), "the engine's catalog table gives the tier");
        assertEquals(catalog, outcome.capabilityCatalog());
        assertTrue(entry.description() != null && !entry.description().isBlank(), "each row is annotated");
    }

    @Test
    void catalogHasExactly49EntriesIn25And24() {
        List<CapabilityEntry> entries = engine().policy().catalog().entries();
        assertEquals(49, entries.size());
        assertEquals(25, entries.stream().filter(e -> e.catalog().equals("DEVELOPER_PLATFORM")).count());
        assertEquals(24, entries.stream().filter(e -> e.catalog().equals("MARKETPLACE")).count());
    }

    @Test
    void namesMatchIgnoringCaseAndSurroundingSpaces() {
        assertEquals("Install apps (cloud only)",
                engine().policy().catalog().find("  install APPS (cloud only) ").orElseThrow().name());
    }

    @Test
    void suggestsTheClosestNames() {
        assertEquals("App UI", engine().policy().catalog().suggest("app ui s", 3).get(0));
        assertTrue(engine().policy().catalog().suggest("webtrigger", 3).contains("Webtriggers"));
    }
}
