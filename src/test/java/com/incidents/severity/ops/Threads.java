package com.incidents.severity.ops;

import java.util.concurrent.TimeUnit;

/** Ends a service thread the way an {@link Error} would: {@link Thread#stop()} throws ThreadDeath in it. */
final class Threads {

    private Threads() {
    }

    @SuppressWarnings({ "deprecation", "removal" })
    static void kill(String name) throws InterruptedException {
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive()).findFirst()
                .orElseThrow(() -> new AssertionError("no live thread named " + name));
        thread.stop();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        if (thread.isAlive()) {
            throw new AssertionError(name + " survived");
        }
    }
}
