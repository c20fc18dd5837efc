package com.incidents.severity.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numeric thresholds out of a decision table cell ({@code <120}, {@code [120..300]},
 * {@code (5..15]}, {@code 7}, {@code -}, {@code null}, lists and {@code not(...)} of those).
 * Anything else is reported as unreadable, which turns the input-class cache off for the policy.
 */
final class UnaryTests {

    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern COMPARISON = Pattern.compile("(?:<=|>=|<|>|=)?\\s*" + NUM);
    private static final Pattern RANGE = Pattern.compile("[\\[(\\]]\\s*" + NUM + "\\s*\\.\\.\\s*" + NUM + "\\s*[\\])\\[]");

    private UnaryTests() {
    }

    /** The numbers a cell compares with, or null when the cell is not of a form read here. */
    static List<Double> thresholds(String cell) {
        List<Double> points = new ArrayList<>();
        return collect(cell.strip(), points) ? points : null;
    }

    private static boolean collect(String text, List<Double> points) {
        if (text.equals("-") || text.isEmpty()) {
            return true;
        }
        if (text.startsWith("not(") && text.endsWith(")")) {
            return collect(text.substring(4, text.length() - 1).strip(), points);
        }
        for (String part : splitTopLevel(text)) {
            String p = part.strip();
            Matcher m;
            if (p.equals("null")) {
                continue;
            } else if ((m = COMPARISON.matcher(p)).matches()) {
                points.add(Double.parseDouble(m.group(1)));
            } else if ((m = RANGE.matcher(p)).matches()) {
                points.add(Double.parseDouble(m.group(1)));
                points.add(Double.parseDouble(m.group(2)));
            } else {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == ',' && depth <= 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
