package com.incidents.severity.preview.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;

/**
 * Reads candidate policy files from a zip of a rules folder, with limits against zip bombs. Entry
 * names are the client's word: {@link CandidateParts} checks them before they are used.
 */
public final class CandidateZip {

    private static final int MAX_ENTRIES = 500;
    private static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;

    private CandidateZip() {
    }

    public static List<CandidatePart> read(byte[] zip) {
        List<CandidatePart> files = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName(); // as sent: CandidateParts refuses backslashes, not this reader
                while (name.startsWith("./")) { // zip -r - . from inside the folder, with some tools
                    name = name.substring(2);
                }
                if (files.size() >= MAX_ENTRIES) {
                    throw invalid("the zip holds more than " + MAX_ENTRIES + " files");
                }
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_TOTAL_BYTES - total + 1));
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw invalid("the zip unpacks to more than " + MAX_TOTAL_BYTES + " bytes");
                }
                files.add(new CandidatePart(name, null, content));
            }
        } catch (IOException e) {
            throw invalid("the body is not a readable zip file: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw invalid("the zip holds no files");
        }
        return stripCommonFolder(files);
    }

    /** A zip of the folder itself ("rules/incident-severity.dmn") is read as the folder's content. */
    private static List<CandidatePart> stripCommonFolder(List<CandidatePart> files) {
        String first = files.get(0).path();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String prefix = first.substring(0, slash + 1);
        if (files.stream().noneMatch(f -> f.path().equals(prefix + "META-INF/kmodule.xml"))
                || !files.stream().allMatch(f -> f.path().startsWith(prefix))) {
            return files;
        }
        return files.stream()
                .map(f -> new CandidatePart(f.path().substring(prefix.length()), null, f.content())).toList();
    }

    private static InvalidRequestException invalid(String message) {
        return InvalidRequestException.of(List.of(FieldError.of("body", message)));
    }
}
