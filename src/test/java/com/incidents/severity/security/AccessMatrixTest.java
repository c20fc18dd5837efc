package com.incidents.severity.security;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The access matrix ({@link AccessMatrix}) on the service under test. Its own profile: the reload
 * it makes would otherwise replace the last reload other tests read.
 */
@QuarkusTest
@TestProfile(AccessMatrixTest.OwnApplication.class)
class AccessMatrixTest {

    public static class OwnApplication implements QuarkusTestProfile {
    }

    @TestHTTPResource("/")
    URL base;

    @TestFactory
    List<DynamicTest> everyEndpointAdmitsItsRolesOnly() {
        String url = base.toString();
        return AccessMatrix.tests(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
}
