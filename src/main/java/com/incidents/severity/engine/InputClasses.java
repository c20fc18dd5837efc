package com.incidents.severity.engine;

import static com.incidents.severity.engine.model.PolicyContract.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Expression;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;

/**
 * Derives, from the loaded DMN model alone, the classes of inputs that the policy cannot tell
 * apart. Text inputs are their own class. A number input is cut at every threshold a decision
 * table cell compares it with; this is sound only if the number is used nowhere else, so any other
 * use (a literal expression, a computed column, a cell form not read here) makes the policy
 * "not classifiable" and every decision then goes to the engine.
 */
public final class InputClasses {

    static final List<String> NUMBER_INPUTS = List.of(AFFECTED_USERS, AFFECTED_APPS, DURATION_MINUTES,
            PARTNER_REPORTS);

    private final Map<String, NumericClasses> classes;
    private final String unsupportedReason;

    private InputClasses(Map<String, NumericClasses> classes, String unsupportedReason) {
        this.classes = classes;
        this.unsupportedReason = unsupportedReason;
    }

    public boolean supported() {
        return unsupportedReason == null;
    }

    public String unsupportedReason() {
        return unsupportedReason;
    }

    NumericClasses of(String input) {
        return classes.get(input);
    }

    ClassKey key(Facts f) {
        return new ClassKey(f.impactLevel(), classes.get(AFFECTED_USERS).classOf(f.affectedUsers()),
                classes.get(AFFECTED_APPS).classOf(f.affectedApps()), f.capability(), f.statedTier(),
                f.incidentType(), classes.get(DURATION_MINUTES).classOf(f.durationMinutes()),
                classes.get(PARTNER_REPORTS).classOf(f.partnerReports()));
    }

    public static InputClasses derive(DMNModel model) {
        Map<String, List<Double>> thresholds = new HashMap<>();
        NUMBER_INPUTS.forEach(n -> thresholds.put(n, new ArrayList<>()));
        String reason = model.getBusinessKnowledgeModels().isEmpty() && model.getDecisionServices().isEmpty()
                ? null : "the model has business knowledge models or decision services";
        for (DecisionNode node : model.getDecisions()) {
            if (reason == null) {
                reason = collect(node.getName(), node.getDecision().getExpression(), thresholds);
            }
        }
        Map<String, NumericClasses> classes = new HashMap<>();
        thresholds.forEach((name, points) -> classes.put(name, new NumericClasses(points)));
        return new InputClasses(Map.copyOf(classes), reason);
    }

    private static String collect(String decision, Expression expression, Map<String, List<Double>> thresholds) {
        if (expression instanceof LiteralExpression literal) {
            return mentionsNumber(literal.getText()) ? "decision '" + decision + "' computes with a number input"
                    : null;
        }
        if (!(expression instanceof DecisionTable table)) {
            return "decision '" + decision + "' is neither a decision table nor a literal expression";
        }
        if (table.getOutput().stream().map(OutputClause::getDefaultOutputEntry)
                .anyMatch(d -> d != null && mentionsNumber(d.getText()))) {
            return "a default output of '" + decision + "' uses a number input";
        }
        for (int column = 0; column < table.getInput().size(); column++) {
            InputClause input = table.getInput().get(column);
            String expr = input.getInputExpression().getText().strip();
            List<Double> points = thresholds.get(expr);
            if (points == null) {
                if (mentionsNumber(expr)) {
                    return "column '" + expr + "' of '" + decision + "' computes with a number input";
                }
                continue;
            }
            for (DecisionRule rule : table.getRule()) {
                List<Double> cell = UnaryTests.thresholds(rule.getInputEntry().get(column).getText());
                if (cell == null) {
                    return "cell '" + rule.getInputEntry().get(column).getText() + "' of '" + decision
                            + "' is not a plain comparison";
                }
                points.addAll(cell);
            }
        }
        for (DecisionRule rule : table.getRule()) {
            if (rule.getOutputEntry().stream().anyMatch(o -> mentionsNumber(o.getText()))) {
                return "an output of '" + decision + "' uses a number input";
            }
        }
        return null;
    }

    private static boolean mentionsNumber(String text) {
        return text != null && NUMBER_INPUTS.stream().anyMatch(text::contains);
    }
}
