package com.incidents.severity.support.logs;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Labels ERROR records while a test marked {@link ExpectedErrors} runs: the message is prefixed
 * with {@code EXPECTED ERROR (Test.method: why)}. Installed on the console of every service the
 * tests start ({@code %test.quarkus.log.console.filter}) and, by the extension, on the root
 * handlers for tests that start none. Records are never dropped: the line stays, with its label.
 */
@LoggingFilter(name = "expected-errors")
public final class ExpectedErrorLabel implements Filter {

    // Outside the service's "severity." configuration, which refuses names it does not map.
    static final String PROPERTY = "test.expected-errors.label";
    private static final String PREFIX = "EXPECTED ERROR (";

    private final Filter next;

    public ExpectedErrorLabel() {
        this(null);
    }

    ExpectedErrorLabel(Filter next) {
        this.next = next;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String label = System.getProperty(PROPERTY);
        String message = record.getMessage();
        if (label != null && record.getLevel().intValue() >= Level.SEVERE.intValue()
                && message != null && !message.startsWith(PREFIX)) {
            String labelled = PREFIX + label + ") " + message;
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(labelled, ext.getFormatStyle());
            } else {
                record.setMessage(labelled);
            }
        }
        return next == null || next.isLoggable(record);
    }
}
