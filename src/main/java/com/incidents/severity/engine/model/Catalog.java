package com.incidents.severity.engine.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** The capability catalog of a policy: lookup ignoring case and surrounding spaces, and suggestions. */
public final class Catalog {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();
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

    /** Up to {@code limit} catalog names closest to what the caller wrote, closest first. */
    public List<String> suggest(String name, int limit) {
        String wanted = key(name);
        return entries.stream()
                .sorted(Comparator.comparingInt((CapabilityEntry e) -> score(wanted, key(e.name())))
                        .thenComparing(CapabilityEntry::name))
                .limit(limit)
                .map(CapabilityEntry::name)
                .toList();
    }

    private static int score(String wanted, String candidate) {
        int distance = DISTANCE.apply(wanted, candidate);
        // A name that contains what was typed (or the reverse) is a strong hint.
        return candidate.contains(wanted) || wanted.contains(candidate) ? distance / 4 : distance;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
