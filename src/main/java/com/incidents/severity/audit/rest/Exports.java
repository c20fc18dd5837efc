package com.incidents.severity.audit.rest;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.incidents.severity.audit.model.RecordFilter;
import com.incidents.severity.audit.service.AuditQueryService;
import com.incidents.severity.problem.FieldError;

/** The streamed export answer (CSV or JSON lines), for the API and the console's export links alike. */
public final class Exports {

    private Exports() {
    }

    /** The format asked for: jsonl when absent; an error naming format unless csv or jsonl. */
    public static String format(String format, List<FieldError> errors) {
        String kind = format == null ? "jsonl" : format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("jsonl")) {
            errors.add(new FieldError("format", "format must be csv or jsonl", format, List.of("csv", "jsonl")));
        }
        return kind;
    }

    /** The export, holding one of the limited export permits while it streams (AuditQueryService#export). */
    public static Response export(AuditQueryService audit, RecordFilter filter, String kind) {
        StreamingOutput body = audit.export(filter, kind.equals("csv"));
        return Response.ok(body, kind.equals("csv") ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"decisions." + kind + "\"").build();
    }
}
