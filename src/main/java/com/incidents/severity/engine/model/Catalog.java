package com.incidents.severity.engine.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The capability catalog of a policy: lookup ignoring case and surrounding spaces, and suggestions. */
public final class Catalog {

    private final List<CapabilityEntry> entries;
    private final Map<String, CapabilityEntry> byKey = new LinkedHashMap<>();

    public Catalog(List<CapabilityEntry> entries) {
        this.entries = List.copyOf(entries);
        entries.forEach(e -> byKey.put(key(e.name()), e));
    }

    public List<CapabilityEntry> entries() {
        return entries;
    }

    public Optional<CapabilityEntry> find(String name) {
        return Optional.ofNullable(byKey.get(key(name)));
    }

    /**
     * Up to {@code limit} catalog names close to what the caller wrote ({@link Similarity#close}),
     * closest first; none when no name is close.
     */
    public List<String> suggest(String name, int limit) {
        record Scored(String name, int score) {
        }
        List<Scored> close = new ArrayList<>();
        for (CapabilityEntry e : entries) { // each name scored once, not in a comparator
            int score = Similarity.closeness(name, e.name());
            if (score >= 0) {
                close.add(new Scored(e.name(), score));
            }
        }
        close.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        return close.stream().limit(limit).map(Scored::name).toList();
    }

    private static String key(String name) {
        return Similarity.key(name);
    }
}
