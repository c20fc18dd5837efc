package com.incidents.severity.engine;

import java.util.ArrayList;
import java.util.List;

import org.kie.dmn.api.core.DMNMetadata;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * The decision table events of one evaluation. Each evaluation carries its own trace in the
 * metadata of its DMN context, so the one listener registered on the runtime files every event
 * with the request it belongs to: no shared queue, no cross-talk between concurrent requests.
 */
final class DmnTrace {

    static final String KEY = "severity.trace";

    record TableEvent(String model, String decision, List<Integer> matched, List<Integer> selected) {
    }

    final List<TableEvent> events = new ArrayList<>();
    String model;

    static final DMNRuntimeEventListener LISTENER = new DMNRuntimeEventListener() {
        @Override
        public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
            DMNMetadata metadata = event.getResult().getContext().getMetadata();
            if (metadata.get(KEY) instanceof DmnTrace trace) {
                trace.events.add(new TableEvent(trace.model, event.getNodeName(), List.copyOf(event.getMatches()),
                        List.copyOf(event.getSelected())));
            }
        }
    };
}
