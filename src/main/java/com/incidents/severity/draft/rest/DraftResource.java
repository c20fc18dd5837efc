package com.incidents.severity.draft.rest;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.incidents.severity.draft.model.DraftSummary;
import com.incidents.severity.draft.model.DraftView;
import com.incidents.severity.draft.model.Published;
import com.incidents.severity.draft.service.DraftExport;
import com.incidents.severity.draft.service.DraftPublisher;
import com.incidents.severity.draft.service.DraftReport;
import com.incidents.severity.draft.service.DraftService;
import com.incidents.severity.preview.service.CandidatePart;
import com.incidents.severity.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Drafts of policy changes, their review and their publish (README, "Drafts, review and publish").
 * Drafting, reviewing and publishing need {@code policy-editor}; reading is open to auditors too.
 */
@Path("/api/v1/policy/drafts")
@RolesAllowed({ Roles.POLICY_EDITOR, Roles.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    @Inject
    DraftService drafts;

    @Inject
    DraftReport reports;

    @Inject
    DraftPublisher publisher;

    @Inject
    SecurityIdentity caller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.POLICY_EDITOR)
    @Operation(summary = "Start a draft on the version in force", description = "Form fields: comment (required); optionally file parts, each named by the path of the file it replaces (as preview takes them), or from: an earlier version whose files the draft takes (a rollback).")
    public RestResponse<DraftSummary> create(@RestForm String comment, @RestForm String from,
            @RestForm(FileUpload.ALL) List<FileUpload> files) throws Exception {
        List<CandidatePart> parts = new ArrayList<>();
        for (FileUpload file : files == null ? List.<FileUpload> of() : files) {
            parts.add(new CandidatePart(file.name(), file.fileName(), Files.readAllBytes(file.uploadedFile())));
        }
        DraftSummary draft = reports.summary(drafts.create(user(), comment, parts, from));
        return RestResponse.ResponseBuilder.<DraftSummary> created(URI.create("/api/v1/policy/drafts/" + draft.id()))
                .entity(draft).build();
    }

    @GET
    @Operation(summary = "Every draft, the most recently changed first")
    public List<DraftSummary> list() throws Exception {
        List<DraftSummary> list = new ArrayList<>();
        for (var d : drafts.list()) {
            list.add(reports.summary(d));
        }
        return list;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A draft with its diff against its base by table and row, its validation report and its replay impact")
    public DraftView draft(@PathParam("id") String id) throws Exception {
        return reports.view(drafts.find(id));
    }

    @PUT
    @Path("/{id}/files/{path: .+}")
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML, "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.POLICY_EDITOR)
    @Operation(summary = "Save one file of a draft", description = "The path must name a file of the draft's base. A draft changed after its review is to be reviewed again.")
    public DraftSummary save(@PathParam("id") String id, @PathParam("path") String path, byte[] body) throws Exception {
        return reports.summary(drafts.save(id, path, body == null ? new byte[0] : body, user()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.POLICY_EDITOR)
    @Operation(summary = "Abandon a draft", description = "It stays listed, as abandoned.")
    public DraftSummary abandon(@PathParam("id") String id) throws Exception {
        return reports.summary(drafts.abandon(id, user()));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.POLICY_EDITOR)
    @Operation(summary = "Approve a draft's current revision", description = "Body: {\"comment\": \"...\"}. Refused (403) to the draft's author.")
    public DraftSummary approve(@PathParam("id") String id, ReviewRequest review) throws Exception {
        return reports.summary(drafts.approve(id, user(), review == null ? null : review.comment()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.POLICY_EDITOR)
    @Operation(summary = "Reject a draft", description = "Body: {\"comment\": \"...\"}. A change to the draft reopens it.")
    public DraftSummary reject(@PathParam("id") String id, ReviewRequest review) throws Exception {
        return reports.summary(drafts.reject(id, user(), review == null ? null : review.comment()));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.POLICY_EDITOR)
    @Operation(summary = "Publish a draft: the reload's checks, then in force at once as a new version", description = "409 when it is not approved or its base is no longer in force (rebase it); 422 naming the findings when a reload would refuse it.")
    public Published publish(@PathParam("id") String id) throws Exception {
        return publisher.publish(id, user());
    }

    @POST
    @Path("/{id}/rebase")
    @RolesAllowed(Roles.POLICY_EDITOR)
    @Operation(summary = "Move a draft onto the version in force", description = "Keeps its changes where they touch other files or rows; 409 naming each row (table and rule id) changed on both sides.")
    public DraftSummary rebase(@PathParam("id") String id) throws Exception {
        return reports.summary(publisher.rebase(id, user()));
    }

    @GET
    @Path("/{id}/zip")
    @Produces("application/zip")
    @Operation(summary = "The files a draft adds or changes, as a zip at their paths in the rules folder")
    public RestResponse<byte[]> zip(@PathParam("id") String id) throws Exception {
        return RestResponse.ResponseBuilder.ok(DraftExport.zip(drafts.find(id)), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"draft-" + id + ".zip\"").build();
    }

    @GET
    @Path("/{id}/patch")
    @Produces("text/x-diff")
    @Operation(summary = "A draft's changes as a unified diff against its base, for git apply")
    public RestResponse<String> patch(@PathParam("id") String id) throws Exception {
        var draft = drafts.find(id);
        return RestResponse.ResponseBuilder.ok(DraftExport.patch(draft, drafts.base(draft)), "text/x-diff")
                .header("Content-Disposition", "attachment; filename=\"draft-" + id + ".patch\"").build();
    }

    private String user() {
        return caller.getPrincipal().getName();
    }
}
