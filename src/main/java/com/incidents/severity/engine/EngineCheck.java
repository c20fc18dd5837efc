package com.incidents.severity.engine;

import static com.incidents.severity.engine.model.PolicyContract.*;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import com.incidents.severity.engine.model.CapabilityEntry;

/**
 * Checks at policy load that the input classes hold for this policy: for random facts, moving any
 * number to another value of the same class must leave the engine's outcome and trace unchanged.
 */
final class EngineCheck {

    private static final List<String> LEVELS = java.util.Arrays.asList(null, "MAJOR", "MINOR");
    private static final List<String> TIERS = java.util.Arrays.asList(null, "C1", "C2", "C3");
    private static final List<String> TYPES = java.util.Arrays.asList(null, "OUTAGE", "DEGRADATION");

    private EngineCheck() {
    }

    /** Empty when every sample agreed, otherwise what disagreed. */
    static Optional<String> run(EngineEvaluator engine, InputClasses classes, int samples) {
        SplittableRandom random = new SplittableRandom(samples);
        List<CapabilityEntry> catalog = engine.policy().catalog().entries();
        for (int i = 0; i < samples; i++) {
            Facts facts = randomFacts(random, classes, catalog);
            Outcome expected = engine.evaluate(facts);
            for (String input : InputClasses.NUMBER_INPUTS) {
                Facts moved = withOther(facts, input, classes, random);
                if (moved != null && !engine.evaluate(moved).sameDecisionAs(expected)) {
                    return Optional.of("the engine decides " + moved + " differently from " + facts
                            + " although they are in the same input class");
                }
            }
        }
        return Optional.empty();
    }

    static Facts randomFacts(SplittableRandom random, InputClasses classes, List<CapabilityEntry> catalog) {
        String capability = null;
        String tier = pick(random, TIERS);
        if (random.nextInt(3) > 0 && !catalog.isEmpty()) {
            CapabilityEntry entry = catalog.get(random.nextInt(catalog.size()));
            capability = entry.name();
            tier = random.nextBoolean() ? entry.tier() : null;
        }
        return new Facts(pick(random, LEVELS), number(random, classes, AFFECTED_USERS),
                number(random, classes, AFFECTED_APPS), capability, tier, pick(random, TYPES),
                number(random, classes, DURATION_MINUTES), number(random, classes, PARTNER_REPORTS));
    }

    private static Long number(SplittableRandom random, InputClasses classes, String input) {
        NumericClasses c = classes.of(input);
        return member(random, c, random.nextInt(c.classCount()));
    }

    private static Long member(SplittableRandom random, NumericClasses c, int cls) {
        Long low = c.smallestMember(cls);
        if (low == null) {
            return null;
        }
        long high = c.largestMember(cls, low + 10_000_000L);
        return high <= low ? low : low + random.nextLong(high - low + 1);
    }

    private static Facts withOther(Facts f, String input, InputClasses classes, SplittableRandom random) {
        NumericClasses c = classes.of(input);
        Long value = switch (input) {
            case AFFECTED_USERS -> f.affectedUsers();
            case AFFECTED_APPS -> f.affectedApps();
            case DURATION_MINUTES -> f.durationMinutes();
            default -> f.partnerReports();
        };
        if (value == null) {
            return null;
        }
        Long other = member(random, c, c.classOf(value));
        return switch (input) {
            case AFFECTED_USERS -> new Facts(f.impactLevel(), other, f.affectedApps(), f.capability(),
                    f.statedTier(), f.incidentType(), f.durationMinutes(), f.partnerReports());
            case AFFECTED_APPS -> new Facts(f.impactLevel(), f.affectedUsers(), other, f.capability(),
                    f.statedTier(), f.incidentType(), f.durationMinutes(), f.partnerReports());
            case DURATION_MINUTES -> f.withDurationMinutes(other);
            default -> new Facts(f.impactLevel(), f.affectedUsers(), f.affectedApps(), f.capability(),
                    f.statedTier(), f.incidentType(), f.durationMinutes(), other);
        };
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
