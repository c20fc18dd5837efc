package com.incidents.severity.policy.load;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.kie.api.builder.Message;
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
 * not meant for concurrent use, hence the synchronization.
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
        Path dir = writeTemp(files, dmn.keySet());
        try {
            File[] models = dmn.keySet().stream().map(p -> dir.resolve(p).toFile()).toArray(File[]::new);
            List<DMNMessage> messages = validator()
                    .validateUsing(Validation.VALIDATE_SCHEMA, Validation.VALIDATE_MODEL,
                            Validation.ANALYZE_DECISION_TABLE)
                    .theseModels(models);
            List<PolicyDiagnostic> diagnostics = new ArrayList<>();
            boolean readable = true;
            for (DMNMessage m : messages) {
                if (m.getLevel() == Message.Level.ERROR || m.getLevel() == Message.Level.WARNING) {
                    diagnostics.add(ValidatorMessages.diagnostic(m, dmn, dir));
                }
                readable &= m.getMessageType() != DMNMessageType.FAILED_XML_VALIDATION;
            }
            return new Findings(List.copyOf(diagnostics), readable);
        } finally {
            delete(dir);
        }
    }

    private DMNValidator validator() {
        if (validator == null) {
            validator = DMNValidatorFactory.newValidator();
        }
        return validator;
    }

    private static Path writeTemp(PolicyFiles files, Iterable<String> paths) {
        for (String path : paths) { // paths may come from an upload: never outside the temporary folder
            Path relative = Path.of(path).normalize();
            if (relative.isAbsolute() || relative.toString().isEmpty() || relative.startsWith("..")) {
                throw new IllegalArgumentException("A policy file path leaves its folder: " + path);
            }
        }
        try {
            Path dir = Files.createTempDirectory("policy-validate-");
            for (String path : paths) {
                Path target = dir.resolve(path).normalize();
                Files.createDirectories(target.getParent());
                Files.write(target, files.files().get(path));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the DMN files for validation", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
