package com.incidents.severity.decision.engine;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import com.incidents.severity.policy.load.*;

class SmokeTest {
    @Test
    void smoke() {
        long t0 = System.nanoTime();
        CompiledPolicy p = new PolicyCompiler().compile(PolicyReader.fromDirectory(Path.of("rules")));
        System.out.println("compiled in ms " + (System.nanoTime() - t0) / 1e6 + " warnings " + p.warnings());
        EngineEvaluator e = new EngineEvaluator(p);
        Outcome o = e.evaluate(new Facts("MAJOR", 2000L, null, null, null, null, null, 7L));
        System.out.println(o);
        o = e.evaluate(new Facts(null, null, null, "app ui".equals("x") ? null : "App UI", null, "OUTAGE", 150L, null));
        System.out.println(o);
        for (int k = 0; k < 3; k++) {
            long t = System.nanoTime();
            for (int i = 0; i < 2000; i++) e.evaluate(new Facts("MAJOR", 2000L + i, null, null, null, null, null, 7L));
            System.out.println("us/eval " + (System.nanoTime() - t) / 2000 / 1e3);
        }
    }
}
