package com.incidents.severity.preview.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.preview.CandidateRefusedException;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;

/**
 * Reads candidate policy files from a zip of a rules folder, with limits against zip bombs. Every
 * entry name must be a relative path inside the policy ({@link PolicyFiles#unsafePath}); a zip
 * with any other is refused whole (422, naming each such entry).
 */
public final class CandidateZip {

    private static final int MAX_ENTRIES = 500;
    private static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;

    private CandidateZip() {
    }

    public static Map<String, byte[]> read(byte[] zip) {
        Map<String, byte[]> files = new HashMap<>();
        List<PolicyDiagnostic> unsafeNames = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String unsafe = PolicyFiles.unsafePath(name);
                if (unsafe != null) {
                    unsafeNames.add(PolicyDiagnostic.error(name, null,
                            "the zip entry is not a relative path inside the policy: it has " + unsafe));
                    continue;
                }
                if (files.size() >= MAX_ENTRIES) {
                    throw invalid("the zip holds more than " + MAX_ENTRIES + " files");
                }
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_TOTAL_BYTES - total + 1));
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw invalid("the zip unpacks to more than " + MAX_TOTAL_BYTES + " bytes");
                }
                files.put(name, content);
            }
        } catch (IOException e) {
            throw invalid("the body is not a readable zip file: " + e.getMessage());
        }
        if (!unsafeNames.isEmpty()) {
            throw new CandidateRefusedException(unsafeNames);
        }
        if (files.isEmpty()) {
            throw invalid("the zip holds no files");
        }
        return stripCommonFolder(files);
    }

    /** A zip of the folder itself ("rules/incident-severity.dmn") is read as the folder's content. */
    private static Map<String, byte[]> stripCommonFolder(Map<String, byte[]> files) {
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String prefix = first.substring(0, slash + 1);
        if (!files.containsKey(prefix + "META-INF/kmodule.xml")
                || !files.keySet().stream().allMatch(n -> n.startsWith(prefix))) {
            return files;
        }
        Map<String, byte[]> stripped = new HashMap<>();
        files.forEach((name, content) -> stripped.put(name.substring(prefix.length()), content));
        return stripped;
    }

    private static InvalidRequestException invalid(String message) {
        return InvalidRequestException.of(List.of(FieldError.of("body", message)));
    }
}
