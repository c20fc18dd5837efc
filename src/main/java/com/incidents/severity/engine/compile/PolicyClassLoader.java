package com.incidents.severity.engine.compile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.mvel2.compiler.AbstractParser;

/**
 * The class loader a policy's rules are built and run with: it offers the generated code nothing
 * outside {@link #ALLOWED}, not even {@code java.*} (it does not delegate a refused name to its
 * parent, and hides the class files from compilers too, except the JDK's, see {@link #COMPILE_ONLY}). Classes the policy declares are defined by
 * Drools in a child of this loader, so they resolve; anything else a rule names, such as
 * {@code java.io.FileOutputStream}, {@code java.lang.Runtime} or {@code org.mvel2.sh.ShellSession},
 * is a {@link ClassNotFoundException}, and the build fails or the code finds no gadget.
 * This is the second wall; the first is {@link DrlAllowList}.
 */
public final class PolicyClassLoader extends ClassLoader {

    /**
     * Everything generated rule code may see, as measured by building and running the fixture, its
     * scenarios and the fuzz test's benign rules (EngineTruthTest, PolicyScenariosTest,
     * DrlFuzzPropertyTest) with a loader that logged each class and class file it was asked for. A name ending in '.' is a
     * package prefix, one ending in '*' a prefix of class names in its package, any other name one
     * class (its nested classes included).
     */
    static final List<String> ALLOWED = List.of(
            // the value types of declared fields and the JDK types every class compiles against
            "java.lang.Object", "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean",
            "java.lang.Double", "java.lang.Number", "java.lang.Comparable", "java.lang.CharSequence",
            "java.lang.Enum", "java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException",
            "java.lang.Error", "java.lang.Iterable", "java.lang.Cloneable", "java.lang.Override",
            "java.lang.Deprecated", "java.lang.FunctionalInterface", "java.lang.StringBuilder",
            "java.lang.AbstractStringBuilder", "java.lang.Void",
            "java.lang.constant.Constable", "java.lang.constant.ConstantDesc",
            "java.io.Serializable", "java.io.Externalizable", "java.io.ObjectInput", "java.io.ObjectOutput",
            "java.io.DataInput", "java.io.DataOutput",
            // declared types implement these and carry their metadata (GeneratedFact, @Position, @Role...)
            "org.drools.base.factmodel.", "org.kie.api.definition.",
            // generated consequences, queries, field readers/writers and jitted constraints extend or call these
            "org.drools.base.base.", "org.drools.base.reteoo.", "org.drools.base.rule.", "org.drools.core.common.",
            "org.drools.core.reteoo.", "org.drools.core.rule.consequence.", "org.drools.core.base.accumulators.",
            "org.drools.mvel.evaluators.", "org.drools.util.bitmask.", "org.kie.api.runtime.rule.FactHandle",
            "org.kie.api.runtime.rule.RuleContext",
            // Drools loads its Java compiler by name through the rules' loader (its own classes then
            // come from the service's loader, not through this one)
            "org.drools.ecj.EclipseJavaCompiler",
            // the executable model: rules are Java over its DSL, lambdas, indexes and the evaluation helpers
            // (its DSL and function types, whose only loading by name is of constant names, and of
            // the consequence and evaluation helpers; not util.ClassUtil or CanonicalKieModule, which
            // load classes by name, nor TimerUtil or TypeDeclarationUtil, which invoke methods)
            "org.drools.model.", "org.drools.modelcompiler.consequence.", "org.drools.modelcompiler.dsl.",
            "org.drools.modelcompiler.util.EvaluationUtil", "org.drools.util.DateUtils", "java.util.List",
            "java.util.ArrayList", "java.util.Arrays", "java.util.Collections", "java.util.Locale",
            "java.time.format.DateTimeFormatter", "java.time.format.DateTimeFormatterBuilder",
            "java.lang.IllegalArgumentException",
            // the bootstraps of the lambdas the model keeps inline and of string concatenation: every
            // method of them takes a MethodHandles.Lookup and a MethodType, classes rule code cannot load
            "java.lang.invoke.LambdaMetafactory", "java.lang.invoke.StringConcatFactory",
            // the JDK defines reflection accessors for declared types under their loader; rule code cannot
            // use these (java.base does not export jdk.internal.reflect)
            "jdk.internal.reflect.MagicAccessorImpl", "jdk.internal.reflect.MethodAccessorImpl",
            "jdk.internal.reflect.ConstructorAccessorImpl", "jdk.internal.reflect.SerializationConstructorAccessorImpl",
            "jdk.internal.reflect.FieldAccessorImpl");

