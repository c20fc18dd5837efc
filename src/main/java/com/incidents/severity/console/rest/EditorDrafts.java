package com.incidents.severity.console.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.incidents.severity.console.ConsoleUser;
import com.incidents.severity.console.Roles;
import com.incidents.severity.draft.model.DraftSummary;
import com.incidents.severity.draft.service.DraftReport;
import com.incidents.severity.draft.service.DraftService;

/**
 * The editor page's saves, with the console's session and its CSRF header (the API takes HTTP Basic
 * only): a new draft with a comment and the changed files, or one file saved into a draft. The
 * draft service does the rest, exactly as for {@code /api/v1/policy/drafts}.
 */
@Path("/ui/editor/drafts")
@RolesAllowed(Roles.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class EditorDrafts {

    @Inject
    DraftService drafts;

    @Inject
    DraftReport reports;

    @Inject
    ConsoleUser user;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<DraftSummary> create(@RestForm String comment, @RestForm(FileUpload.ALL) List<FileUpload> files,
            @HeaderParam(EditorPage.CSRF_HEADER) String csrf) throws Exception {
        user.checkCsrf(csrf);
        DraftSummary draft = reports.summary(drafts.create(user.name(), comment, EditorPage.parts(files), null));
        return RestResponse.ResponseBuilder.<DraftSummary> created(URI.create("/ui/editor?draft=" + draft.id()))
                .entity(draft).build();
    }

    @PUT
    @Path("/{id}/files/{path: .+}")
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML, "text/csv", MediaType.TEXT_PLAIN })
    public DraftSummary save(@PathParam("id") String id, @PathParam("path") String path, byte[] body,
            @HeaderParam(EditorPage.CSRF_HEADER) String csrf) throws Exception {
        user.checkCsrf(csrf);
        return reports.summary(drafts.save(id, path, body == null ? new byte[0] : body, user.name()));
    }
}
