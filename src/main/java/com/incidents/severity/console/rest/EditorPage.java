package com.incidents.severity.console.rest;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.incidents.severity.console.ConsoleUser;
import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.EditorFile;
import com.incidents.severity.draft.model.Draft;
import com.incidents.severity.draft.model.DraftSummary;
import com.incidents.severity.draft.service.DraftReport;
import com.incidents.severity.draft.service.DraftService;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.preview.model.CheckReport;
import com.incidents.severity.preview.service.CandidateCheck;
import com.incidents.severity.preview.service.CandidatePart;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The policy in the browser: the DMN files in the Apache KIE DMN editor, the scenario files as
 * grids, the DRL read-only; the page sends its changed files to {@code check} as the editor works
 * and shows what a reload would say of them. Its CSP is its own (application.properties): the DMN
 * editor runs its envelope as one inline script, allowed by its hash, and injects its styles.
 */
@Path("/ui/editor")
@RolesAllowed(Roles.EDITOR)
public class EditorPage {

    /** The header the page's script sends its CSRF token in (a form field for the other pages). */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editor(String version, List<EditorFile> files, DraftSummary draft);
    }

    @Inject
    PolicyService policies;

    @Inject
    CandidateCheck checks;

    @Inject
    ConsoleUser user;

    @Inject
    DraftService drafts;

    @Inject
    DraftReport reports;

    /** The policy in force, or with {@code draft} that draft's files (its base with its changes), saved into it. */
    @GET
    @Produces(Html.TYPE)
    public RestResponse<TemplateInstance> page(@RestQuery String draft) throws Exception {
        if (Html.given(draft) == null) {
            PolicyEngine current = policies.current();
            return Html.ok(Templates.editor(current.version(),
                    EditorFile.of(current.policy().files().files().keySet()), null));
        }
        Draft d = drafts.find(draft.strip());
        return Html.ok(Templates.editor(d.baseVersion(),
                EditorFile.of(drafts.files(d).files().keySet(), d.changes().keySet()), reports.summary(d)));
    }

    /** One file of the policy in force (or of the draft), as the page loads it into its editor, grid or viewer. */
    @GET
    @Path("file")
    @Produces("text/plain;charset=UTF-8")
    public byte[] file(@RestQuery String path, @RestQuery String draft) throws Exception {
        var files = Html.given(draft) == null ? policies.current().policy().files().files()
                : drafts.files(drafts.find(draft.strip())).files();
        byte[] content = path == null ? null : files.get(path);
        if (content == null) {
            throw new NotFoundException("No file of the policy in force (or of the draft) has that path");
        }
        return content;
    }

    /** The page's changed files (parts named by path) checked as a reload would check them. */
    @POST
    @Path("check")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public CheckReport check(@RestForm(FileUpload.ALL) List<FileUpload> files, @HeaderParam(CSRF_HEADER) String csrf)
            throws Exception {
        user.checkCsrf(csrf);
        return checks.check(parts(files));
    }

    /** The uploaded files as candidate parts, each named by the path of the file it replaces. */
    static List<CandidatePart> parts(List<FileUpload> files) throws java.io.IOException {
        List<CandidatePart> parts = new ArrayList<>();
        for (FileUpload file : files == null ? List.<FileUpload> of() : files) {
            parts.add(new CandidatePart(file.name(), file.fileName(), Files.readAllBytes(file.uploadedFile())));
        }
        return parts;
    }
}
