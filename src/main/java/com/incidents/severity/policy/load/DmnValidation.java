package com.incidents.severity.policy.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kie.api.builder.Message;
import org.kie.api.io.Resource;
import org.kie.internal.io.ResourceFactory;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidator.Validation;
import org.kie.dmn.validation.DMNValidatorFactory;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.engine.model.PolicyFiles;

/**
 * The KIE DMN validator (XML schema, model, decision-table analysis) over the DMN files of a
 * policy. Creating the validator costs about a second, so one instance is made and reused; it is
 * not meant for concurrent use, hence the synchronization. It reads the files from memory and writes
 * none: a file name is never a path on disk here.
 */
public final class DmnValidation {

    private DMNValidator validator;

    /**
     * The validator's findings on a policy's DMN files.
     *
     * @param diagnostics its ERROR and WARNING messages, each placed at its file, table and rows
     * @param readable false when a file is not well-formed DMN XML, so nothing can be built from it
     */
    public record Findings(List<PolicyDiagnostic> diagnostics, boolean readable) {
    }

    public synchronized Findings validate(PolicyFiles files) {
        Map<String, String> dmn = new TreeMap<>();
        files.files().keySet().stream().filter(p -> p.endsWith(".dmn")).forEach(p -> dmn.put(p, files.text(p)));
        if (dmn.isEmpty()) {
            return new Findings(List.of(), true);
        }
        // In memory: the validator reads each file from its bytes, so no part name ever becomes a path on disk.
        Resource[] models = dmn.keySet().stream().map(p -> {
            Resource resource = ResourceFactory.newByteArrayResource(files.files().get(p));
            resource.setSourcePath(p);
            return resource;
        }).toArray(Resource[]::new);
        List<DMNMessage> messages = validator()
                .validateUsing(Validation.VALIDATE_SCHEMA, Validation.VALIDATE_MODEL, Validation.ANALYZE_DECISION_TABLE)
                .theseModels(models);
        List<PolicyDiagnostic> diagnostics = new ArrayList<>();
        boolean readable = true;
        for (DMNMessage m : messages) {
            if (m.getLevel() == Message.Level.ERROR || m.getLevel() == Message.Level.WARNING) {
                diagnostics.add(ValidatorMessages.diagnostic(m, dmn));
            }
            readable &= m.getMessageType() != DMNMessageType.FAILED_XML_VALIDATION;
        }
        return new Findings(List.copyOf(diagnostics), readable);
    }

    private DMNValidator validator() {
        if (validator == null) {
            validator = DMNValidatorFactory.newValidator();
        }
        return validator;
    }
}
