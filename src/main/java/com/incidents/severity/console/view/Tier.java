package com.incidents.severity.console.view;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.incidents.severity.engine.model.CapabilityEntry;

/** The capabilities of one tier of the catalog. */
public record Tier(String tier, List<CapabilityEntry> capabilities) {

    /** The catalog grouped by tier, tiers in order, each tier's capabilities by name. */
    public static List<Tier> of(List<CapabilityEntry> catalog) {
        Map<String, List<CapabilityEntry>> byTier = catalog.stream().collect(Collectors.groupingBy(
                e -> e.tier() == null ? "(none)" : e.tier(), TreeMap::new, Collectors.toList()));
        return byTier.entrySet().stream().map(e -> new Tier(e.getKey(), e.getValue().stream()
                .sorted(java.util.Comparator.comparing(CapabilityEntry::name)).toList())).toList();
    }
}
