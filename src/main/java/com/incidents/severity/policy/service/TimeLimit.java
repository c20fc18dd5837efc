package com.incidents.severity.policy.service;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the check of a candidate policy on a thread of its own and waits for it no longer than its
 * limit. A check given up is interrupted: it stops at its next step (between the validator, the
 * build and each scenario row), and a check not yet started never starts. One thread: candidate
 * checks run one at a time, and never on the lock that reloads and the watcher take.
 */
public final class TimeLimit {

    private final ExecutorService thread;

    public TimeLimit(String threadName) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** The task's result; {@link TimeoutException} once {@code limit} has passed (the task is then given up). */
    public <T> T call(Callable<T> task, Duration limit) throws TimeoutException, Exception {
        Future<T> future = thread.submit(task);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    public void shutdown() {
        thread.shutdownNow();
    }
}
