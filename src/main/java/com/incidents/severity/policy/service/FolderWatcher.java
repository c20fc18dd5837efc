package com.incidents.severity.policy.service;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Watches a folder and its subfolders (new ones included) and calls back once the folder has been
 * quiet for the settle time after a change: every change postpones the call, so an editor saving
 * several files causes one call. Calls run one at a time on the watcher's own thread. A folder
 * replaced as a whole is not seen (see {@link #watchesCurrentFolder}): its owner starts a new watcher.
 */
public final class FolderWatcher implements Closeable {

    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);

    private final Path root;
    private final long settleMs;
    private final Runnable onChange;
    private final WatchService watch;
    private final ScheduledThreadPoolExecutor calls;
    private final Thread thread;
    private final Object rootIdentity;
    private volatile WatchKey rootKey;
    private ScheduledFuture<?> pending;

    private FolderWatcher(Path root, Duration settle, Runnable onChange) throws IOException {
        this.root = root;
        this.settleMs = Math.max(0, settle.toMillis());
        this.onChange = onChange;
        this.watch = root.getFileSystem().newWatchService();
        this.calls = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "policy-reload"));
        calls.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.rootIdentity = identity(root);
        registerTree(root);
        this.thread = daemon(this::loop, "policy-watch");
    }

    public static FolderWatcher start(Path root, Duration settle, Runnable onChange) {
        try {
            FolderWatcher watcher = new FolderWatcher(root, settle, onChange);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + root, e);
        }
    }

    /** False once the watching thread has ended (closed, or died of an error it could not survive). */
    public boolean alive() {
        return thread.isAlive();
    }

    /**
     * Whether the folder now at the watched path is the one this watcher registered: false once it
     * was deleted (its watch is cancelled) or moved away and another put in its place (the watch
     * follows the old folder; a symlink swapped to another target is the same). Then it is deaf.
     */
    public boolean watchesCurrentFolder() {
        WatchKey key = rootKey;
        if (key == null || !key.isValid()) {
            return false;
        }
        try {
            return rootIdentity == null || rootIdentity.equals(identity(root));
        } catch (IOException e) {
            return false;
        }
    }

    /** The folder's identity on its file system (device and inode on Linux), following a symlink. */
    private static Object identity(Path dir) throws IOException {
        return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debugf("Closing the watch on %s: %s", root, e.getMessage());
        }
        calls.shutdown(); // a call not yet due never runs; one running finishes rather than fail half-way
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == ENTRY_CREATE && event.context() instanceof Path child
                            && Files.isDirectory(dir.resolve(child), LinkOption.NOFOLLOW_LINKS)) {
                        registerTree(dir.resolve(child));
                    }
                }
                key.reset();
                settleThenCall();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            LOG.debugf("Stopped watching %s", root);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Stopped watching %s for policy changes", root);
        }
    }

    private synchronized void settleThenCall() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = calls.schedule(this::call, settleMs, TimeUnit.MILLISECONDS);
    }

    private void call() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reacting to a change in %s failed", root);
        }
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                WatchKey key = d.register(watch, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
                if (d.equals(root)) {
                    rootKey = key;
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
