package com.incidents.severity.audit.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.audit.model.RecordFilter;
import com.incidents.severity.audit.model.RecordPage;
import com.incidents.severity.audit.store.RecordQueries;

/** What auditors read: pages of records, whole records with their trace, and streamed exports. */
@ApplicationScoped
public class AuditQueryService {

    private static final String[] CSV_COLUMNS = { "decisionId", "decidedAt", "caller", "clientLabel", "status", "severity", "basis",
            "capability", "policyVersion", "evaluationMicros", "request", "error" };

    @Inject
    RecordQueries queries;

    @Inject
    ObjectMapper json;

    @Inject
    ReadLimits limits;

    public RecordPage page(RecordFilter filter, Long beforeSeq, int limit) throws SQLException {
        return queries.page(filter, beforeSeq, limit);
    }

    /** How many records match the filter, by severity (NONE: decided without one; FAILED: failed evaluations). */
    public java.util.SortedMap<String, Long> countBySeverity(RecordFilter filter) throws SQLException {
        return queries.countBySeverity(filter);
    }

    @Inject
    RowOrigins origins;

    /**
     * The record as stored, with its chain position and hashes, its trace expanded, and for each
     * deciding row the policy change that last introduced or edited it ({@code rowChanges}).
     */
    public Optional<ObjectNode> record(String decisionId) throws Exception {
        Optional<RecordQueries.StoredRecord> stored = queries.find(decisionId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode record = (ObjectNode) json.readTree(stored.get().record());
        record.put("seq", stored.get().seq());
        record.put("prevHash", stored.get().prevHash());
        record.put("hash", stored.get().hash());
        JsonNode traceHash = record.get("traceHash");
        if (traceHash != null && !traceHash.isNull()) {
            Optional<String> trace = queries.trace(traceHash.asText());
            record.set("trace", trace.isPresent() ? json.readTree(trace.get()) : null);
        }
        record.set("rowChanges", json.valueToTree(origins.of(record)));
        return Optional.of(record);
    }

    /** The stored record JSON alone, as hashed. */
    public Optional<JsonNode> storedRecord(String decisionId) throws Exception {
        Optional<RecordQueries.StoredRecord> stored = queries.find(decisionId);
        return stored.isEmpty() ? Optional.empty() : Optional.of(json.readTree(stored.get().record()));
    }

    /**
     * The export as a body to stream, holding one of the limited export permits from now until the
     * body is written (or fails): refused with a 429 when all are taken.
     */
    public StreamingOutput export(RecordFilter filter, boolean csv) {
        ReadLimits.Permit permit = limits.export();
        return out -> {
            try (permit) {
                if (csv) {
                    exportCsv(filter, out);
                } else {
                    exportJsonl(filter, out);
                }
            } catch (SQLException e) {
                throw new IOException("Export failed", e);
            }
        };
    }

    public void exportJsonl(RecordFilter filter, OutputStream out) throws SQLException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        queries.stream(filter, record -> {
            try {
                writer.write(record);
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        flush(writer);
    }

    public void exportCsv(RecordFilter filter, OutputStream out) throws SQLException, IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS).get());
        queries.stream(filter, record -> {
            try {
                JsonNode r = json.readTree(record);
                JsonNode result = r.path("result");
                String[] cells = { text(r, "decisionId"), text(r, "decidedAt"), text(r, "caller"), text(r, "clientLabel"),
                        text(r, "status"),
                        text(result, "severity"), text(result, "basis"), text(r.path("facts"), "capability"),
                        text(r, "policyVersion"), text(r, "evaluationMicros"), r.path("request").toString(),
                        text(r, "error") };
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = CsvCells.neutralise(cells[i]); // caller-given text must not open as a formula
                }
                csv.printRecord((Object[]) cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private static void flush(Writer writer) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
