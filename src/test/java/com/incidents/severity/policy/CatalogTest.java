package com.incidents.severity.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.model.CapabilityEntry;
import com.incidents.severity.engine.model.Catalog;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.support.Fixture;

/**
 * The catalog as the service reads it from the Capability lookup table, on the fixture policy. Which
 * capabilities rules/ lists, with which tier, is pinned by rules/scenarios/catalog.csv.
 */
class CatalogTest {

    private static Catalog catalog() {
        return Fixture.engine().policy().catalog();
    }

    @Test
    void everyRowNamingACapabilityIsAnAnnotatedEntryWithItsTier() {
        DecisionTableInfo table = Fixture.engine().policy().table("Incident severity", "Capability lookup");
        List<CapabilityEntry> entries = catalog().entries();
        assertEquals(table.rules().stream().filter(r -> r.inputEntries().get(0).startsWith("\"")).count(),
                entries.size(), "rows naming a capability (the others match by stated tier)");
        for (CapabilityEntry entry : entries) {
            assertTrue(List.of("C1", "C2", "C3").contains(entry.tier()), entry.toString());
            assertTrue(entry.description() != null && !entry.description().isBlank(), "annotated: " + entry);
            var outcome = Fixture.engine().evaluateWithEngine(new com.incidents.severity.engine.Facts(null, null, null,
                    entry.name(), null, "OUTAGE", 10L, null));
            assertEquals(entry.tier(), outcome.capabilityTier(), "the engine's lookup gives the catalog's tier");
            assertEquals(entry.catalog(), outcome.capabilityCatalog());
        }
    }

    @Test
    void namesMatchIgnoringCaseAndSurroundingSpaces() {
        assertEquals("Install apps (cloud only)", catalog().find("  install APPS (cloud only) ").orElseThrow().name());
    }

    @Test
    void suggestsTheClosestNames() {
        assertEquals("App UI", catalog().suggest("app ui s", 3).get(0));
        assertTrue(catalog().suggest("webtrigger", 3).contains("Webtriggers"));
    }
}
