package com.incidents.severity.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DMNNode;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.core.ast.DMNBaseNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Expression;
import org.kie.dmn.model.api.LiteralExpression;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The exact-facts cache at the grain of one decision, for a policy that decides from its facts
 * alone ({@link CacheSafety}). A decision's value and its table's trace depend on the values of
 * the nodes it requires and on nothing else: kie-dmn compiles a decision's FEEL with those names
 * alone in scope (a name of another node does not compile), and {@link #of} also refuses a model
 * whose FEEL so much as spells another node's name. So the model is evaluated decision by
 * decision, in the order kie's {@code evaluateAll} takes (each decision after the decisions it
 * requires): a decision the engine already evaluated for the same values of what it requires
 * gives what it gave then; any other is evaluated by kie ({@code evaluateByName}), with what it
 * requires already in the context, and kept. Any error sends the whole evaluation back to
 * {@code evaluateAll}, so that it fails exactly as the engine does.
 * {@code engine.ShortcutsEqualEnginePropertyTest} holds the answers equal to the engine's.
 */
final class DecisionMemo {

    // Each entry holds a decision's part of the trace (about a kilobyte): 10,000 keep every decision
    // whose inputs recur, while one whose inputs are new counts takes its turn through the cache.
    private static final int MAX_ENTRIES = 10_000;
    private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    /** A decision's value and its part of the trace, as the engine made them. */
    record Part(Object value, EngineEvaluator.Traced traced) {
    }

    /** The decisions' values (by name) and the trace of their tables, in the engine's order. */
    record Evaluated(Map<String, Object> values, List<Part> parts) {
    }

    private record Key(String decision, List<Object> requires) {
    }

    private final DMNRuntime dmn;
    private final DMNModel model;
    private final List<DecisionNode> order;
    private final Cache<Key, Part> parts = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    private DecisionMemo(DMNRuntime dmn, DMNModel model, List<DecisionNode> order) {
        this.dmn = dmn;
        this.model = model;
        this.order = order;
    }

    /** A memo for {@code model}, or null when some decision's FEEL names a node it does not require. */
    static DecisionMemo of(DMNRuntime dmn, DMNModel model) {
        if (!model.getDecisions().stream().allMatch(DMNBaseNode.class::isInstance)) {
            return null;
        }
        List<DecisionNode> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // kie's evaluateAll takes the model's own decisions in the order of a set collected as here
        // (DMNRuntimeImpl, kie-dmn 10.2.0), each after what it requires: the order of the trace.
        Set<DecisionNode> decisions = model.getDecisions().stream()
                .filter(d -> d.getModelNamespace().equals(model.getNamespace())).collect(Collectors.toSet());
        if (decisions.size() != model.getDecisions().size()) {
            return null; // decisions of imported models
        }
        for (DecisionNode decision : decisions) {
            visit(decision, seen, order);
        }
        List<String> names = new ArrayList<>();
        model.getInputs().forEach(i -> names.add(i.getName()));
        model.getDecisions().forEach(d -> names.add(d.getName()));
        names.sort(Comparator.comparingInt(String::length).reversed()); // "Capability lookup" before "Capability"
        for (DecisionNode decision : order) {
            Expression expression = decision.getDecision().getExpression();
            if (!(expression instanceof LiteralExpression || expression instanceof DecisionTable)) {
                return null;
            }
            Set<String> allowed = new HashSet<>(requires(decision).keySet());
            requires(decision).values().forEach(n -> allowed.add(n.getName()));
            allowed.add(decision.getName());
            for (String text : texts(expression)) {
                if (text != null && !allowed.containsAll(namesIn(text, names))) {
                    return null;
                }
            }
        }
        return new DecisionMemo(dmn, model, List.copyOf(order));
    }

    /** The order of kie's evaluateAll: each decision of the model in turn, after the decisions it requires. */
    private static void visit(DecisionNode decision, Set<String> seen, List<DecisionNode> order) {
        if (!seen.add(decision.getName())) {
            return;
        }
        for (DMNNode required : requires(decision).values()) {
            if (required instanceof DecisionNode d) {
                visit(d, seen, order);
            }
        }
        order.add(decision);
    }

    /**
     * The model evaluated for {@code inputs}; null when kie reported an error (the caller then
     * evaluates the whole model, which fails as the engine fails). {@code traced} reads one
     * decision's part of the trace from its events and its result.
     */
    Evaluated evaluate(Map<String, Object> inputs, EvaluationBounds.Budget budget,
            BiFunction<DmnTrace, DMNResult, EngineEvaluator.Traced> traced) {
        DMNContext context = dmn.newContext();
        inputs.forEach(context::set);
        context.getMetadata().set(EvaluationBounds.KEY, budget);
        Map<String, Object> values = new java.util.HashMap<>(inputs);
        List<Part> evaluated = new ArrayList<>(order.size());
        for (DecisionNode decision : order) {
            Key key = key(decision, values);
            Part part = parts.getIfPresent(key);
            if (part == null) {
                DmnTrace trace = new DmnTrace();
                trace.model = model.getName();
                context.getMetadata().set(DmnTrace.KEY, trace);
                DMNResult result = dmn.evaluateByName(model, context, decision.getName());
                budget.requireWithin();
                DMNDecisionResult decided = result.getDecisionResultByName(decision.getName());
                if (result.hasErrors() || decided == null
                        || decided.getEvaluationStatus() != DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED) {
                    return null;
                }
                part = new Part(decided.getResult(), traced.apply(trace, result));
                parts.put(key, part);
            }
            context.set(decision.getName(), part.value());
            values.put(decision.getName(), part.value());
            evaluated.add(part);
        }
        return new Evaluated(values, evaluated);
    }

    /** The nodes a decision requires, in the order kie evaluates them. */
    private static Map<String, DMNNode> requires(DecisionNode decision) {
        return ((DMNBaseNode) decision).getDependencies();
    }

    private static Key key(DecisionNode decision, Map<String, Object> values) {
        Object[] requires = new Object[requires(decision).size()];
        int i = 0;
        for (DMNNode required : requires(decision).values()) {
            requires[i++] = values.get(required.getName());
        }
        return new Key(decision.getName(), Arrays.asList(requires));
    }

    /** The names of {@code names} that {@code text} spells outside its string literals, longest first. */
    private static Set<String> namesIn(String text, List<String> names) {
        String rest = FEEL_STRING.matcher(text).replaceAll(" ");
        Set<String> found = new LinkedHashSet<>();
        for (String name : names) {
            Pattern spelled = Pattern.compile("(?<![\\w])" + Pattern.quote(name).replace(" ", "\\E\\s+\\Q") + "(?![\\w])");
            if (spelled.matcher(rest).find()) {
                found.add(name);
                rest = spelled.matcher(rest).replaceAll(" ");
            }
        }
        return found;
    }

    private static List<String> texts(Expression expression) {
        List<String> texts = new ArrayList<>();
        if (expression instanceof LiteralExpression literal) {
            texts.add(literal.getText());
        } else if (expression instanceof DecisionTable table) {
            table.getInput().forEach(in -> texts.add(in.getInputExpression().getText()));
            table.getOutput().forEach(out -> texts.add(out.getDefaultOutputEntry() == null ? null
                    : out.getDefaultOutputEntry().getText()));
            for (DecisionRule rule : table.getRule()) {
                rule.getInputEntry().forEach(e -> texts.add(e.getText()));
                rule.getOutputEntry().forEach(e -> texts.add(e.getText()));
            }
        }
        return texts;
    }
}
