package com.incidents.severity.policy.load;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.DRGElement;
import org.xml.sax.SAXParseException;

import com.incidents.severity.engine.model.PolicyDiagnostic;

/** Places a DMN validator message at its file, table and rows, in the words an editor reads. */
final class ValidatorMessages {

    private static final Pattern RULES = Pattern.compile("\\brules?:?\\s*\\[?\\s*(\\d+(?:\\s*,\\s*\\d+)*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILER = Pattern.compile("\\s*\\((DMN id:|DMN model|DMN Validation)[^)]*\\)\\s*$");

    private ValidatorMessages() {
    }

    static PolicyDiagnostic diagnostic(DMNMessage m, Map<String, String> dmnTexts) {
        String text = m.getText() == null ? String.valueOf(m.getMessage()) : m.getText();
        text = TRAILER.matcher(text.replaceFirst("^DMN: ", "")).replaceFirst("").strip();
        return new PolicyDiagnostic(m.getLevel().name(), file(m, text, dmnTexts), table(m), rule(m, text), text);
    }

    private static String file(DMNMessage m, String text, Map<String, String> dmnTexts) {
        String id = m.getSourceId();
        for (Map.Entry<String, String> e : dmnTexts.entrySet()) {
            if (id != null ? e.getValue().contains("id=\"" + id + "\"") : text.contains(e.getKey())) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The decision (or other DRG element) that holds the element the message is about. */
    private static String table(DMNMessage m) {
        Object ref = m.getSourceReference();
        DMNModelInstrumentedBase element = ref instanceof DMNModelInstrumentedBase b ? b : null;
        while (element != null && !(element instanceof DRGElement)) {
            element = element.getParent();
        }
        return element == null ? null : ((DRGElement) element).getName();
    }

    private static String rule(DMNMessage m, String text) {
        if (m.getException() instanceof SAXParseException sax && sax.getLineNumber() > 0) {
            return "line " + sax.getLineNumber()
                    + (sax.getColumnNumber() > 0 ? ", column " + sax.getColumnNumber() : "");
        }
        Matcher rules = RULES.matcher(text);
        if (!rules.find()) {
            return null;
        }
        String numbers = rules.group(1).replaceAll("\\s+", "");
        return (numbers.contains(",") ? "rules " : "rule ") + numbers.replace(",", ", ");
    }
}
