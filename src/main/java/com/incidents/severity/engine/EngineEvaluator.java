package com.incidents.severity.engine;

import static com.incidents.severity.engine.model.PolicyContract.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;

import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;

/**
 * Evaluates one set of facts with Drools: the DMN severity model, then the DRL combination
 * rules, then the DMN response targets. The single source of truth for every outcome and trace.
 */
public final class EngineEvaluator {

    private final CompiledPolicy policy;
    private final DrlFacts rules;
    private final InputValues inputValues = new InputValues();
    private final EvaluationBounds bounds;
    private final Shortcuts shortcuts;
    private final DecisionMemo decisions;

    /**
     * @param shortcuts whether to keep the answers of the rules and of the response targets model
     *        ({@link Shortcuts}); only for a policy that decides from its facts alone
     *        ({@link CacheSafety}), and never for the reference that the shortcuts are tested against
     */
    EngineEvaluator(CompiledPolicy policy, EvaluationBounds bounds, boolean shortcuts) {
        this.policy = policy;
        this.bounds = bounds;
        this.shortcuts = shortcuts ? new Shortcuts() : null;
        this.decisions = shortcuts ? DecisionMemo.of(policy.dmn(), policy.severityModel()) : null;
        this.rules = new DrlFacts(policy.kieBase());
        policy.dmn().addListener(DmnTrace.LISTENER);
        policy.dmn().addListener(EvaluationBounds.LISTENER);
    }

    boolean usesShortcuts() {
        return shortcuts != null;
    }

    boolean remembersDecisions() {
        return decisions != null;
    }

    public CompiledPolicy policy() {
        return policy;
    }

    /** The rules' own answer to "is {@code candidate} more severe than {@code current}" (null = none). */
    boolean moreSevere(String candidate, String current) {
        return rules.moreSevere(candidate == null ? NONE : candidate, current == null ? NONE : current);
    }

    public Outcome evaluate(Facts facts) {
        try {
            return evaluateOrThrow(facts);
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) { // a policy that breaks at run time is the policy's fault, not the caller's
            throw new EvaluationException("The policy failed on " + facts + ": " + e, e);
        }
    }

