package com.incidents.severity.engine;

import static com.incidents.severity.engine.model.PolicyContract.DURATION_MINUTES;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.feel.runtime.Range.RangeBoundary;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Expression;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.validation.DMNValidator.Validation;
import org.kie.dmn.validation.dtanalysis.DMNDTAnalyser;
import org.kie.dmn.validation.dtanalysis.model.Bound;
import org.kie.dmn.validation.dtanalysis.model.DDTAInputClause;
import org.kie.dmn.validation.dtanalysis.model.DTAnalysis;
import org.kie.dmn.validation.dtanalysis.model.Interval;

import com.incidents.severity.engine.model.CompiledPolicy;

/**
 * The whole minutes at which some decision table may start to decide differently as an incident
 * goes on: every bound of every cell (and of the column's domain) in the columns that test the
 * duration input, as the KIE validator's decision-table analysis reads them with the FEEL parser.
 * Between two such minutes no cell that tests the duration changes its answer, so the engine
 * needs to be asked only at them. Where the duration is used in any other way (computed with,
 * compared with another value, in an output or a literal expression) the steps are not known and
 * no next escalation is offered.
 */
final class DurationSteps {

    private static final Pattern PLAIN_NUMERIC_TEST = Pattern.compile("[\\s\\d.\\-\\[\\]()<>=,]*");
    private static final Pattern NOT_OR_NULL = Pattern.compile("\\b(not|null)\\b");

    private final TreeSet<Long> minutes;
    private final String status;

    private DurationSteps(TreeSet<Long> minutes, String status) {
        this.minutes = minutes;
        this.status = status;
    }

    String status() {
        return status;
    }

    /** The step minutes after {@code duration}, in increasing order; none when the steps are not known. */
    Set<Long> after(long duration) {
        return minutes.tailSet(duration, false);
    }

    static DurationSteps of(CompiledPolicy policy) {
        Pattern mention = Pattern.compile("(?<![\\w])" + DURATION_MINUTES.replace(" ", "\\s+") + "(?![\\w])");
        TreeSet<Long> steps = new TreeSet<>();
        try {
            for (DMNModel model : policy.dmn().getModels()) {
                String problem = collect(model, mention, steps);
                if (problem != null) {
                    return new DurationSteps(new TreeSet<>(), "off: " + problem);
                }
            }
        } catch (RuntimeException e) { // the analyser gave up on a table: its bounds are not known
            return new DurationSteps(new TreeSet<>(), "off: the decision tables could not be analysed: " + e);
        }
        return new DurationSteps(steps, "on");
    }

    private static String collect(DMNModel model, Pattern mention, TreeSet<Long> steps) {
        if (!model.getBusinessKnowledgeModels().isEmpty() || !model.getDecisionServices().isEmpty()) {
            return "model '" + model.getName() + "' has business knowledge models or decision services";
        }
        List<DecisionTable> durationTables = new ArrayList<>();
        for (DecisionNode node : model.getDecisions()) {
            Expression expression = node.getDecision().getExpression();
            if (expression instanceof LiteralExpression literal) {
                if (mentions(mention, literal.getText())) {
                    return "decision '" + node.getName() + "' computes with " + DURATION_MINUTES;
                }
            } else if (expression instanceof DecisionTable table) {
                String problem = check(node.getName(), table, mention);
                if (problem != null) {
                    return problem;
                }
                if (!durationColumns(table, mention).isEmpty()) {
                    durationTables.add(table);
                }
            } else {
                return "decision '" + node.getName() + "' is neither a decision table nor a literal expression";
            }
        }
        if (durationTables.isEmpty()) {
            return null;
        }
        for (DTAnalysis analysis : new DMNDTAnalyser(List.of()).analyse(model, Set.of(Validation.ANALYZE_DECISION_TABLE))) {
            if (!durationTables.contains(analysis.getSource())) {
                continue;
            }
            if (analysis.isError() || analysis.getDdtaTable() == null) {
                return "a table that tests " + DURATION_MINUTES + " could not be analysed";
            }
            for (int column : durationColumns(analysis.getSource(), mention)) {
                DDTAInputClause domain = analysis.getDdtaTable().getInputs().get(column);
                addStep(domain.getMin(), steps);
                addStep(domain.getMax(), steps);
                for (Interval interval : analysis.getDdtaTable().projectOnColumnIdx(column)) {
                    addStep(interval.getLowerBound(), steps);
                    addStep(interval.getUpperBound(), steps);
                }
            }
            durationTables.remove(analysis.getSource());
        }
        return durationTables.isEmpty() ? null : "a table that tests " + DURATION_MINUTES + " was not analysed";
    }

    /** Any use of the duration other than a column that tests it with plain numeric tests. */
    private static String check(String decision, DecisionTable table, Pattern mention) {
        List<Integer> columns = durationColumns(table, mention);
        for (int c = 0; c < table.getInput().size(); c++) {
            if (!columns.contains(c) && mentions(mention, table.getInput().get(c).getInputExpression().getText())) {
                return "a column of '" + decision + "' computes with " + DURATION_MINUTES;
            }
        }
        for (DecisionRule rule : table.getRule()) {
            for (int c = 0; c < rule.getInputEntry().size(); c++) {
                String cell = rule.getInputEntry().get(c).getText();
                if (columns.contains(c) ? !PLAIN_NUMERIC_TEST.matcher(NOT_OR_NULL.matcher(cell).replaceAll(" ")).matches() : mentions(mention, cell)) {
                    return "cell '" + cell + "' of '" + decision + "' is not a plain test of a number";
                }
            }
            if (rule.getOutputEntry().stream().anyMatch(o -> mentions(mention, o.getText()))) {
                return "an output of '" + decision + "' uses " + DURATION_MINUTES;
            }
        }
        for (OutputClause output : table.getOutput()) {
            if (output.getDefaultOutputEntry() != null && mentions(mention, output.getDefaultOutputEntry().getText())) {
                return "a default output of '" + decision + "' uses " + DURATION_MINUTES;
            }
        }
        return null;
    }

    private static List<Integer> durationColumns(DecisionTable table, Pattern mention) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < table.getInput().size(); c++) {
            String expression = table.getInput().get(c).getInputExpression().getText();
            if (expression != null && expression.strip().replaceAll("\\s+", " ").equals(DURATION_MINUTES)) {
                columns.add(c);
            }
        }
        return columns;
    }

    private static boolean mentions(Pattern mention, String text) {
        return text != null && mention.matcher(text).find();
    }

    /** The first whole minute on the far side of a bound, where the cell's answer may change. */
    private static void addStep(Bound<?> bound, TreeSet<Long> steps) {
        if (bound == null || !(bound.getValue() instanceof BigDecimal value)) {
            return; // an infinite bound
        }
        boolean closed = bound.getBoundaryType() == RangeBoundary.CLOSED;
        BigDecimal first = bound.isLowerBound() == closed
                ? value.setScale(0, RoundingMode.CEILING)
                : value.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (first.signum() >= 0 && first.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            steps.add(first.longValueExact());
        }
    }
}
