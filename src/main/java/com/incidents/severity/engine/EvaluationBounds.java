package com.incidents.severity.engine;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.Map;

import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMetadata;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.core.impl.DMNDecisionResultImpl;

/**
 * Limits on one evaluation, checked by the DMN runtime's listener after each decision: the size of the value each decision gives (characters of a string, items of a list
 * or context, counted through nested values), the bytes the evaluating thread allocated since the
 * evaluation began (com.sun.management.ThreadMXBean), and whether the thread was interrupted (a
 * candidate check given up at its time limit). kie-dmn logs and swallows what a listener throws, so
 * past a limit the listener marks the decision FAILED and drops its value (kie then skips every
 * decision that depends on it), and the evaluator ends the evaluation with an
 * {@link EvaluationException} naming the limit. A check runs after each decision: it cannot interrupt one
 * FEEL expression while it runs, which is why FEEL keeps to bounded constructs
 * ({@code engine.compile.FeelBounds}); within one decision, a value can grow at most by the few
 * hundred parts of one FEEL text over its inputs, each within these limits.
 *
 * @param maxValueLength the most characters or items a decision's value may hold
 * @param maxAllocatedBytes the most bytes one evaluation may allocate on its thread (0: not checked)
 */
public record EvaluationBounds(int maxValueLength, long maxAllocatedBytes) {

    /** The defaults, stated once: severity.evaluation.max-value-length and ...max-allocated-bytes. */
    public static final String MAX_VALUE_LENGTH = "100000";
    public static final String MAX_ALLOCATED_BYTES = "268435456";
    public static final EvaluationBounds DEFAULT = new EvaluationBounds(Integer.parseInt(MAX_VALUE_LENGTH),
            Long.parseLong(MAX_ALLOCATED_BYTES));

    static final String KEY = "severity.bounds";
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    /** Where one evaluation stands against these bounds; kept in its DMN context's metadata. */
    final class Budget {
        private final long startBytes = allocated();
        private String stopped;

        /** Checks the decision just evaluated; past a limit, fails it and drops its value. */
        void check(String decision, DMNResult result) {
            String why = why(decision, result);
            if (why == null) {
                return;
            }
            if (stopped == null) {
                stopped = why;
            }
            if (result.getDecisionResultByName(decision) instanceof DMNDecisionResultImpl failed) {
                failed.setResult(null);
                failed.setEvaluationStatus(DMNDecisionResult.DecisionEvaluationStatus.FAILED);
            }
            result.getContext().set(decision, null);
        }

        private String why(String decision, DMNResult result) {
            if (Thread.currentThread().isInterrupted()) {
                return "The evaluation was given up at decision '" + decision + "': its time limit passed";
            }
            if (maxAllocatedBytes > 0 && startBytes >= 0 && allocated() - startBytes > maxAllocatedBytes) {
                return "The evaluation allocated more than " + maxAllocatedBytes + " bytes by decision '" + decision
                        + "' (severity.evaluation.max-allocated-bytes); it is stopped";
            }
            DMNDecisionResult value = result.getDecisionResultByName(decision);
            if (value != null && size(value.getResult(), maxValueLength) > maxValueLength) {
                return "The decision '" + decision + "' gave a value of more than " + maxValueLength
                        + " characters or items (severity.evaluation.max-value-length)";
            }
            return null;
        }

        /** Throws what stopped this evaluation, if a limit did. */
        void requireWithin() {
            if (stopped != null) {
                throw new EvaluationException(stopped);
            }
        }
    }

    Budget budget() {
        return new Budget();
    }

    /** The listener registered on every policy's DMN runtime; it checks the budget each evaluation carries. */
    static final DMNRuntimeEventListener LISTENER = new DMNRuntimeEventListener() {
        @Override
        public void afterEvaluateDecision(AfterEvaluateDecisionEvent event) {
            DMNMetadata metadata = event.getResult().getContext().getMetadata();
            if (metadata.get(KEY) instanceof Budget budget) {
                budget.check(event.getDecision().getName(), event.getResult());
            }
        }
    };

    /** Characters of a string, items of a list or context, through nested values; counting stops past {@code limit}. */
    static long size(Object value, long limit) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        long size = 0;
        if (value instanceof Collection<?> list) {
            size = list.size();
            for (Object item : list) {
                if (size > limit) {
                    break;
                }
                size += size(item, limit - size);
            }
        } else if (value instanceof Map<?, ?> map) {
            size = map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (size > limit) {
                    break;
                }
                size += size(entry.getKey(), limit - size) + size(entry.getValue(), limit - size);
            }
        } else if (value != null) {
            size = 1;
        }
        return size;
    }

    private static long allocated() {
        return THREADS == null ? -1 : THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }
}
