package com.incidents.severity.preview.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.preview.CandidateRefusedException;
import com.incidents.severity.preview.model.PreviewReport;
import com.incidents.severity.preview.service.CandidatePart;
import com.incidents.severity.preview.service.CandidateZip;
import com.incidents.severity.preview.service.PreviewService;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.security.Roles;

/**
 * What-if for policy editors: send candidate files and see how recent decisions would change.
 * Uploaded files replace the same paths of the policy in force (and must name one of its files);
 * with {@code replace=true} they are the whole candidate.
 */
@Path("/api/v1/policy/preview")
@RolesAllowed(Roles.POLICY_EDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    @Inject
    PreviewService previews;

    @POST
    @Consumes("application/zip")
    @Operation(summary = "Preview a candidate policy sent as a zip of the rules folder (or of some of its files)")
    public PreviewReport zip(byte[] body, @RestQuery boolean replace, @Context HttpHeaders headers) throws Exception {
        acceptsJson(headers);
        return previews.preview(CandidateZip.read(body), replace);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Preview candidate files sent as form parts, each named by its path in the rules folder (e.g. incident-severity.dmn)")
    public PreviewReport files(@RestForm(FileUpload.ALL) List<FileUpload> files, @RestQuery boolean replace,
            @Context HttpHeaders headers) throws Exception {
        acceptsJson(headers);
        if (files == null || files.isEmpty()) {
            throw InvalidRequestException.of(List.of(FieldError.of("body", "send at least one file part, named by"
                    + " its path in the rules folder: -F \"incident-severity.dmn=@rules/incident-severity.dmn\"")));
        }
        List<CandidatePart> parts = new ArrayList<>(files.size());
        for (FileUpload file : files) {
            parts.add(new CandidatePart(file.name(), file.fileName(),
                    java.nio.file.Files.readAllBytes(file.uploadedFile())));
        }
        return previews.preview(parts, replace);
    }

    /**
     * A 406 (as the document says, and as every other operation answers) when the caller accepts no
     * JSON, before any work: RESTEasy does not check Accept here itself, where one path has two
     * methods told apart by Content-Type, and would run the preview and answer JSON regardless.
     */
    private static void acceptsJson(HttpHeaders headers) {
        if (headers.getAcceptableMediaTypes().stream().noneMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new NotAcceptableException();
        }
    }
}
