package com.incidents.severity.policy.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.compile.PolicyClassLoader;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.compile.PolicySafety;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.engine.model.PolicyBuildException;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.Hostile;
import com.incidents.severity.support.PolicyRun;

/**
 * Each of the two walls stops the hostile corpus on its own. With the grammar check put aside
 * (Drools' parse only), every DRL case either fails to build or builds and runs without a trace:
 * its code finds none of the classes it names, because the class loader refuses them. With the
 * class loader put aside (the service's own), the grammar check refuses every case before Drools
 * builds anything. Reflection from a held fact ({@code mvel-reflection},
 * {@code reflection-constraint}) included: the rules are Java of the executable model, compiled and
 * run behind the loader, which offers no {@code Class} methods. A control shows the corpus is live:
 * with both walls aside, two cases do run.
 */
class EachWallAloneTest {

    @BeforeEach
    void noTraces() throws Exception {
        PolicyRun.clearTraces();
    }

    @Test
    void theClassLoaderAloneLeavesTheHostileRulesNoGadget() throws Exception {
        PolicyCompiler loaderOnly = new PolicyCompiler(PolicyRun::parseOnly, PolicyClassLoader::new);
        List<String> built = new ArrayList<>();
        for (String name : drlCases()) {
            CompiledPolicy compiled;
            try {
                compiled = loaderOnly.compile(Hostile.policy(name));
            } catch (PolicyBuildException refused) { // the build failed: the class a rule names is not there
                System.out.println("not built with the grammar check put aside: " + name + ": "
                        + refused.getMessage().strip().lines().findFirst().orElse(""));
                continue;
            }
            built.add(name);
            try {
                PolicyRun.fire(compiled.kieBase());
            } catch (RuntimeException | LinkageError e) {
                // a rule that reaches for a refused class fails inside the session: no code ran
            }
            assertEquals(List.of(), PolicyRun.traces(), name + " ran code past the class loader");
        }
        System.out.println("built with the grammar check put aside (and ran harmlessly): " + built);
        assertEquals(List.of(), PolicyRun.traces());
    }

    @Test
    void theGrammarAloneRefusesEveryHostilePolicy() {
        PolicyCompiler grammarOnly = new PolicyCompiler(PolicySafety::check, UnaryOperator.identity());
        for (String name : Hostile.cases()) {
            assertThrows(PolicyBuildException.class, () -> grammarOnly.compile(Hostile.policy(name)), name);
        }
        assertEquals(List.of(), PolicyRun.traces());
        assertTrue(grammarOnly.compile(Fixture.files()).kieBase() != null, "the fixture builds with the grammar alone");
    }

    @Test
    void withBothWallsAsideTheCorpusRunsItsCode() throws Exception {
        PolicyCompiler neither = new PolicyCompiler(PolicyRun::parseOnly, UnaryOperator.identity());
        for (String name : List.of("exec", "mvel-reflection", "reflection-constraint", "bootstrap-forname")) {
            PolicyRun.fire(neither.compile(Hostile.policy(name)).kieBase());
            assertFalse(PolicyRun.traces().isEmpty(), name + " left no trace with both walls aside: it would prove nothing");
            PolicyRun.clearTraces();
        }
    }

    @Test
    void whatIsBuiltIsTheParseTheCheckRead() {
        // The first wall reads the fixture only; a DRL text beside it that the wall never parsed is not built.
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>(Fixture.files().files());
        files.put("severity/unchecked.drl", "package severity;\nrule \"Unchecked\"\nwhen\nthen\nend\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CompiledPolicy compiled = new PolicyCompiler(f -> PolicySafety.check(Fixture.files()), PolicyClassLoader::new)
                .compile(com.incidents.severity.engine.model.PolicyFiles.of("unchecked", files));
        assertTrue(compiled.kieBase().getRule("severity", "Severity order") != null);
        assertEquals(null, compiled.kieBase().getRule("severity", "Unchecked"));
    }

    @Test
    void theFixtureBuildsAndRunsBehindTheClassLoader() throws Exception {
        PolicyRun.fire(new PolicyCompiler().compile(Fixture.files()).kieBase());
    }

    private static List<String> drlCases() {
        return Hostile.cases().stream().filter(n -> Hostile.files(n).keySet().stream().anyMatch(p -> p.endsWith(".drl")))
                .toList();
    }
}
