package com.incidents.severity.policy.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.compile.PolicySafety;
import com.incidents.severity.engine.model.PolicyBuildException;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.service.PolicyCheck;
import com.incidents.severity.policy.service.PolicyLoader;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.Hostile;

/**
 * Every policy of the hostile corpus is refused before the DMN validator or Drools reads it, by a
 * diagnostic naming its file, line and construct; none of them ran (their marker files stay absent,
 * and this JVM is still here after the System.exit case).
 */
class HostilePoliciesTest {

    /** Each case: the file, the line and words of the construct the refusal must name. */
    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("exec", new Expected("severity/hostile.drl", 8, "Runtime.getRuntime().exec(")),
            Map.entry("file-read", new Expected("severity/hostile.drl", 8, "throw new IllegalStateException(")),
            Map.entry("system-exit", new Expected("severity/hostile.drl", 8, "System.exit(0)")),
            Map.entry("sleep", new Expected("severity/hostile.drl", 8, "Thread.sleep(60000)")),
            Map.entry("drl-function", new Expected("severity/hostile.drl", 4, "function stop")),
            Map.entry("global", new Expected("severity/hostile.drl", 4, "global leaked")),
            Map.entry("static-import", new Expected("severity/hostile.drl", 4, "static import java.lang.System.exit")),
            Map.entry("class-import", new Expected("severity/hostile.drl", 4, "import java.io.File")),
            Map.entry("annotation-mvel", new Expected("severity/hostile.drl", 4, "@description(Runtime.getRuntime()")),
            Map.entry("salience-expression", new Expected("severity/hostile.drl", 5, "attribute salience")),
            Map.entry("unicode-escape", new Expected("severity/hostile.drl", 9, "unicode escape")),
            Map.entry("constraint-call", new Expected("severity/hostile.drl", 6, "System.getenv(\"HOME\")")),
            Map.entry("kmodule-listener", new Expected("META-INF/kmodule.xml", 6, "<listeners>")),
            Map.entry("feel-java-function", new Expected("hostile.dmn", 6, "function of kind 'Java'")),
            Map.entry("declare-existing-class", new Expected("severity/declare.drl", 1, "package org.mvel2.sh")),
            Map.entry("declare-qualified-class", new Expected("severity/hostile.drl", 4, "declare java.io.FileOutputStream")),
            Map.entry("feel-external", new Expected("hostile.dmn", 7, "FEEL external function")),
            // unbounded evaluation: loops, recursion and amplifying functions (FeelBounds, SafeXml)
            Map.entry("feel-for-range", new Expected("hostile.dmn", 7, "'for ... in ... return' loop")),
            Map.entry("feel-some-range", new Expected("hostile.dmn", 7, "'some ... in ... satisfies' loop")),
            Map.entry("feel-nested-for", new Expected("hostile.dmn", 7, "'for ... in ... return' loop")),
            Map.entry("feel-recursion", new Expected("hostile.dmn", 7, "a context { name: ... }")),
            Map.entry("feel-string-join", new Expected("hostile.dmn", 7, "a call of 'string join'")),
            Map.entry("dmn-boxed-for", new Expected("hostile.dmn", 6, "a boxed 'for' loop")),
            Map.entry("dmn-bkm-recursion", new Expected("hostile.dmn", 4, "a business knowledge model")),
            Map.entry("new-file-condition", new Expected("severity/hostile.drl", 6, "new java.io.File(")),
            Map.entry("eval", new Expected("severity/hostile.drl", 7, "rule \"Eval\": eval")),
            Map.entry("from", new Expected("severity/hostile.drl", 6, "pattern over String")),
            Map.entry("accumulate", new Expected("severity/hostile.drl", 6, "pattern over Number")),
            Map.entry("collect", new Expected("severity/hostile.drl", 6, "pattern over java.util.ArrayList")),
            Map.entry("function-called", new Expected("severity/hostile.drl", 4, "function leak")),
            Map.entry("query-call", new Expected("severity/hostile.drl", 5, "System.setProperty(\"hostile.query\"")),
            Map.entry("mvel-with", new Expected("severity/hostile.drl", 9, "with ($a)")),
            Map.entry("annotation-class", new Expected("severity/hostile.drl", 4, "declare Probe @role")),
            Map.entry("window", new Expected("severity/hostile.drl", 4, "window declaration")),
            Map.entry("entry-point", new Expected("severity/hostile.drl", 6, "entrypoint source of Assessment")),
            Map.entry("declare-extends", new Expected("severity/hostile.drl", 4,
                    "declare Probe extends org.mvel2.sh.ShellSession")),
            Map.entry("unicode-identifier", new Expected("severity/hostile.drl", 8, "unicode escape")),
            Map.entry("comment-hiding", new Expected("severity/hostile.drl", 8,
                    "System.setProperty(\"hostile.comment\"")),
            Map.entry("mvel-reflection", new Expected("severity/hostile.drl", 9, "$a.getClass()")),
            Map.entry("reflection-constraint", new Expected("severity/hostile.drl", 6, "this.getClass()")),
            Map.entry("bootstrap-forname", new Expected("severity/hostile.drl", 8, "$a.getClass()")),
            Map.entry("java-dialect", new Expected("severity/hostile.drl", 9, "java.lang.System.setProperty(")));

    private static final List<Path> MARKERS = List.of(Path.of("target/hostile-exec-ran"),
            Path.of("target/hostile-annotation-ran"), Path.of("target/hostile-shell-ran"), Path.of("target/hostile-fos-ran"));

    record Expected(String file, int line, String construct) {
    }

    @BeforeAll
    static void noMarkers() throws Exception {
        for (Path marker : MARKERS) {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void theCorpusHoldsEveryExpectedCase() {
        assertEquals(EXPECTED.keySet(), new java.util.TreeSet<>(Hostile.cases()));
    }

    @Test
    void theFixtureKeepsToTheAllowList() {
        assertEquals(List.of(), PolicySafety.refusals(Fixture.files()));
    }

    @Test
    void eachHostilePolicyIsRefusedAtItsFileLineAndConstruct() throws Exception {
        PolicyLoader loader = new PolicyLoader(1000);
        for (String name : Hostile.cases()) {
            Expected expected = EXPECTED.get(name);
            PolicyCheck check = loader.check(Hostile.policy(name));
            assertFalse(check.accepted(), name);
            assertFalse(check.built(), name + " must not reach the Drools build");
            assertTrue(check.validation().isEmpty(), name + " must not reach the DMN validator");
            assertTrue(check.scenarios().isEmpty(), name + " must not run scenarios");
            PolicyDiagnostic d = check.blocking().get(0);
            assertEquals(expected.file(), d.file(), name + ": " + d);
            assertEquals("line " + expected.line(), d.rule(), name + ": " + d);
            assertTrue(d.message().contains(expected.construct()) && d.message().contains("not allowed"),
                    name + ": " + d);
        }
        for (Path marker : MARKERS) {
            assertFalse(Files.exists(marker), marker + " shows a hostile policy ran");
        }
    }

    @Test
    void theCompilerRefusesThemTooWhoeverCallsIt() {
        for (String name : Hostile.cases()) {
            PolicyBuildException refused = assertThrows(PolicyBuildException.class,
                    () -> new PolicyCompiler().compile(Hostile.policy(name)), name);
            assertTrue(refused.getMessage().contains(EXPECTED.get(name).construct()), refused.getMessage());
        }
    }
}
