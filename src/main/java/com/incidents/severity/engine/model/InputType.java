package com.incidents.severity.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kie.dmn.api.core.DMNType;

/**
 * The DMN type of one input data node (or of the severity) in a loaded policy: its name, its
 * allowed values as the editor wrote them, and, when those are a list of string literals, the
 * values themselves. Whether a value fits is the engine's own check ({@link DMNType#isAssignableValue}).
 *
 * @param typeName the DMN type's name, e.g. {@code tIncidentType} or {@code number}
 * @param constraint the allowed values as written in the DMN, e.g. {@code "OUTAGE","DEGRADATION"} or
 *        {@code [0..10080]}; null when the type allows every value of its base type
 * @param values the allowed string literals in the order written, when the constraint is a list of
 *        them; empty otherwise
 */
public record InputType(String name, String typeName, String constraint, List<String> values, DMNType type) {

    public InputType {
        values = List.copyOf(values);
    }

    public boolean constrained() {
        return constraint != null;
    }

    /** The allowed values are a list of strings (an enumeration). */
    public boolean enumerated() {
        return !values.isEmpty();
    }

    /**
     * Whether the DMN type accepts the value, as the engine would receive it: whole numbers are
     * given to DMN as {@link BigDecimal}s. An absent value (null) is always accepted here; whether a
     * fact may be absent is not a matter of its type.
     */
    public boolean accepts(Object value) {
        if (value == null || type == null) {
            return true;
        }
        Object dmnValue = value instanceof Long l ? BigDecimal.valueOf(l)
                : value instanceof Integer i ? BigDecimal.valueOf(i) : value;
        return type.isAssignableValue(dmnValue);
    }

    /**
     * The allowed value the text names, matched case-insensitively and ignoring surrounding
     * blanks, spelled as in the DMN; empty when the type enumerates no such value (or none at all).
     */
    public Optional<String> match(String text) {
        String t = text.strip();
        return values.stream().filter(t::equals).findFirst()
                .or(() -> values.stream().filter(v -> v.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT)))
                        .findFirst());
    }
}
