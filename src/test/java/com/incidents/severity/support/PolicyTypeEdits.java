package com.incidents.severity.support;

import java.nio.file.Path;

import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.policy.load.PolicyReader;

/**
 * Edits to the types of a copy of rules/, as a policy editor would make them in the DMN editor,
 * and the policy such a copy builds into.
 */
public final class PolicyTypeEdits {

    /** The annotation of the row {@link #addIncidentType} adds, to find it among the fired rules. */
    public static final String ADDED_ROW = "Added incident type: any tier, any duration";

    private PolicyTypeEdits() {
    }

    /** Adds a value to tIncidentType and a Capability severity row that uses it. */
    public static String addIncidentType(String dmn, String value, String severity) {
        String edited = dmn.replaceFirst(
                "(<itemDefinition id=\"_item_022\" name=\"tIncidentType\"[^>]*>\\s*<typeRef>string</typeRef>\\s*<allowedValues id=\"_av_023\"><text>)([^<]*)(</text>)",
                "$1$2,&quot;" + value + "&quot;$3");
        return edited.replaceFirst("(\\s*<rule id=\"_r_493\">)",
                "\n      <rule id=\"_r_added\">"
                        + "<inputEntry id=\"_ue_added_1\"><text>&quot;C1&quot;,&quot;C2&quot;,&quot;C3&quot;</text></inputEntry>"
                        + "<inputEntry id=\"_ue_added_2\"><text>&quot;" + value + "&quot;</text></inputEntry>"
                        + "<inputEntry id=\"_ue_added_3\"><text>-</text></inputEntry>"
                        + "<outputEntry id=\"_le_added\"><text>&quot;" + severity + "&quot;</text></outputEntry>"
                        + "<annotationEntry><text>" + ADDED_ROW + "</text></annotationEntry></rule>$1");
    }

    /** Removes a value from tIncidentType's allowed values (its table rows stay, unreachable). */
    public static String removeIncidentType(String dmn, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(<allowedValues id=\"_av_023\"><text>)([^<]*)(</text>)").matcher(dmn);
        if (!m.find()) {
            return dmn;
        }
        String kept = java.util.Arrays.stream(m.group(2).split(","))
                .filter(v -> !v.strip().equals("&quot;" + value + "&quot;"))
                .collect(java.util.stream.Collectors.joining(","));
        return dmn.substring(0, m.start(2)) + kept + dmn.substring(m.end(2));
    }

    /** Types Duration minutes with a new number type whose allowed values are {@code constraint}. */
    public static String constrainDuration(String dmn, String constraint) {
        return dmn.replaceFirst("(\\s*<itemDefinition id=\"_item_014\")",
                "\n  <itemDefinition id=\"_item_minutes\" name=\"tMinutes\" isCollection=\"false\">"
                        + "<typeRef>number</typeRef><allowedValues id=\"_av_minutes\"><text>" + constraint
                        + "</text></allowedValues></itemDefinition>$1")
                .replace("<variable id=\"_var_037\" name=\"Duration minutes\" typeRef=\"number\"/>",
                        "<variable id=\"_var_037\" name=\"Duration minutes\" typeRef=\"tMinutes\"/>");
    }

    /** The policy a rules folder builds into, without the load-time checks (validator, scenarios). */
    public static PolicyEngine engine(Path rules) {
        return new PolicyEngine(new PolicyCompiler().compile(PolicyReader.fromDirectory(rules)), 1000);
    }
}
