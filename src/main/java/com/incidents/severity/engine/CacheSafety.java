package com.incidents.severity.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Expression;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.ItemDefinition;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.UnaryTests;

import com.incidents.severity.engine.model.CompiledPolicy;

/**
 * Decides whether a policy decides from its facts alone, so that an outcome the engine made for
 * some facts is the outcome it would make again for the same facts. Anything not understood here
 * turns the outcome cache off: a DMN expression other than a decision table or a literal
 * expression, business knowledge models, decision services, FEEL that reads the clock
 * ({@code now()}, {@code today()}) or calls outside code ({@code external}), and DRL that imports
 * classes, declares globals, uses timers or calendars, or names a source of time, chance or
 * outside state.
 */
final class CacheSafety {

    private static final Pattern FEEL_UNSAFE = Pattern.compile("\\b(now|today)\\s*\\(|\\bexternal\\b|\\bjava\\b");
    private static final Set<String> DRL_ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "dialect", "enabled");
    private static final Pattern DRL_UNSAFE = Pattern.compile("\\b(System|Runtime|Thread|ThreadLocal|ProcessBuilder"
            + "|Class|ClassLoader|Math|Random|ThreadLocalRandom|SecureRandom|Instant|Clock|Date|Calendar|LocalDate"
            + "|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|UUID|currentTimeMillis|nanoTime|hashCode"
            + "|identityHashCode|java|javax|kcontext|drools|window|over|role|timestamp|expires|entry-point|timer"
            + "|calendars)\\b");
    private static final Pattern DRL_COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\\n]*|/\\*(?s:.*?)\\*/|\"(?:[^\"\\\\]|\\\\.)*\"");

    private CacheSafety() {
    }

    /** Empty when outcomes depend on the facts alone; otherwise the first reason they might not. */
    static Optional<String> check(CompiledPolicy policy) {
        for (DMNModel model : policy.dmn().getModels()) {
            Optional<String> problem = dmn(model);
            if (problem.isPresent()) {
                return problem;
            }
        }
        for (var file : policy.files().files().entrySet()) {
            if (file.getKey().endsWith(".drl")) {
                Optional<String> problem = drl(file.getKey(), new String(file.getValue(), StandardCharsets.UTF_8));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> dmn(DMNModel model) {
        if (!model.getBusinessKnowledgeModels().isEmpty() || !model.getDecisionServices().isEmpty()) {
            return Optional.of("model '" + model.getName() + "' has business knowledge models or decision services");
        }
        List<String> texts = new ArrayList<>();
        for (ItemDefinition item : model.getDefinitions().getItemDefinition()) {
            itemTexts(item, texts);
        }
        for (DecisionNode node : model.getDecisions()) {
            Expression expression = node.getDecision().getExpression();
            if (expression instanceof LiteralExpression literal) {
                texts.add(literal.getText());
            } else if (expression instanceof DecisionTable table) {
                tableTexts(table, texts);
            } else {
                return Optional.of("decision '" + node.getName() + "' is neither a decision table nor a literal expression");
            }
        }
        for (String text : texts) {
            if (text != null && FEEL_UNSAFE.matcher(text).find()) {
                return Optional.of("model '" + model.getName() + "' has FEEL that may read the clock or call outside code: "
                        + text.strip());
            }
        }
        return Optional.empty();
    }

    private static void itemTexts(ItemDefinition item, List<String> texts) {
        if (item.getAllowedValues() != null) {
            texts.add(item.getAllowedValues().getText());
        }
        item.getItemComponent().forEach(c -> itemTexts(c, texts));
    }

    private static void tableTexts(DecisionTable table, List<String> texts) {
        for (InputClause input : table.getInput()) {
            texts.add(input.getInputExpression().getText());
            add(input.getInputValues(), texts);
        }
        for (OutputClause output : table.getOutput()) {
            add(output.getOutputValues(), texts);
            if (output.getDefaultOutputEntry() != null) {
                texts.add(output.getDefaultOutputEntry().getText());
            }
        }
        for (DecisionRule rule : table.getRule()) {
            rule.getInputEntry().forEach(e -> texts.add(e.getText()));
            rule.getOutputEntry().forEach(e -> texts.add(e.getText()));
        }
    }

    private static void add(UnaryTests tests, List<String> texts) {
        if (tests != null) {
            texts.add(tests.getText());
        }
    }

    private static Optional<String> drl(String path, String text) {
        PackageDescr pkg;
        try {
            pkg = new DrlParser().parse(false, text);
        } catch (DroolsParserException e) {
            return Optional.of(path + " cannot be read for the cache check: " + e.getMessage());
        }
        if (!pkg.getImports().isEmpty() || !pkg.getFunctionImports().isEmpty()) {
            return Optional.of(path + " imports classes");
        }
        if (!pkg.getGlobals().isEmpty()) {
            return Optional.of(path + " declares globals");
        }
        for (RuleDescr rule : pkg.getRules()) {
            for (String attribute : rule.getAttributes().keySet()) {
                if (!DRL_ATTRIBUTES.contains(attribute)) {
                    return Optional.of(path + ": rule '" + rule.getName() + "' uses the attribute " + attribute);
                }
            }
        }
        Matcher unsafe = DRL_UNSAFE.matcher(DRL_COMMENTS_AND_STRINGS.matcher(text).replaceAll(" "));
        if (unsafe.find()) {
            return Optional.of(path + " names '" + unsafe.group(1) + "', which may depend on more than the facts");
        }
        return Optional.empty();
    }
}
