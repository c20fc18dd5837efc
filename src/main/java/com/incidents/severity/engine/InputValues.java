package com.incidents.severity.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.CompiledExpression;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.types.BuiltInType;

/**
 * The value an input column's expression had in one evaluation, for the trace. A column whose
 * expression is exactly the name of an input or decision reads that value from the evaluation's
 * context; any other expression ({@code Capability lookup.tier}, a name spelled with other spacing
 * such as {@code Partner  reports}, arithmetic) is evaluated by the FEEL engine Drools ships in
 * that context, compiled once per model and column. The text is never matched to a name by hand.
 */
final class InputValues {

    private static final FEEL FEEL_ENGINE = FEEL.newInstance(InputValues.class.getClassLoader(), List.of());

    private final Map<String, CompiledExpression> compiled = new ConcurrentHashMap<>();

    Object of(String model, String expression, Map<String, Object> context) {
        if (context.containsKey(expression)) {
            return context.get(expression);
        }
        CompiledExpression feel = compiled.computeIfAbsent(model + '\u0000' + expression,
                k -> compile(expression, context.keySet()));
        return FEEL_ENGINE.evaluate(feel, context);
    }

    private static CompiledExpression compile(String expression, Collection<String> names) {
        CompilerContext context = FEEL_ENGINE.newCompilerContext();
        names.forEach(name -> context.addInputVariableType(name, BuiltInType.UNKNOWN));
        return FEEL_ENGINE.compile(expression, context);
    }
}
