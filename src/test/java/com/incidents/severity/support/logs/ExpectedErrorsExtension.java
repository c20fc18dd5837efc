package com.incidents.severity.support.logs;

import java.lang.reflect.AnnotatedElement;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts the label of {@link ExpectedErrors} in effect: it names the test in a JVM-wide system
 * property that {@link ExpectedErrorLabel} reads (the property crosses the class loaders of the
 * services Quarkus starts for tests), and installs that label on the handlers of the root logger
 * for tests that run no service. Everything is put back afterwards.
 */
public final class ExpectedErrorsExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Map<Handler, Filter> replaced = new IdentityHashMap<>();
    private String outer;

    @Override
    public void beforeAll(ExtensionContext context) {
        label(context.getRequiredTestClass(), context.getRequiredTestClass().getSimpleName())
                .ifPresent(label -> outer = start(label));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (outer != null) {
            stop(null);
            outer = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        label(context.getRequiredTestMethod(), name).ifPresent(this::start);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getRequiredTestMethod().isAnnotationPresent(ExpectedErrors.class)) {
            stop(outer);
        }
    }

    private static Optional<String> label(AnnotatedElement element, String name) {
        return Optional.ofNullable(element.getAnnotation(ExpectedErrors.class)).map(e -> (name + ": " + e.value()).replaceAll("['{}%]", ""));
    }

    private String start(String label) {
        System.setProperty(ExpectedErrorLabel.PROPERTY, label);
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (!(handler.getFilter() instanceof ExpectedErrorLabel) && !replaced.containsKey(handler)) {
                replaced.put(handler, handler.getFilter());
                handler.setFilter(new ExpectedErrorLabel(handler.getFilter()));
            }
        }
        return label;
    }

    private void stop(String restore) {
        if (restore != null) {
            System.setProperty(ExpectedErrorLabel.PROPERTY, restore);
            return;
        }
        System.clearProperty(ExpectedErrorLabel.PROPERTY);
        replaced.forEach(Handler::setFilter);
        replaced.clear();
    }
}
