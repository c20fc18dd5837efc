package com.incidents.severity.preview.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.text.similarity.LevenshteinDistance;

import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;

/**
 * Checks the paths of uploaded candidate files before anything uses them. They are hostile input:
 * a path must be relative, '/'-separated, with no empty, "." or ".." segment, no backslash, colon
 * or control character. Files that replace those of the policy in force must name one of its
 * files: any other name (curl's usual {@code -F file=@x.dmn}, a typo) would silently leave the
 * editor's change out of the candidate, so it is refused, naming the policy's files.
 */
public final class CandidateParts {

    private static final int MAX_PATH = 255;

    private CandidateParts() {
    }

    /**
     * The files by path, or a 422 naming every offending part at once.
     *
     * @param policyFiles the paths of the policy in force that the parts may replace, or null
     *            when the parts are the whole candidate (then new paths are allowed)
     */
    public static Map<String, byte[]> check(List<CandidatePart> parts, Set<String> policyFiles) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        for (CandidatePart part : parts) {
            String path = part.path();
            if (!safe(path)) {
                errors.add(FieldError.rejected(printable(path), "'" + printable(path) + "' is not a relative path"
                        + " inside the rules folder (no leading '/', no '.' or '..' segment, no '\\\\', ':' or control"
                        + " character)", printable(path)));
            } else if (policyFiles != null && !policyFiles.contains(path)) {
                errors.add(new FieldError(path, unknown(part, policyFiles), path, closest(part, policyFiles)));
            } else if (files.containsKey(path)) {
                if (reported.add(path)) {
                    errors.add(FieldError.rejected(path, "'" + path + "' is sent more than once", path));
                }
            } else {
                files.put(path, part.content());
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return files;
    }

    public static boolean safe(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH || path.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                return false;
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String unknown(CandidatePart part, Set<String> policyFiles) {
        String given = part.fileName() != null && !part.fileName().isBlank() && !part.fileName().equals(part.path())
                ? "The part named '" + part.path() + "' (file " + part.fileName() + ")"
                : "'" + part.path() + "'";
        return given + " is no file of the policy in force; name each part by the path of the file it replaces"
                + " in the rules folder, e.g. -F \"incident-severity.dmn=@rules/incident-severity.dmn\" (the"
                + " policy's files: " + String.join(", ", policyFiles.stream().sorted().toList())
                + "), or send a zip of the whole folder with ?replace=true to add files";
    }

    /** Every file of the policy, those closest to the part's name or file name first. */
    private static List<String> closest(CandidatePart part, Set<String> policyFiles) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        Comparator<String> byCloseness = Comparator.comparingInt(f -> Math.min(distance.apply(f, part.path()),
                part.fileName() == null ? Integer.MAX_VALUE : distance.apply(f, part.fileName())));
        return policyFiles.stream().sorted(byCloseness.thenComparing(Comparator.naturalOrder())).toList();
    }

    private static String printable(String path) {
        if (path == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        path.codePoints().limit(MAX_PATH).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
