package com.incidents.severity.support.logs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A negative test that makes the service log at ERROR on purpose: while it runs, every ERROR line
 * is printed as {@code EXPECTED ERROR (Test.method: why) ...}, so a reader of the build log can
 * tell the errors a test provokes from a real one. On a class it covers the service's start too
 * (put it above {@code @QuarkusTest}, so it is in effect before the service starts).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExpectedErrorsExtension.class)
public @interface ExpectedErrors {

    /** Why this test provokes errors. */
    String value();
}
