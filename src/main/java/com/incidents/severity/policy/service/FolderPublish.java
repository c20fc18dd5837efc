package com.incidents.severity.policy.service;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.load.PolicyReader;

/**
 * Writes a published version into the rules folder so the folder stays truthful: every file first
 * into a hidden folder inside it (which the reader and the watcher's reload skip: a name starting
 * with '.'), then each moved into place with an atomic rename, then the files the version no longer
 * has deleted. The caller holds the reload lock, so no reload reads the folder in between.
 */
final class FolderPublish {

    private FolderPublish() {
    }

    /** Null when written, else why the folder could not be written (the version goes in force all the same). */
    static String write(Path dir, PolicyFiles files) {
        Path staging = dir.resolve(".publish-" + UUID.randomUUID());
        try {
            PolicyFiles before = PolicyReader.fromDirectory(dir);
            for (var file : files.files().entrySet()) {
                Path target = staging.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            for (String path : files.files().keySet()) {
                Path target = dir.resolve(path);
                Files.createDirectories(target.getParent());
                move(staging.resolve(path), target);
            }
            for (String path : before.files().keySet()) {
                if (!files.files().containsKey(path)) {
                    Files.deleteIfExists(dir.resolve(path));
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "the rules folder " + dir.toAbsolutePath().normalize() + " cannot be written (" + e + ")";
        } finally {
            delete(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path staging) {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover hidden folder is skipped by the reader; nothing else to do
        }
    }
}
