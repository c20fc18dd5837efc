package com.incidents.severity.audit.store;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A second, independent chain writer on the same database: what another service instance would be. */
public final class SecondWriter {

    private SecondWriter() {
    }

    public static ChainWriter on(AuditDatabase database, ObjectMapper json) {
        SharedTexts shared = new SharedTexts();
        shared.json = json;
        ChainWriter writer = new ChainWriter();
        writer.database = database;
        writer.shared = shared;
        return writer;
    }

    /** The same, with a writer connection of its own, as the service's audit writer uses ({@code appendOwn}). */
    public static ChainWriter withOwnConnection(AuditDatabase database, ObjectMapper json,
            com.incidents.severity.audit.AuditConfig config) {
        ChainWriter writer = on(database, json);
        WriterConnection own = new WriterConnection();
        own.database = database;
        own.config = config;
        writer.own = own;
        return writer;
    }
}
