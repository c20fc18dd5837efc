package com.incidents.severity.audit.store;

import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
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

    public boolean isPostgres() {
        dataSource();
        return "postgresql".equals(name);
    }

    public String name() {
        dataSource();
        return name;
    }
}
