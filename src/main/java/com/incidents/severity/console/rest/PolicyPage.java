package com.incidents.severity.console.rest;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.audit.service.StoredPolicies;
import com.incidents.severity.console.ConsoleCsrf;
import com.incidents.severity.console.ConsoleUser;
import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.DiffView;
import com.incidents.severity.console.view.DrawnTable;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.policy.model.PolicyVersion;
import com.incidents.severity.policy.model.PolicyView;
import com.incidents.severity.policy.model.ReloadTrigger;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.policy.service.TableDiff;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The policy in force, any version's tables, and two versions compared. */
@Path("/ui/policy")
@RolesAllowed({ Roles.CLIENT, Roles.EDITOR, Roles.AUDITOR })
@Produces(Html.TYPE)
public class PolicyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policy(PolicyView p, List<DrawnTable> tables, List<PolicyVersion> versions);

        static native TemplateInstance version(String version, boolean inForce, List<DrawnTable> tables);

        static native TemplateInstance diff(String from, String to, List<DiffView> tables, List<PolicyVersion> versions,
                String problem);
    }

    @Inject
    PolicyService policies;

    @Inject
    StoredPolicies stored;

    @Inject
    ConsoleUser user;

    @GET
    public RestResponse<TemplateInstance> policy() {
        PolicyView view = policies.view();
        List<DrawnTable> tables = view.tables().stream().map(DrawnTable::of).toList();
        return Html.ok(Templates.policy(view, tables, Html.newestFirst(policies.versions())));
    }

    /** The reload the API's POST /api/v1/policy/reload makes (recorded with its trigger, API); the page then shows its outcome. */
    @POST
    @Path("/reload")
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<Void> reload(@RestForm(ConsoleCsrf.FIELD) String csrf) {
        user.checkCsrf(csrf);
        policies.reload(ReloadTrigger.API);
        return Html.seeOther("/ui/policy#last-reload-h");
    }

    @GET
    @Path("/versions/{version}")
    public RestResponse<TemplateInstance> version(@PathParam("version") String version) throws Exception {
        Optional<CompiledPolicy> policy = stored.policy(version);
        List<DrawnTable> tables = policy.map(p -> p.tables().values().stream().map(DrawnTable::of).toList())
                .orElse(List.of());
        boolean inForce = policies.loaded() && policies.current().version().equals(version);
        return Html.status(policy.isPresent() ? 200 : 404, Templates.version(version, inForce, tables));
    }

    /** Without from and to: the version before the one in force against it. */
    @GET
    @Path("/diff")
    public RestResponse<TemplateInstance> diff(@RestQuery String from, @RestQuery String to) throws Exception {
        List<PolicyVersion> versions = policies.versions();
        String newer = Html.given(to) != null ? to.strip() : versions.isEmpty() ? null : versions.get(versions.size() - 1).version();
        String older = Html.given(from) != null ? from.strip() : versions.size() < 2 ? null : versions.get(versions.size() - 2).version();
        if (older == null || newer == null) {
            return Html.status(400, Templates.diff(older, newer, List.of(), Html.newestFirst(versions),
                    "Choose two versions to compare: only one has been in force since the service started."));
        }
        Optional<CompiledPolicy> a = stored.policy(older);
        Optional<CompiledPolicy> b = stored.policy(newer);
        if (a.isEmpty() || b.isEmpty()) {
            return Html.status(404, Templates.diff(older, newer, List.of(), Html.newestFirst(versions), "Version "
                    + (a.isEmpty() ? older : newer) + " is neither in force nor stored with a decision it made."));
        }
        List<DiffView> tables = TableDiff.compare(a.get().tables(), b.get().tables()).stream().map(DiffView::of).toList();
        return Html.ok(Templates.diff(older, newer, tables, Html.newestFirst(versions), null));
    }
}
