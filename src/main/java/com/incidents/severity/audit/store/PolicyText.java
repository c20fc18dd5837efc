package com.incidents.severity.audit.store;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.engine.model.PolicyFiles;

/**
 * The stored text of a policy version (a JSON object: path -> file text, as {@link SharedTexts}
 * writes it) checked against the version itself, which is the SHA-256 of those files
 * ({@link PolicyFiles#of}): the text is genuine exactly when it hashes back to its version.
 */
public final class PolicyText {

    private PolicyText() {
    }

    /** The version the stored files hash to, or null when the text is not an object of file texts. */
    public static String versionOf(ObjectMapper json, String files) {
        JsonNode node;
        try {
            node = json.readTree(files);
        } catch (Exception e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, byte[]> contents = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            var file = it.next();
            if (!file.getValue().isTextual()) {
                return null;
            }
            contents.put(file.getKey(), file.getValue().asText().getBytes(StandardCharsets.UTF_8));
        }
        return PolicyFiles.of("audit", contents).version();
    }

    /** Whether the stored files are the policy of {@code version}. */
    public static boolean matches(ObjectMapper json, String version, String files) {
        return files != null && version.equals(versionOf(json, files));
    }
}
