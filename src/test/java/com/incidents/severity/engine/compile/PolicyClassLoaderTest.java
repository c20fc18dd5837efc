package com.incidents.severity.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mvel2.compiler.AbstractParser;

/**
 * The second wall refuses every class outside its allow-list, java.* included, to class loading
 * and to compilers reading class files; and MVEL's own table of names no longer hands out the
 * classes it refuses.
 */
class PolicyClassLoaderTest {

    private static final List<String> GADGETS = List.of("java.io.FileOutputStream", "java.io.File",
            "org.mvel2.sh.ShellSession", "java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.System",
            "java.lang.Thread", "java.lang.ClassLoader", "java.lang.reflect.Method", "java.lang.invoke.MethodHandles",
            "java.nio.file.Files", "java.nio.file.Path", "java.net.URL", "org.kie.api.KieServices",
            "org.drools.core.impl.RuleBaseFactory", "com.incidents.severity.engine.compile.PolicyCompiler");

    private final PolicyClassLoader wall = new PolicyClassLoader(PolicyClassLoaderTest.class.getClassLoader());

    @Test
    void everyGadgetIsAClassNotFound() {
        for (String name : GADGETS) {
            assertThrows(ClassNotFoundException.class, () -> wall.loadClass(name), name);
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, wall), name);
            if (!PolicyClassLoader.compileOnly(name)) {
                assertNull(wall.getResource(name.replace('.', '/') + ".class"), name);
                assertNull(wall.getResourceAsStream(name.replace('.', '/') + ".class"), name);
            }
        }
    }

    @Test
    void classesTheCompilerReadsAreStillNotLoaded() {
        // Class and MethodHandles are read by the Java compiler (class literals, the JDK's signatures),
        // but code defined behind the wall cannot load them: so not Class.forName(name, true, null) either.
        for (String name : List.of("java.lang.Class", "java.lang.invoke.MethodHandles",
                "org.drools.modelcompiler.util.ClassUtil", "org.drools.modelcompiler.CanonicalKieModule")) {
            org.junit.jupiter.api.Assertions.assertNotNull(wall.getResource(name.replace('.', '/') + ".class"), name);
            assertThrows(ClassNotFoundException.class, () -> wall.loadClass(name), name);
        }
    }

    @Test
    void theValueTypesAndTheEngineInterfacesAreThere() throws Exception {
        assertEquals(String.class, wall.loadClass("java.lang.String"));
        assertEquals(org.drools.base.factmodel.GeneratedFact.class,
                wall.loadClass("org.drools.base.factmodel.GeneratedFact"));
    }

    @Test
    void noFileOtherThanClassFilesAndDroolsSettingsIsReadable() {
        assertNull(wall.getResource("application.properties"));
        assertNull(wall.getResource("META-INF/MANIFEST.MF"));
    }

    @Test
    void mvelNoLongerNamesTheRefusedClasses() {
        for (String name : List.of("System", "Runtime", "Thread", "ClassLoader", "Class", "Math", "Array")) {
            assertFalse(AbstractParser.CLASS_LITERALS.containsKey(name), name);
            assertFalse(AbstractParser.LITERALS.containsKey(name), name);
        }
        assertEquals(String.class, AbstractParser.CLASS_LITERALS.get("String"));
    }
}