    private Outcome evaluateOrThrow(Facts facts) {
        EvaluationBounds.Budget budget = bounds.budget(); // one for the whole evaluation: both models
        Map<String, Object> inputs = severityInputs(facts);
        DecisionMemo.Evaluated memo = decisions == null || Thread.currentThread().isInterrupted() ? null
                : decisions.evaluate(inputs, budget, this::traced);
        Map<String, Object> values;
        Traced severityTables;
        if (memo != null) {
            values = memo.values();
            severityTables = concat(memo.parts().stream().map(DecisionMemo.Part::traced).toList());
        } else {
            DmnTrace trace = new DmnTrace();
            DMNResult frameworks = evaluate(policy.severityModel(), inputs, trace,
                    decisions == null ? budget : bounds.budget()); // a fresh budget: as if the memo had not run
            values = new java.util.HashMap<>();
            for (DMNDecisionResult decided : frameworks.getDecisionResults()) {
                values.put(decided.getDecisionName(), decided.getResult());
            }
            severityTables = traced(trace, frameworks);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> lookup = (Map<String, Object>) values.get(CAPABILITY_LOOKUP);
        Combination drl = combination(text(values, IMPACT_BAND), text(values, IMPACT_SEVERITY),
                text(values, CAPABILITY_SEVERITY), text(values, ESCALATION_SEVERITY));
        Traced targets = targets(drl.severity(), budget);

        List<FiredRule> fired = new ArrayList<>(severityTables.fired());
        fired.addAll(targets.fired());
        List<TableTrace> tables = new ArrayList<>(severityTables.tables());
        tables.addAll(targets.tables());
        List<String> explanation = new ArrayList<>(severityTables.explanation());
        explanation.addAll(targets.explanation());
        // The DRL rules run between the two models; list them after the framework tables they weigh.
        int targetsAt = indexOfFirst(fired, RESPONSE_TARGETS);
        fired.addAll(targetsAt, drl.fired());
        List<String> drlLines = new ArrayList<>(drl.fired().stream().map(r -> r.name() + ": " + r.description()).toList());
        drlLines.addAll(setAside(drl));
        explanation.addAll(Math.min(targetsAt, explanation.size()), drlLines);
        String severity = drl.severity();
        explanation.add(NONE.equals(severity) ? "Result: no severity."
                : "Result: " + severity + " (basis " + drl.basis() + ").");

        return new Outcome(none(severity), drl.basis(), text(values, IMPACT_BAND), none(drl.impactSeverity()),
                none(drl.capabilitySeverity()), none(drl.escalationSeverity()), none((String) lookup.get("tier")),
                none((String) lookup.get("catalog")), targets.spec(), List.copyOf(fired),
                List.copyOf(explanation), List.copyOf(tables), drl.bases());
    }

    /**
     * What the DRL rules make of the four table outcomes. The rules see nothing but the assessment
     * made of them (and the facts they insert themselves), so where the policy decides from its
     * facts alone ({@link CacheSafety}) the answer for each four is kept: {@link Shortcuts}.
     */
    private Combination combination(String band, String impact, String capability, String escalation) {
        if (shortcuts == null) {
            return combine(rules.assessment(band, impact, capability, escalation));
        }
        return shortcuts.combination(band, impact, capability, escalation,
                () -> combine(rules.assessment(band, impact, capability, escalation)));
    }

    /**
     * The response targets model's part of the answer for this severity: its only input. Kept
     * per severity where the policy decides from its facts alone ({@link Shortcuts}); evaluated
     * when the evaluation was given up (interrupted), so that it fails as the model would.
     */
    private Traced targets(String severity, EvaluationBounds.Budget budget) {
        if (shortcuts == null || Thread.currentThread().isInterrupted()) {
            return evaluateTargets(severity, budget);
        }
        return shortcuts.targets(severity, () -> evaluateTargets(severity, budget));
    }

    private Traced evaluateTargets(String severity, EvaluationBounds.Budget budget) {
        DmnTrace trace = new DmnTrace();
        Map<String, Object> severityInput = new LinkedHashMap<>();
        severityInput.put(SEVERITY, severity);
        DMNResult targets = evaluate(policy.targetsModel(), severityInput, trace, budget);
        Traced traced = traced(trace, targets);
        return new Traced(traced.tables(), traced.fired(), traced.explanation(), targetSpec(targets));
    }

    /** The tables, rows and explanation lines of one model's evaluation, read from the engine's events. */
    private Traced traced(DmnTrace trace, DMNResult source) {
        List<FiredRule> fired = new ArrayList<>();
        List<TableTrace> tables = new ArrayList<>();
        List<String> explanation = new ArrayList<>();
        for (DmnTrace.TableEvent event : trace.events) {
            DecisionTableInfo table = policy.table(event.model(), event.decision());
            Map<Integer, Map<String, Object>> outputs = new LinkedHashMap<>();
            for (int index : event.matched()) {
                RuleRow row = table.rule(index);
                outputs.put(index, RowOutputs.of(table, row, RowOutputs.isTheResult(table, row, event.selected()), source));
            }
            tables.add(new TableTrace(event.model(), event.decision(), inputsOf(table, source), event.matched(),
                    event.selected(), java.util.Collections.unmodifiableMap(outputs)));
            for (int index : event.selected()) {
                RuleRow row = table.rule(index);
                Map<String, Object> values = outputs.containsKey(index) ? outputs.get(index)
                        : RowOutputs.of(table, row, RowOutputs.isTheResult(table, row, event.selected()), source);
                fired.add(FiredRule.dmn(event.model(), event.decision(), index, row.id(), row.annotation(), values));
                explanation.add(event.decision() + ": " + (row.annotation() != null ? row.annotation()
                        : "row " + index + " of the table applies."));
            }
        }
        return new Traced(List.copyOf(tables), List.copyOf(fired), List.copyOf(explanation), null);
    }

    private static Traced concat(List<Traced> parts) {
        List<TableTrace> tables = new ArrayList<>();
        List<FiredRule> fired = new ArrayList<>();
        List<String> explanation = new ArrayList<>();
        for (Traced part : parts) {
            tables.addAll(part.tables());
            fired.addAll(part.fired());
            explanation.addAll(part.explanation());
        }
        return new Traced(tables, fired, explanation, null);
    }

    /** One model's part of a trace (and, for the response targets, what they are). */
    record Traced(List<TableTrace> tables, List<FiredRule> fired, List<String> explanation, ResponseTargetSpec spec) {
    }

    private DMNResult evaluate(DMNModel model, Map<String, Object> inputs, DmnTrace trace,
            EvaluationBounds.Budget budget) {
        DMNContext context = policy.dmn().newContext();
        inputs.forEach(context::set);
        trace.model = model.getName();
        context.getMetadata().set(DmnTrace.KEY, trace);
        context.getMetadata().set(EvaluationBounds.KEY, budget);
        DMNResult result = policy.dmn().evaluateAll(model, context);
        budget.requireWithin(); // before the DMN errors: a failed bound also fails the decisions after it
        if (result.hasErrors()) {
            throw new EvaluationException("Model '" + model.getName() + "' failed: " + result.getMessages().stream()
                    .map(m -> m.getText()).collect(Collectors.joining("; ")));
        }
        return result;
    }

    /**
     * A line for each framework whose table gave a severity that no DRL rule chose as the basis:
     * the caller sent its facts, so the explanation says its result was set aside, and by which
     * rule (the first to choose a basis) and why (that rule's description). Read from what the
     * engine did, never from a copy of the rules.
     */
    private static List<String> setAside(Combination drl) {
        if (drl.choosers().isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        FiredRule chose = drl.choosers().get(0);
        String[][] frameworks = { { IMPACT_SEVERITY, drl.impactSeverity(), IMPACT_BASIS },
                { CAPABILITY_SEVERITY, drl.capabilitySeverity(), CAPABILITY_BASIS } };
        for (String[] framework : frameworks) {
            String severity = none(framework[1]);
            if (severity != null && !drl.bases().contains(framework[2])) {
                lines.add("Set aside: " + framework[0] + " gave " + severity + ", but rule \"" + chose.name()
                        + "\" chose the basis " + drl.bases().get(0)
                        + (chose.description() == null ? "." : ": " + chose.description()));
            }
        }
        return lines;
    }

    /**
     * Runs the DRL rules on the assessment, in a session of its own: the rules that fired, each
     * basis a rule set, in order, with the rule that set it, and the assessment as they left it.
     */
    private Combination combine(Object assessment) {
        List<FiredRule> fired = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        List<FiredRule> choosers = new ArrayList<>();
        KieSession session = policy.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    if (!event.getMatch().getObjects().contains(assessment)) {
                        return; // a rule that weighed no assessment, e.g. one that puts the severity order in
                    }
                    FiredRule rule = FiredRule.drl(event.getMatch().getRule().getName(),
                            description(event.getMatch().getRule().getMetaData()));
                    fired.add(rule);
                    String basis = rules.basis(assessment);
                    if (basis != null && (bases.isEmpty() || !basis.equals(bases.get(bases.size() - 1)))) {
                        bases.add(basis);
                        choosers.add(rule);
                    }
                }
            });
            session.insert(assessment);
            DrlFacts.fireBounded(session);
        } finally {
            session.dispose();
        }
        if (rules.basis(assessment) == null) {
            throw new EvaluationException("No DRL rule chose a basis for the decision");
        }
        return new Combination(List.copyOf(fired), List.copyOf(bases), List.copyOf(choosers),
                rules.severity(assessment), rules.basis(assessment), rules.get(assessment, "impactSeverity"),
                rules.get(assessment, "capabilitySeverity"), rules.get(assessment, "escalationSeverity"));
    }

    /** What the DRL rules made of one assessment: see {@link #combine}. */
    record Combination(List<FiredRule> fired, List<String> bases, List<FiredRule> choosers, String severity,
            String basis, String impactSeverity, String capabilitySeverity, String escalationSeverity) {
    }

    private static Map<String, Object> severityInputs(Facts f) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put(IMPACT_LEVEL, f.impactLevel());
        in.put(AFFECTED_USERS, number(f.affectedUsers()));
        in.put(AFFECTED_APPS, number(f.affectedApps()));
        in.put(CAPABILITY, f.capability());
        in.put(STATED_TIER, f.statedTier());
        in.put(INCIDENT_TYPE, f.incidentType());
        in.put(DURATION_MINUTES, number(f.durationMinutes()));
        in.put(PARTNER_REPORTS, number(f.partnerReports()));
        return in;
    }

    /** The value of each input column in this evaluation, as FEEL evaluates its expression ({@link InputValues}). */
    private Map<String, Object> inputsOf(DecisionTableInfo table, DMNResult result) {
        Map<String, Object> context = result.getContext().getAll();
        Map<String, Object> values = new LinkedHashMap<>();
        for (DecisionTableInfo.Column column : table.inputs()) {
            values.put(column.expression(), plain(inputValues.of(table.model(), column.expression(), context)));
        }
        return values;
    }

    /** Whole FEEL numbers as whole numbers, so traces read 250000 rather than 2.5E+5. */
    static Object plain(Object value) {
        if (value instanceof BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            return stripped.scale() <= 0 ? (Object) stripped.longValueExact() : stripped;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static ResponseTargetSpec targetSpec(DMNResult result) {
        Map<String, Object> t = (Map<String, Object>) result.getDecisionResultByName(RESPONSE_TARGETS).getResult();
        return new ResponseTargetSpec(none((String) t.get("responseClass")), minutes(t.get("investigationWithinMinutes")),
                minutes(t.get("statusUpdateWithinMinutes")), (String) t.get("handling"));
    }

    private static int indexOfFirst(List<FiredRule> fired, String decision) {
        for (int i = 0; i < fired.size(); i++) {
            if (decision.equals(fired.get(i).decision())) {
                return i;
            }
        }
        return fired.size();
    }

    private static String text(Map<String, Object> values, String decision) {
        Object value = values.get(decision);
        return value == null ? NONE : value.toString();
    }

    private static String none(String value) {
        return value == null || NONE.equals(value) ? null : value;
    }

    private static Integer minutes(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static BigDecimal number(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    /** The rule's {@code @description("...")}; Drools files it under the Description annotation's name. */
    private static String description(Map<String, Object> metadata) {
        return metadata.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith("description"))
                .map(e -> unquote(String.valueOf(e.getValue())))
                .findFirst().orElse(null);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
