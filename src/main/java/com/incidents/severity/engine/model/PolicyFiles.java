package com.incidents.severity.engine.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.incidents.severity.engine.model.PolicyFileInfo;

/**
 * The files of one policy (paths relative to the rules folder, '/'-separated) and its version:
 * a SHA-256 over every path and content, so the same files always give the same version.
 */
public record PolicyFiles(String origin, SortedMap<String, byte[]> files, String version) {

    public static PolicyFiles of(String origin, Map<String, byte[]> files) {
        SortedMap<String, byte[]> sorted = new TreeMap<>(files);
        return new PolicyFiles(origin, sorted, hash(sorted));
    }

    /**
     * Why a name cannot be the path of a policy file, or null when it can: a path is relative to the
     * rules folder, '/'-separated, and stays inside it (no {@code ..}, no absolute path, no backslash,
     * no empty or {@code .} segment, no drive letter, no control character).
     */
    public static String unsafePath(String name) {
        if (name == null || name.isEmpty()) {
            return "an empty name";
        }
        if (name.indexOf('\\') >= 0) {
            return "a backslash";
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return "an absolute path";
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "a control character";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return "a '..' segment";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "an empty or '.' segment";
            }
        }
        return null;
    }

    public String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    /** Each file with its size and SHA-256, in path order. */
    public List<PolicyFileInfo> fileInfos() {
        return files.entrySet().stream()
                .map(e -> new PolicyFileInfo(e.getKey(), e.getValue().length,
                        HexFormat.of().formatHex(digest().digest(e.getValue()))))
                .toList();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static String hash(SortedMap<String, byte[]> files) {
        MessageDigest digest = digest();
        files.forEach((path, content) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Integer.toString(content.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content);
        });
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
