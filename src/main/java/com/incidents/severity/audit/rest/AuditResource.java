package com.incidents.severity.audit.rest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import com.incidents.severity.audit.ReadTimedOutException;
import com.incidents.severity.audit.model.VerifyReport;
import com.incidents.severity.audit.service.ReadLimits;
import com.incidents.severity.audit.store.ChainVerifier;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;

@Path("/api/v1/audit")
public class AuditResource {

    @Inject
    ChainVerifier verifier;

    @Inject
    ReadLimits limits;

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Walk the hash chain", description = "Whole, or the records decided in [from, to) (from and to optional; to must be later than from);"
            + " checks each record, its link, its columns, its policy text and its trace, and names the first that does not match.")
    public VerifyReport verify(@RestQuery String from, @RestQuery String to) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        var start = DecisionRecordResource.instant("from", from, errors);
        var end = DecisionRecordResource.instant("to", to, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            String message = "to must be later than from: the window [from, to) would hold nothing";
            errors.add(FieldError.rejected("from", message, from));
            errors.add(FieldError.rejected("to", message, to));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        try (ReadLimits.Permit permit = limits.verify()) {
            return verifier.verify(start, end);
        } catch (SQLException e) {
            if (ReadTimedOutException.isTimeout(e)) {
                throw new ReadTimedOutException("chain verification", e);
            }
            throw e;
        }
    }
}
