package com.incidents.severity.console.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.audit.model.RecordFilter;
import com.incidents.severity.audit.model.RecordPage;
import com.incidents.severity.audit.model.ReplayReport;
import com.incidents.severity.audit.rest.Exports;
import com.incidents.severity.audit.service.AuditQueryService;
import com.incidents.severity.audit.service.ChangeHistory;
import com.incidents.severity.audit.service.DecisionSearch;
import com.incidents.severity.audit.service.RecordFilters;
import com.incidents.severity.audit.service.ReplayService;
import com.incidents.severity.audit.service.StoredPolicies;
import com.incidents.severity.console.ConsoleUser;
import com.incidents.severity.console.ConsoleCsrf;
import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.Count;
import com.incidents.severity.console.view.DecisionView;
import com.incidents.severity.console.view.RowOriginView;
import com.incidents.severity.console.view.SearchForm;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.problem.ProblemException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The auditors' pages: search recorded decisions, read one, replay it. */
@Path("/ui/decisions")
@RolesAllowed(Roles.AUDITOR)
@Produces(Html.TYPE)
public class DecisionsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(SearchForm form, List<FieldError> errors, RecordPage page,
                List<Count> counts, long total, List<String> severities, List<String> bases, String cursor);

        static native TemplateInstance underChange(String changeId, String since, RecordPage page, String cursor);

        static native TemplateInstance detail(DecisionView d, List<RowOriginView> origins, ReplayReport replay,
                String replayError);

        static native TemplateInstance missing(String id);

        static native TemplateInstance noChange(String id);
    }

    @Inject
    AuditQueryService audit;

    @Inject
    RecordFilters filters;

    @Inject
    ReplayService replays;

    @Inject
    StoredPolicies stored;

    @Inject
    ConsoleUser user;

    @Inject
    ChangeHistory changes;

    @Inject
    DecisionSearch search;

    @GET
    public RestResponse<TemplateInstance> list(@RestQuery String from, @RestQuery String to, @RestQuery String severity,
            @RestQuery String basis, @RestQuery String capability, @RestQuery String caller,
            @RestQuery String clientLabel, @RestQuery String policyVersion, @RestQuery String cursor,
            @RestQuery String limit, @RestQuery String change) throws Exception {
        if (Html.given(change) != null) {
            return underChange(change.strip(), cursor);
        }
        SearchForm form = new SearchForm(Html.given(from), Html.given(to), Html.given(severity), Html.given(basis),
                Html.given(capability), Html.given(caller), Html.given(clientLabel), Html.given(policyVersion),
                Html.given(limit));
        List<FieldError> errors = new ArrayList<>();
        RecordFilter filter = filters.filter(form.from(), form.to(), form.severity(), form.basis(),
                form.policyVersion(), form.capability(), form.caller(), form.clientLabel(), errors);
        Long before = filters.cursor(Html.given(cursor), errors);
        int size = filters.pageSize(Html.given(limit), errors);
        List<String> severities = filters.severities() == null ? List.of() : filters.severities();
        if (!errors.isEmpty()) {
            return Html.status(400, Templates.list(form, errors, new RecordPage(List.of(), null), List.of(), 0,
                    severities, RecordFilters.BASES, null));
        }
        List<Count> counts = audit.countBySeverity(filter).entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue())).toList();
        long total = counts.stream().mapToLong(Count::count).sum();
        return Html.ok(Templates.list(form, errors, audit.page(filter, before, size), counts, total, severities,
                RecordFilters.BASES, Html.given(cursor)));
    }

    /** The decisions made since a policy change under the rows it added or edited, newest first. */
    private RestResponse<TemplateInstance> underChange(String changeId, String cursor) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        Long before = filters.cursor(Html.given(cursor), errors);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        var change = changes.find(changeId);
        if (change.isEmpty()) {
            return Html.status(404, Templates.noChange(changeId));
        }
        RecordPage page = search.page(filters.filter(null, null, null, null, null, null, null, null, errors), changeId,
                before, 50);
        return Html.ok(Templates.underChange(changeId, String.valueOf(change.get().record().changedAt()), page,
                Html.given(cursor)));
    }

    /** The search's decisions as a file, streamed as the API's export streams them. */
    @GET
    @Path("/export")
    @Produces({ "text/csv", "application/x-ndjson", Html.TYPE })
    public Response export(@RestQuery String format, @RestQuery String from, @RestQuery String to,
            @RestQuery String severity, @RestQuery String basis, @RestQuery String capability,
            @RestQuery String caller, @RestQuery String clientLabel, @RestQuery String policyVersion)
            throws Exception {
        List<FieldError> errors = new ArrayList<>();
        RecordFilter filter = filters.filter(Html.given(from), Html.given(to), Html.given(severity),
                Html.given(basis), Html.given(policyVersion), Html.given(capability), Html.given(caller),
                Html.given(clientLabel), errors);
        String kind = Exports.format(Html.given(format), errors);
        if (!errors.isEmpty()) {
            return list(from, to, severity, basis, capability, caller, clientLabel, policyVersion, null, null, null)
                    .toResponse();
        }
        return Exports.export(audit, filter, kind);
    }

    @GET
    @Path("/{id}")
    public RestResponse<TemplateInstance> detail(@PathParam("id") String id) throws Exception {
        return page(id, null, null);
    }

    @POST
    @Path("/{id}/replay")
    public RestResponse<TemplateInstance> replay(@PathParam("id") String id, @RestForm(ConsoleCsrf.FIELD) String csrf)
            throws Exception {
        user.checkCsrf(csrf);
        var record = audit.storedRecord(id);
        if (record.isEmpty()) {
            return Html.status(404, Templates.missing(id));
        }
        try {
            return page(id, replays.replay(record.get()), null);
        } catch (ProblemException e) { // an integrity failure: the stored policy text no longer matches
            return page(id, null, e.problem().detail());
        }
    }

    private RestResponse<TemplateInstance> page(String id, ReplayReport replay, String replayError) throws Exception {
        var record = id.length() == 36 ? audit.record(id) : java.util.Optional.<ObjectNode> empty();
        if (record.isEmpty()) {
            return Html.status(404, Templates.missing(id));
        }
        CompiledPolicy policy = stored.policy(record.get().path("policyVersion").asText()).orElse(null);
        DecisionView view = DecisionView.of(record.get(),
                (model, decision) -> policy == null ? null : policy.table(model, decision));
        return Html.ok(Templates.detail(view, RowOriginView.of(record.get()), replay, replayError));
    }
}
