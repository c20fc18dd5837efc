package com.incidents.severity.engine.model;

import java.util.Map;

/**
 * The types of the policy's input data nodes, by input name (see {@link PolicyContract}), and the
 * type of the severity (the {@code Severity} input of the response targets model), read from the
 * loaded DMN models once, when the policy is compiled.
 */
public record InputTypes(Map<String, InputType> inputs, InputType severity) {

    public InputTypes {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }

    /** The type of the named input; an unconstrained type when the model has no such input. */
    public InputType of(String input) {
        InputType type = inputs.get(input);
        return type != null ? type : new InputType(input, null, null, java.util.List.of(), null);
    }
}
