package com.incidents.severity.console.rest;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.incidents.severity.console.ConsoleCsrf;
import com.incidents.severity.console.ConsoleUser;
import com.incidents.severity.console.Roles;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.preview.CandidateRefusedException;
import com.incidents.severity.preview.model.PreviewReport;
import com.incidents.severity.preview.service.CandidatePart;
import com.incidents.severity.preview.service.CandidateZip;
import com.incidents.severity.preview.service.PreviewService;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.ProblemException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Policy editors upload changed files (or a zip) and see what a reload would say and change; nothing goes live. */
@Path("/ui/preview")
@RolesAllowed(Roles.EDITOR)
@Produces(Html.TYPE)
public class PreviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preview(List<String> files, PreviewReport report, String refused,
                List<PolicyDiagnostic> diagnostics, List<FieldError> errors);
    }

    @Inject
    PreviewService previews;

    @Inject
    PolicyService policies;

    @Inject
    ConsoleUser user;

    @GET
    public RestResponse<TemplateInstance> form() {
        return Html.ok(Templates.preview(inForce(), null, null, List.of(), List.of()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<TemplateInstance> preview(@RestForm("files") List<FileUpload> files, @RestForm boolean replace,
            @RestForm(ConsoleCsrf.FIELD) String csrf) throws Exception {
        user.checkCsrf(csrf);
        try {
            return Html.ok(Templates.preview(inForce(), previews.preview(parts(files), replace), null, List.of(),
                    List.of()));
        } catch (CandidateRefusedException e) {
            List<PolicyDiagnostic> found = new ArrayList<>(e.body().diagnostics());
            if (e.body().warnings() != null) {
                found.addAll(e.body().warnings());
            }
            return Html.status(422, Templates.preview(inForce(), null, e.body().detail(), found, List.of()));
        } catch (ProblemException e) {
            return Html.status(e.problem().status(), Templates.preview(inForce(), null, e.problem().detail(),
                    List.of(), e.problem().errors()));
        }
    }

    /**
     * A browser names an uploaded file by its file name only: a zip is read as the API reads one,
     * and any other file stands for the file of the policy in force with that name (in any folder).
     */
    private List<CandidatePart> parts(List<FileUpload> files) throws Exception {
        List<CandidatePart> parts = new ArrayList<>();
        for (FileUpload file : files == null ? List.<FileUpload> of() : files) {
            if (file.fileName() == null || file.fileName().isBlank()) {
                continue; // the file input left empty
            }
            byte[] content = Files.readAllBytes(file.uploadedFile());
            if (file.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                parts.addAll(CandidateZip.read(content));
            } else {
                parts.add(new CandidatePart(pathOf(file.fileName()), file.fileName(), content));
            }
        }
        if (parts.isEmpty()) {
            throw new com.incidents.severity.problem.InvalidRequestException(com.incidents.severity.problem.Problem.of(
                    "no-files", "No file was sent", 400, "Choose at least one changed policy file, or a zip"));
        }
        return parts;
    }

    private String pathOf(String fileName) {
        String name = fileName.replace('\\', '/').substring(fileName.replace('\\', '/').lastIndexOf('/') + 1);
        return inForce().stream().filter(p -> p.equals(name) || p.endsWith("/" + name)).findFirst().orElse(name);
    }

    private List<String> inForce() {
        Set<String> paths = policies.current().policy().files().files().keySet();
        return List.copyOf(paths);
    }
}
