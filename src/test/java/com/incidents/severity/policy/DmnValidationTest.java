package com.incidents.severity.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kie.api.builder.Message;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidator.Validation;
import org.kie.dmn.validation.DMNValidatorFactory;

/** The KIE DMN validator (schema, model, decision-table analysis) finds no error in rules/. */
class DmnValidationTest {

    @Test
    void rulesFolderHasNoValidationErrors() throws Exception {
        File[] models;
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            models = files.filter(p -> p.toString().endsWith(".dmn")).map(Path::toFile).toArray(File[]::new);
        }
        assertTrue(models.length >= 2, "the policy has its DMN models");
        DMNValidator validator = DMNValidatorFactory.newValidator();
        List<DMNMessage> messages = validator.validateUsing(Validation.VALIDATE_SCHEMA, Validation.VALIDATE_MODEL,
                Validation.ANALYZE_DECISION_TABLE).theseModels(models);
        messages.forEach(m -> System.out.println(m.getLevel() + " " + m.getSourceId() + " " + m.getText()));
        List<DMNMessage> errors = messages.stream().filter(m -> m.getLevel() == Message.Level.ERROR).toList();
        assertTrue(errors.isEmpty(), () -> errors.stream().map(DMNMessage::getText).collect(Collectors.joining("\n")));
    }
}
