package com.incidents.severity.engine.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drools.codegen.common.GeneratedFile;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.io.DescrResource;
import org.drools.model.Model;
import org.drools.model.codegen.execmodel.ModelBuilderImpl;
import org.drools.model.codegen.execmodel.PackageSources;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.memorycompiler.JavaConfiguration;
import org.kie.memorycompiler.KieMemoryCompiler;

/**
 * A policy's checked DRL as Drools' executable model: each rule, constraint and consequence
 * (of either dialect) becomes Java, compiled against the given class loader (the wall) and defined
 * in a child of it, so no rule text is interpreted by MVEL at run time and every class the rules
 * reach is asked of the wall, reflection included ({@code Class.forName}, {@code getMethod}...).
 * The built models, or the builder's errors.
 */
record ExecutableRules(List<Model> models, List<KnowledgeBuilderResult> results) {

    static ExecutableRules build(Map<String, PackageDescr> drl, ClassLoader loader, ReleaseId releaseId) {
        KnowledgeBuilderConfigurationImpl conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader)
                .as(KnowledgeBuilderConfigurationImpl.KEY);
        ModelBuilderImpl<PackageSources> builder = new ModelBuilderImpl<>(PackageSources::dumpSources, conf, releaseId, false);
        CompositeKnowledgeBuilder batch = builder.batch();
        drl.forEach((path, descr) -> {
            DescrResource resource = new DescrResource(descr);
            resource.setSourcePath(path);
            batch.add(resource, ResourceType.DESCR);
        });
        batch.build();
        List<KnowledgeBuilderResult> results = List.copyOf(builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING));
        if (builder.hasErrors()) {
            return new ExecutableRules(List.of(), results);
        }
        List<GeneratedFile> generated = new ArrayList<>();
        builder.getPackageSources().forEach(sources -> sources.collectGeneratedFiles(generated));
        Map<String, String> java = new LinkedHashMap<>();
        for (GeneratedFile file : generated) {
            String path = file.relativePath();
            if (path.endsWith(".java")) {
                java.put(path.substring(0, path.length() - 5).replace('/', '.'), new String(file.contents(), StandardCharsets.UTF_8));
            }
        }
        Map<String, Class<?>> classes = java.isEmpty() ? Map.of() : compile(java, loader);
        List<Model> models = new ArrayList<>();
        for (PackageSources sources : builder.getPackageSources()) {
            for (String name : sources.getModelNames()) {
                try {
                    models.add((Model) classes.get(name).getConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("The rules of " + name + " cannot be created: " + e, e);
                }
            }
        }
        return new ExecutableRules(List.copyOf(models), results);
    }

    /**
     * Compiled by Eclipse's compiler (drools-ecj), which reads every class file through the wall
     * alone, whatever the JVM's class path (the JDK's javac would also read {@code java.class.path}),
     * and defined in a child of the wall.
     */
    private static Map<String, Class<?>> compile(Map<String, String> java, ClassLoader wall) {
        Map<String, byte[]> bytes = KieMemoryCompiler.compileNoLoad(java, wall, JavaConfiguration.CompilerType.ECLIPSE);
        KieMemoryCompiler.MemoryCompilerClassLoader rules = new KieMemoryCompiler.MemoryCompilerClassLoader(wall);
        bytes.forEach(rules::addCode);
        Map<String, Class<?>> classes = new LinkedHashMap<>();
        for (String name : java.keySet()) {
            try {
                classes.put(name, rules.loadClass(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The compiled rules lack " + name, e);
            }
        }
        return classes;
    }

    /** The loader the rules' classes (declared types included) were defined in, or the wall if there are none. */
    static ClassLoader loaderOf(List<Model> models, ClassLoader wall) {
        return models.isEmpty() ? wall : models.get(0).getClass().getClassLoader();
    }
}
