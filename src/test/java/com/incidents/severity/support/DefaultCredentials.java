package com.incidents.severity.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test's RestAssured calls authenticate as the test user {@code admin} (all three roles),
 * preemptively, unless the test says otherwise ({@code .auth().none()}, {@code .auth().preemptive()
 * .basic(...)}). Registered for every test through META-INF/services; the junit-platform.properties
 * of quarkus-junit5-config turns on junit.jupiter.extensions.autodetection.enabled (a file of our
 * own would shadow it, and its class orderer that groups tests by profile). Without this extension
 * every test of a protected endpoint fails with 401. Set on the RestAssured that the test class sees:
 * a @QuarkusTest class is loaded by Quarkus's class loader, which may hold its own copy.
 */
public class DefaultCredentials implements BeforeEachCallback {

    public static final String USER = "admin";
    public static final String PASSWORD = "admin";

    /** The same credentials as an Authorization header, for tests that call with java.net.http. */
    public static String header() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        set(getClass().getClassLoader());
        set(context.getRequiredTestClass().getClassLoader());
    }

    private static void set(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> restAssured;
        try {
            restAssured = Class.forName("io.restassured.RestAssured", true, loader);
        } catch (ClassNotFoundException e) {
            return;
        }
        Object preemptive = restAssured.getMethod("preemptive").invoke(null);
        Object scheme = preemptive.getClass().getMethod("basic", String.class, String.class)
                .invoke(preemptive, USER, PASSWORD);
        restAssured.getField("authentication").set(null, scheme);
    }
}
