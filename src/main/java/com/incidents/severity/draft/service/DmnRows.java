package com.incidents.severity.draft.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision-table rows of a DMN file's text that carry a rule id (what a DMN editor keeps across
 * edits), each with the whitespace before it and the decision it belongs to, and the text outside
 * them. A rebase merges such rows one by one; everything else of the file is compared whole.
 */
final class DmnRows {

    private static final Pattern RULE = Pattern.compile(
            "(\\s*)<((?:[\\w.-]+:)?rule)\\b([^>]*)>.*?</\\2\\s*>", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern DECISION = Pattern.compile("<(?:[\\w.-]+:)?decision\\b[^>]*?\\bname\\s*=\\s*\"([^\"]*)\"");

    /** One row: its span in the text (from the whitespace before it), its element, and its decision's name. */
    record Row(String id, int start, int elementStart, int end, String element, String space, String table) {
    }

    private DmnRows() {
    }

    /** The rows with an id, by id, in document order (a repeated id keeps its first row). */
    static Map<String, Row> rows(String text) {
        List<int[]> decisions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher d = DECISION.matcher(text);
        while (d.find()) {
            decisions.add(new int[] { d.start() });
            names.add(d.group(1));
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            Matcher id = ID.matcher(m.group(3));
            if (!id.find()) {
                continue;
            }
            String table = null;
            for (int i = 0; i < decisions.size() && decisions.get(i)[0] < m.start(); i++) {
                table = names.get(i);
            }
            rows.putIfAbsent(id.group(1), new Row(id.group(1), m.start(), m.start(1) + m.group(1).length(), m.end(),
                    text.substring(m.start(1) + m.group(1).length(), m.end()), m.group(1), table));
        }
        return rows;
    }

    /** The text without its rows that carry an id (nor the whitespace before each). */
    static String outside(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = RULE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (ID.matcher(m.group(3)).find()) {
                out.append(text, at, m.start());
                at = m.end();
            }
        }
        return out.append(text.substring(at)).toString();
    }
}