    /**
     * Class files the Java compiler must read to type-check generated rule code (the JDK types name
     * them in signatures, e.g. {@code ConstantDesc.resolveConstantDesc(MethodHandles.Lookup)}, and a
     * class literal {@code Assessment.class} is a {@code Class}), whose classes the code still may not
     * load: {@link #loadClass} refuses them like any other; the executable model's runtime classes
     * too, which the compiler reads as supertypes and signatures of the DSL but which the code loads
     * only as {@link #ALLOWED} lists (not, for instance, {@code ClassUtil} or {@code CanonicalKieModule},
     * which load classes by name).
     * So {@code $a.getClass().forName(...)},
     * {@code Class.forName(name, true, null)} included, compiles and then fails: the code cannot call a
     * method of {@code Class}.
     */
    // The JDK's class files ("java.") are the compiler's to read, as javac reads them from the platform
    // modules whatever a loader says: Eclipse's compiler, which the rules are compiled with, reads every
    // class file through this loader, and type-checking one JDK type pulls in its supertypes and
    // signatures (Enum reaches ObjectInputStream, ArrayList AbstractList and RandomAccess). Code
    // compiled against them still loads only what ALLOWED lists.
    static final List<String> COMPILE_ONLY = List.of("java.lang.invoke.MethodHandles", "java.lang.Class",
            "org.drools.modelcompiler.", "org.drools.compiler.kie.builder.MaterializedLambda", "java.");

    /** Drools' own configuration files, read through the rules' loader (settings, not code). */
    private static final Set<String> CONFIGURATION = Set.of("META-INF/kie.properties.conf",
            "META-INF/kie.default.properties.conf", "META-INF/kie.default.mvel.properties.conf");

    static {
        mvelNamesOnlyOfAllowedClasses();
    }

    /** A wall over {@code parent}, the loader of the service's own classes. */
    public PolicyClassLoader(ClassLoader parent) {
        super("policy-wall", parent);
    }

    /** Whether generated rule code may see the class of this binary name. */
    static boolean allowed(String className) {
        String name = className.startsWith("[") ? className.replaceFirst("^\\[+L?", "").replace(";", "") : className;
        int nested = name.indexOf('$');
        String top = nested < 0 ? name : name.substring(0, nested);
        for (String allowed : ALLOWED) {
            if (allowed.endsWith(".") ? top.startsWith(allowed)
                    : allowed.endsWith("*") ? top.startsWith(allowed.substring(0, allowed.length() - 1))
                            && top.lastIndexOf('.') == allowed.lastIndexOf('.')
                    : top.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!allowed(name)) {
            throw new ClassNotFoundException(name + " is not offered to a policy's rules");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return classFileAllowed(name) ? super.getResource(name) : null;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return classFileAllowed(name) ? super.getResourceAsStream(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return classFileAllowed(name) ? super.getResources(name) : Collections.emptyEnumeration();
    }

    /**
     * Class files are seen as their class is, and the folders of allowed packages (the Java compiler
     * asks whether a name is a package); Drools' configuration too; other resources not at all.
     */
    private boolean classFileAllowed(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        String className = path.endsWith(".class") ? path.substring(0, path.length() - 6).replace('/', '.') : null;
        return className != null ? allowed(className) || compileOnly(className)
                : CONFIGURATION.contains(path) || packageFolder(path);
    }

    /**
     * MVEL (which the classic Drools build used for constraints and "mvel" consequences, and which
     * Drools' builders still load) hands some
     * classes to any expression by their simple name from a table of its own, never asking a class
     * loader: System, Runtime, Thread, ClassLoader, Class, Math... Drop from that table every class this
     * wall does not offer, and Class too (its forName would load through MVEL's own loader), so MVEL
     * resolves those names through the rules' loader like any other. The table is MVEL's, for the whole
     * process: the service itself does not use MVEL.
     */
    private static void mvelNamesOnlyOfAllowedClasses() {
        AbstractParser.setupParser();
        for (Map<String, Object> names : List.of(AbstractParser.LITERALS, AbstractParser.CLASS_LITERALS)) {
            synchronized (names) {
                names.values().removeIf(v -> v instanceof Class<?> c && !c.isPrimitive()
                        && (c == Class.class || !allowed(c.getName())));
            }
        }
    }

    static boolean compileOnly(String className) {
        String top = className.replaceFirst("\\$.*", "");
        return COMPILE_ONLY.stream().anyMatch(c -> c.endsWith(".") ? top.startsWith(c) : top.equals(c));
    }

    private static boolean packageFolder(String path) {
        String pkg = (path.endsWith("/") ? path : path + "/").replace('/', '.');
        return !path.contains(".") && Stream.concat(ALLOWED.stream(), COMPILE_ONLY.stream())
                .anyMatch(a -> a.startsWith(pkg) || a.endsWith(".") && pkg.startsWith(a));
    }
}
