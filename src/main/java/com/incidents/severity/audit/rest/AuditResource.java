package com.incidents.severity.audit.rest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
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
import com.incidents.severity.audit.service.RecordFilters;
import com.incidents.severity.audit.store.ChainVerifier;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.security.Roles;

@Path("/api/v1/audit")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    @Inject
    ChainVerifier verifier;

    @Inject
    RecordFilters filters;

    @Inject
    ReadLimits limits;

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Walk the hash chain", description = "Whole, or the records decided in [from, to) (from and to optional; to must be later than from);"
            + " checks each record, its link, its columns, its policy text and its trace, and names the first that does not match.")
    public VerifyReport verify(@RestQuery String from, @RestQuery String to) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        var window = filters.window(from, to, errors);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        try (ReadLimits.Permit permit = limits.verify()) {
            return verifier.verify(window[0], window[1]);
        } catch (SQLException e) {
            if (ReadTimedOutException.isTimeout(e)) {
                throw new ReadTimedOutException("chain verification", e);
            }
            throw e;
        }
    }
}
