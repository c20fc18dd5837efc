package com.incidents.severity.engine.compile;

import static com.incidents.severity.engine.model.PolicyContract.SEVERITY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.DMNUnaryTest;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.model.api.ItemDefinition;
import org.kie.dmn.model.api.UnaryTests;

import com.incidents.severity.engine.model.InputType;
import com.incidents.severity.engine.model.InputTypes;

/**
 * Reads the types of the input data nodes from the loaded DMN models: the allowed values as the
 * editor wrote them on the item definition, and the string literals they list, evaluated by the
 * FEEL engine Drools ships.
 */
final class TypeReader {

    private TypeReader() {
    }

    static InputTypes read(DMNModel severityModel, DMNModel targetsModel) {
        FEEL feel = FEEL.newInstance(TypeReader.class.getClassLoader(), List.of());
        Map<String, InputType> inputs = new LinkedHashMap<>();
        for (InputDataNode input : severityModel.getInputs()) {
            inputs.put(input.getName(), type(severityModel, input.getName(), input.getType(), feel));
        }
        InputDataNode severity = targetsModel.getInputByName(SEVERITY);
        return new InputTypes(inputs, severity == null ? new InputType(SEVERITY, null, null, List.of(), null)
                : type(targetsModel, SEVERITY, severity.getType(), feel));
    }

    /** The type, with the allowed values of the nearest type in its chain of base types that has any. */
    private static InputType type(DMNModel model, String input, DMNType type, FEEL feel) {
        for (DMNType t = type; t != null; t = t.getBaseType()) {
            List<DMNUnaryTest> tests = !isEmpty(t.getAllowedValues()) ? t.getAllowedValues() : t.getTypeConstraint();
            if (!isEmpty(tests)) {
                String text = written(model, t).orElseGet(
                        () -> tests.stream().map(Object::toString).collect(Collectors.joining(",")));
                return new InputType(input, type.getName(), text, literals(text, feel), type);
            }
        }
        return new InputType(input, type == null ? null : type.getName(), null, List.of(), type);
    }

    /** The allowedValues (or typeConstraint) text of the item definition that declares the type. */
    private static Optional<String> written(DMNModel model, DMNType type) {
        if (model.getDefinitions() == null || type.getNamespace() != null
                && !type.getNamespace().equals(model.getNamespace())) {
            return Optional.empty();
        }
        for (ItemDefinition item : model.getDefinitions().getItemDefinition()) {
            if (item.getName().equals(type.getName())) {
                UnaryTests tests = item.getAllowedValues() != null ? item.getAllowedValues() : item.getTypeConstraint();
                if (tests != null && tests.getText() != null && !tests.getText().isBlank()) {
                    return Optional.of(tests.getText().strip());
                }
            }
        }
        return Optional.empty();
    }

    /** The values, when the text is a list of string literals ({@code "MAJOR","MINOR"}); else empty. */
    private static List<String> literals(String text, FEEL feel) {
        if (!text.startsWith("\"")) {
            return List.of();
        }
        Object value = feel.evaluate("[" + text + "]");
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof String s)) {
                return List.of();
            }
            values.add(s);
        }
        return values;
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
