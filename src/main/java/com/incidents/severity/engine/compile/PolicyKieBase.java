package com.incidents.severity.engine.compile;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.drools.compiler.kproject.models.KieModuleModelImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.KieBaseConfiguration;

import com.incidents.severity.engine.model.PolicyFiles;

/**
 * The empty knowledge base a policy is built into, as its {@code META-INF/kmodule.xml} describes
 * the default kbase (name, equality behaviour, event processing mode, the folders it takes), over
 * the given class loader. The same kbase as a KieContainer would make from that kmodule.xml, without
 * a KIE module in between (the rules are built from their checked descriptions, not from text).
 */
record PolicyKieBase(KieBaseModel model, List<String> packages) {

    private static final String KMODULE = "META-INF/kmodule.xml";

    static PolicyKieBase of(PolicyFiles files) {
        byte[] kmodule = files.files().get(KMODULE);
        KieBaseModel model = kmodule == null ? null : defaultBase(
                KieModuleModelImpl.fromXML(new String(kmodule, StandardCharsets.UTF_8)));
        return new PolicyKieBase(model, model == null ? List.of() : List.copyOf(model.getPackages()));
    }

    /** A new empty kbase as the kmodule.xml describes it, over this class loader. */
    InternalKnowledgeBase newBase(ClassLoader loader) {
        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration(null, loader);
        if (model != null) {
            conf.setOption(model.getEqualsBehavior() == null ? EqualityBehaviorOption.IDENTITY : model.getEqualsBehavior());
            conf.setOption(model.getEventProcessingMode() == null ? EventProcessingOption.CLOUD
                    : model.getEventProcessingMode());
        }
        return KnowledgeBaseFactory.newKnowledgeBase(model == null ? "defaultKieBase" : model.getName(), conf);
    }

    private static KieBaseModel defaultBase(KieModuleModel module) {
        List<KieBaseModel> bases = List.copyOf(module.getKieBaseModels().values());
        return bases.stream().filter(KieBaseModel::isDefault).findFirst()
                .orElse(bases.size() == 1 ? bases.get(0) : null);
    }

    /** Whether the kbase takes the file at this path (its folder is one of the kbase's packages, or it names none). */
    boolean includes(String path) {
        if (packages.isEmpty() || packages.contains("*")) {
            return true;
        }
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
        for (String pkg : packages) {
            if (pkg.equals(folder) || pkg.endsWith(".*") && (folder + ".").startsWith(pkg.substring(0, pkg.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
