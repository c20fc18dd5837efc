package com.incidents.severity.console.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.DiffView;
import com.incidents.severity.draft.model.DraftView;
import com.incidents.severity.draft.service.DraftReport;
import com.incidents.severity.draft.service.DraftService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** One draft as {@code GET /api/v1/policy/drafts/{id}} shows it: its row diff, validation report and replay impact. */
@Path("/ui/drafts")
@RolesAllowed({ Roles.EDITOR, Roles.AUDITOR })
@Produces(Html.TYPE)
public class DraftPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance draft(DraftView v, List<DiffView> tables, boolean own, boolean publishable);
    }

    @Inject
    DraftService drafts;

    @Inject
    DraftReport reports;

    @Inject
    com.incidents.severity.console.ConsoleUser user;

    @Inject
    com.incidents.severity.policy.PolicyConfig config;

    @GET
    @Path("/{id}")
    public RestResponse<TemplateInstance> draft(@PathParam("id") String id) throws Exception {
        DraftView view = reports.view(drafts.find(id));
        return Html.ok(Templates.draft(view, view.diff() == null ? List.of() : view.diff().stream().map(DiffView::of).toList(),
                view.draft().author().equals(user.name()), !config.publish().requireApproval() || view.draft().approved()));
    }
}
