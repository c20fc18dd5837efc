package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;

/**
 * The audit datasource in use: "h2" (embedded file database, the default) or "postgresql",
 * whichever is active (see application.properties and the README).
 */
@ApplicationScoped
public class AuditDatabase {

    static final List<String> NAMES = List.of("postgresql", "h2");

    private volatile AgroalDataSource dataSource;
    private volatile String name;

    public DataSource dataSource() {
        if (dataSource == null) {
            for (String candidate : NAMES) {
                var active = AgroalDataSourceUtil.dataSourceIfActive(candidate);
                if (active.isPresent()) {
                    name = candidate;
                    dataSource = active.get();
                    break;
                }
            }
            if (dataSource == null) {
                throw new IllegalStateException("No audit datasource is active (h2 or postgresql)");
            }
        }
        return dataSource;
    }

    /**
     * A new connection with the datasource's URL, user and properties, outside its pool: for the
     * audit writer (which must never wait behind readers) and for readiness (which asks whether the
     * database answers, not whether a pool connection is free). The caller closes it.
     */
    public Connection openOutsidePool() throws SQLException {
        AgroalConnectionFactoryConfiguration factory = ((AgroalDataSource) dataSource()).getConfiguration()
                .connectionPoolConfiguration().connectionFactoryConfiguration();
        Properties props = new Properties();
        props.putAll(factory.jdbcProperties());
        if (factory.principal() instanceof NamePrincipal name) {
            props.putAll(name.asProperties());
        }
        for (Object credential : factory.credentials()) {
            if (credential instanceof SimplePassword password) {
                props.putAll(password.asProperties());
            }
        }
        Driver driver;
        try {
            driver = (Driver) factory.connectionProviderClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("Cannot load the JDBC driver of the audit datasource", e);
        }
        Connection c = driver.connect(factory.jdbcUrl(), props);
        if (c == null) {
            throw new SQLException("The JDBC driver does not accept the audit datasource's URL");
        }
        return c;
    }

    public boolean isPostgres() {
        dataSource();
        return "postgresql".equals(name);
    }

    public String name() {
        dataSource();
        return name;
    }
}
