package com.incidents.severity.console.rest;

import java.util.List;
import java.util.concurrent.CompletionException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.service.AuditQueryService;
import com.incidents.severity.audit.service.StoredPolicies;
import com.incidents.severity.console.ConsoleCsrf;
import com.incidents.severity.console.ConsoleUser;
import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.DecisionView;
import com.incidents.severity.console.view.Tier;
import com.incidents.severity.console.view.TryForm;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.PolicyContract;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A decision asked for from a form, decided and recorded by the same service as the API's. */
@Path("/ui/try")
@RolesAllowed(Roles.CLIENT)
@Produces(Html.TYPE)
public class TryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(TryForm form, Choices choices, List<FieldError> errors, Problem problem,
                Decision decision, DecisionView recorded);
    }

    /** The choices the policy in force offers for the enumerated fields, and its catalog by tier. */
    public record Choices(List<String> impactLevels, List<String> tiers, List<String> incidentTypes,
            List<Tier> capabilities) {

        static Choices of(PolicyEngine engine) {
            var types = engine.policy().inputTypes();
            return new Choices(types.of(PolicyContract.IMPACT_LEVEL).values(),
                    types.of(PolicyContract.STATED_TIER).values(), types.of(PolicyContract.INCIDENT_TYPE).values(),
                    Tier.of(engine.policy().catalog().entries()));
        }
    }

    @Inject
    DecisionService decisions;

    @Inject
    AuditQueryService audit;

    @Inject
    StoredPolicies stored;

    @Inject
    ObjectMapper json;

    @Inject
    ConsoleUser user;

    @GET
    public RestResponse<TemplateInstance> form() {
        return Html.ok(Templates.form(TryForm.empty(), Choices.of(decisions.policyInForce()), List.of(), null, null,
                null));
    }

    @POST
    public RestResponse<TemplateInstance> decide(@BeanParam Fields f, @RestForm(ConsoleCsrf.FIELD) String csrf) throws Exception {
        user.checkCsrf(csrf);
        TryForm form = f.form();
        Choices choices = Choices.of(decisions.policyInForce());
        Decision decision;
        try {
            decision = decisions.decide(form.body(json), new Caller(user.name(), null)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ProblemException p) {
                return Html.status(p.problem().status(), Templates.form(form, choices, p.problem().errors(),
                        p.problem(), null, null));
            }
            throw e;
        } catch (ProblemException e) {
            return Html.status(e.problem().status(), Templates.form(form, choices, e.problem().errors(), e.problem(),
                    null, null));
        }
        var policy = stored.policy(decision.policyVersion()).orElse(null);
        DecisionView recorded = audit.record(decision.decisionId())
                .map(r -> DecisionView.of(r, (model, table) -> policy == null ? null : policy.table(model, table)))
                .orElse(null);
        return Html.ok(Templates.form(form, choices, List.of(), null, decision, recorded));
    }

    /** The form's fields. */
    public static class Fields {
        @RestForm String impactLevel;
        @RestForm String affectedUsers;
        @RestForm String affectedApps;
        @RestForm String capability;
        @RestForm String capabilityTier;
        @RestForm String incidentType;
        @RestForm String durationMinutes;
        @RestForm String partnerReports;
        @RestForm String startedAt;
        @RestForm String pagedAt;

        TryForm form() {
            return new TryForm(Html.given(impactLevel), Html.given(affectedUsers), Html.given(affectedApps),
                    Html.given(capability), Html.given(capabilityTier), Html.given(incidentType),
                    Html.given(durationMinutes), Html.given(partnerReports), Html.given(startedAt), Html.given(pagedAt));
        }
    }
}
