package com.incidents.severity.console.view;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A file of the policy as the editor page lists it, with how the page shows it: {@code dmn} in the
 * DMN editor, {@code csv} (a scenario file) as an editable grid, {@code drl} read-only with its
 * syntax highlighted, anything else read-only as text. {@code inDraft}: the open draft changes it
 * (the page sends it with each check, as it differs from the policy in force).
 */
public record EditorFile(String path, String kind, boolean inDraft) {

    public static List<EditorFile> of(Set<String> paths) {
        return of(paths, Set.of());
    }

    public static List<EditorFile> of(Set<String> paths, Set<String> inDraft) {
        Comparator<EditorFile> order = Comparator.comparingInt(EditorFile::rank).thenComparing(EditorFile::path);
        return paths.stream().map(p -> new EditorFile(p, kind(p), inDraft.contains(p))).sorted(order).toList();
    }

    private static String kind(String path) {
        if (path.endsWith(".dmn")) {
            return "dmn";
        }
        if (path.startsWith("scenarios/") && path.endsWith(".csv")) {
            return "csv";
        }
        return path.endsWith(".drl") ? "drl" : "text";
    }

    private int rank() {
        return List.of("dmn", "csv", "drl", "text").indexOf(kind);
    }
}
