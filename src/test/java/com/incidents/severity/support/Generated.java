package com.incidents.severity.support;

import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Random;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import net.jqwik.engine.execution.lifecycle.CurrentTestDescriptor;

/**
 * A property over values drawn from jqwik generators, for tests that jqwik's own engine cannot run
 * (a {@code @QuarkusTest} is a JUnit Jupiter test). The seed is printed, and a failing value is
 * shrunk with jqwik's shrinking before it is reported. Rerun one case with {@code -Dproperty.seed=N}.
 */
public final class Generated {

    private static final EngineDescriptor CONTEXT = new EngineDescriptor(UniqueId.forEngine("generated"),
            "generated values outside jqwik");

    /** Most checks spent on shrinking one failure (each may be an HTTP round trip). */
    private static final int SHRINK_BUDGET = 400;

    @FunctionalInterface
    public interface Check<T> {
        void accept(T value) throws Exception;
    }

    private Generated() {
    }

    public static <T> void forAll(String property, Arbitrary<T> arbitrary, int tries, Check<T> check) {
        // jqwik's generators keep state in the store of the jqwik test running; outside jqwik they get a
        // context of their own, as jqwik's own Arbitrary.sampleStream() gives them.
        if (CurrentTestDescriptor.isEmpty()) {
            CurrentTestDescriptor.runWithDescriptor(CONTEXT, () -> {
                run(property, arbitrary, tries, check);
                return null;
            });
        } else {
            run(property, arbitrary, tries, check);
        }
    }

    private static <T> void run(String property, Arbitrary<T> arbitrary, int tries, Check<T> check) {
        long seed = Long.getLong("property.seed", new SecureRandom().nextLong());
        System.out.printf("%s: %d tries, seed %d (rerun with -Dproperty.seed=%d)%n", property, tries, seed, seed);
        Random random = new Random(seed);
        RandomGenerator<T> generator = arbitrary.generator(1000);
        for (int i = 1; i <= tries; i++) {
            Shrinkable<T> sample = generator.next(random);
            Throwable failure = failure(check, sample.value());
            if (failure != null) {
                T original = sample.value();
                int[] steps = { 0 };
                int budget = SHRINK_BUDGET;
                boolean smaller = true;
                while (smaller && budget > 0) {
                    smaller = false;
                    for (Iterator<Shrinkable<T>> it = sample.shrink().iterator(); it.hasNext() && budget > 0;) {
                        Shrinkable<T> candidate = it.next();
                        budget--;
                        Throwable f = failure(check, candidate.value());
                        if (f != null) {
                            sample = candidate;
                            failure = f;
                            steps[0]++;
                            smaller = true;
                            break;
                        }
                    }
                }
                throw new AssertionError(String.format("%s falsified at try %d, seed %d (rerun with -Dproperty.seed=%d)%n"
                        + "  shrunk (%d steps): %s%n  original: %s%n  %s", property, i, seed, seed, steps[0],
                        sample.value(), original, failure.getMessage()), failure);
            }
        }
    }

    private static <T> Throwable failure(Check<T> check, T value) {
        try {
            check.accept(value);
            return null;
        } catch (Exception | AssertionError e) {
            return e;
        }
    }
}
