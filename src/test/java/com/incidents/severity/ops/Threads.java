package com.incidents.severity.ops;

import java.util.concurrent.TimeUnit;

/** Ends a service thread the way an {@link Error} would: {@link Thread#stop()} throws ThreadDeath in it. */
final class Threads {

    private Threads() {
    }

    @SuppressWarnings({ "deprecation", "removal" })
    static void kill(String name) throws InterruptedException {
        var live = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
                .toList();
        if (live.size() != 1) { // the service under test's own thread, or the test cannot say which to end
            throw new AssertionError(live.size() + " live threads named " + name);
        }
        Thread thread = live.get(0);
        thread.stop();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        if (thread.isAlive()) {
            throw new AssertionError(name + " survived");
        }
    }
}
