package com.incidents.severity.audit.rest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import com.incidents.severity.audit.ReadTimedOutException;
import com.incidents.severity.audit.integrity.AuditSigningKey;
import com.incidents.severity.audit.model.SignedHead;
import com.incidents.severity.audit.model.SigningKeyView;
import com.incidents.severity.audit.model.VerifyReport;
import com.incidents.severity.audit.service.AuditVerification;
import com.incidents.severity.audit.service.ReadLimits;
import com.incidents.severity.audit.service.RecordFilters;
import com.incidents.severity.audit.service.SignedHeads;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.security.Roles;

@Path("/api/v1/audit")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    @Inject
    AuditVerification verification;

    @Inject
    SignedHeads heads;

    @Inject
    AuditSigningKey key;

    @Inject
    RecordFilters filters;

    @Inject
    ReadLimits limits;

    /** The chain walk under the verify limits, mapping a statement timeout to its problem. */
    private interface Walk {
        VerifyReport run(java.time.Instant from, java.time.Instant to) throws Exception;
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Walk the hash chain", description = "Whole, or the records decided in [from, to) (from and to optional; to must be later than from);"
            + " checks each record, its link, its columns, its policy text and its trace, the retention checkpoint's"
            + " signature, and that the chain still holds the last head of the export file.")
    public VerifyReport verify(@RestQuery String from, @RestQuery String to) throws Exception {
        return walk(from, to, verification::verify);
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Walk the hash chain against a signed head kept elsewhere")
    public VerifyReport verifyAgainst(@RestQuery String from, @RestQuery String to, SignedHead head) throws Exception {
        return walk(from, to, (f, t) -> verification.verify(f, t, head));
    }

    @GET
    @Path("/head")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The chain head now, signed")
    public SignedHead head() throws SQLException {
        return heads.current();
    }

    @GET
    @Path("/key")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public key that checks signed heads and checkpoints")
    public SigningKeyView key() {
        return new SigningKeyView("Ed25519", key.keyId(), key.publicKeyPem());
    }

    private VerifyReport walk(String from, String to, Walk walk) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        var window = filters.window(from, to, errors);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        try (ReadLimits.Permit permit = limits.verify()) {
            return walk.run(window[0], window[1]);
        } catch (SQLException e) {
            if (ReadTimedOutException.isTimeout(e)) {
                throw new ReadTimedOutException("chain verification", e);
            }
            throw e;
        }
    }
}
