package com.incidents.severity.policy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder watcher: changes settle into one call; subfolders, new ones included, are watched. */
class FolderWatcherTest {

    private static final Duration SETTLE = Duration.ofMillis(300);

    @TempDir
    Path dir;

    @Test
    void writesInQuickSuccessionCauseOneCallAfterTheySettle() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FolderWatcher watcher = FolderWatcher.start(dir, SETTLE, calls::incrementAndGet)) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(dir.resolve("table.dmn"), "version " + i);
                Thread.sleep(50);
            }
            assertEquals(0, calls.get(), "no call before the folder settles");
            awaitCalls(calls, 1);
            Thread.sleep(SETTLE.toMillis() * 3);
            assertEquals(1, calls.get());
        }
    }

    @Test
    void changesInSubfoldersAreSeenIncludingNewOnes() throws Exception {
        Files.createDirectories(dir.resolve("severity"));
        AtomicInteger calls = new AtomicInteger();
        try (FolderWatcher watcher = FolderWatcher.start(dir, SETTLE, calls::incrementAndGet)) {
            Files.writeString(dir.resolve("severity/combination.drl"), "rule");
            awaitCalls(calls, 1);
            Files.createDirectories(dir.resolve("scenarios"));
            awaitCalls(calls, 2);
            Files.writeString(dir.resolve("scenarios/new.csv"), "description");
            awaitCalls(calls, 3);
        }
    }

    @Test
    void aFolderReplacedAsAWholeIsNoLongerTheOneWatched() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path deleted = Files.createDirectories(dir.resolve("deleted"));
        try (FolderWatcher moved = FolderWatcher.start(rules, SETTLE, () -> { });
                FolderWatcher gone = FolderWatcher.start(deleted, SETTLE, () -> { })) {
            assertTrue(moved.watchesCurrentFolder() && gone.watchesCurrentFolder());
            Files.move(rules, dir.resolve("rules-old")); // as a checkout or a deploy's swap does
            Files.createDirectories(rules);
            Files.delete(deleted);
            Files.createDirectories(deleted);
            assertFalse(moved.watchesCurrentFolder(), "the watch followed the old folder");
            // A folder made again at once may get the freed inode back, so the deletion shows once the
            // watch service has cancelled the old registration (its own thread, an instant later).
            long deadline = System.currentTimeMillis() + 10_000;
            while (gone.watchesCurrentFolder() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(gone.watchesCurrentFolder(), "the new folder is another one");
            assertTrue(moved.alive(), "its thread runs on, deaf: hence the check");
        }
    }

    @Test
    void noCallAfterClose() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FolderWatcher.start(dir, SETTLE, calls::incrementAndGet).close();
        Files.writeString(dir.resolve("table.dmn"), "edit");
        Thread.sleep(SETTLE.toMillis() * 3);
        assertEquals(0, calls.get());
    }

    private static void awaitCalls(AtomicInteger calls, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (calls.get() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(calls.get() >= expected, "expected " + expected + " calls, got " + calls.get());
    }
}
