package com.incidents.severity.engine.model;

import java.math.BigDecimal;

/** Reads the literal values that table cells hold ("SEV1", 15, null) as plain values. */
public final class FeelLiterals {

    private FeelLiterals() {
    }

    /** A string literal without its quotes, a number, null, or else the expression text itself. */
    public static Object decode(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.equals("null") || t.isEmpty()) {
            return null;
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && t.indexOf('"', 1) == t.length() - 1) {
            return t.substring(1, t.length() - 1);
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException notANumber) {
            return t;
        }
    }

    /** The string a cell holds if it is a single string literal, otherwise null. */
    public static String stringOrNull(String text) {
        return decode(text) instanceof String s && text.strip().startsWith("\"") ? s : null;
    }
}
