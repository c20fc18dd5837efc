package com.incidents.severity.draft.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.incidents.severity.draft.model.Draft;
import com.incidents.severity.engine.model.PolicyFiles;

/**
 * A draft's changes for a team that keeps {@code rules/} in git: a zip of the files it adds or
 * changes (at their paths in the rules folder), and a unified diff against its base that
 * {@code git apply} (or {@code patch -p1}) takes, deletions included.
 */
public final class DraftExport {

    private DraftExport() {
    }

    public static byte[] zip(Draft draft) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : draft.changes().entrySet()) {
                if (file.getValue() != null) {
                    zip.putNextEntry(new ZipEntry(file.getKey()));
                    zip.write(file.getValue());
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static String patch(Draft draft, PolicyFiles base) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, byte[]> file : draft.changes().entrySet()) {
            byte[] before = base.files().get(file.getKey());
            if (Arrays.equals(before, file.getValue())) {
                continue;
            }
            List<String> from = lines(before);
            List<String> to = lines(file.getValue());
            String a = before == null ? "/dev/null" : "a/" + file.getKey();
            String b = file.getValue() == null ? "/dev/null" : "b/" + file.getKey();
            out.append("diff --git a/").append(file.getKey()).append(" b/").append(file.getKey()).append('\n');
            if (before == null) {
                out.append("new file mode 100644\n");
            } else if (file.getValue() == null) {
                out.append("deleted file mode 100644\n");
            }
            for (String line : UnifiedDiffUtils.generateUnifiedDiff(a, b, from, DiffUtils.diff(from, to), 3)) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> lines(byte[] content) {
        if (content == null || content.length == 0) {
            return List.of();
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return Arrays.asList(text.split("\n", -1));
    }
}
