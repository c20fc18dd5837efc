package com.incidents.severity.console.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

import com.incidents.severity.audit.service.RecordFilters;
import com.incidents.severity.console.ConsoleCsrf;
import com.incidents.severity.console.ConsoleUser;
import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.Field;
import com.incidents.severity.console.view.Refusal;
import com.incidents.severity.console.view.ReviewItem;
import com.incidents.severity.draft.model.DraftEvent;
import com.incidents.severity.draft.model.DraftEventKind;
import com.incidents.severity.draft.model.DraftEventQuery;
import com.incidents.severity.draft.model.DraftState;
import com.incidents.severity.draft.model.DraftSummary;
import com.incidents.severity.draft.service.DraftPublisher;
import com.incidents.severity.draft.service.DraftReport;
import com.incidents.severity.draft.service.DraftService;
import com.incidents.severity.policy.PolicyConfig;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.ProblemException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The review page: the drafts waiting for a review or a publish, each with its row diff, validation
 * report and replay impact, with the buttons to approve, reject, publish and rebase it; and the
 * activity of drafts (started, saved, approved, rejected, published) searched by person and time.
 * Its actions are the draft API's, with the console's session and CSRF field; a refused one shows
 * the page again with the reason.
 */
@Path("/ui/review")
@RolesAllowed({ Roles.EDITOR, Roles.AUDITOR })
@Produces(Html.TYPE)
public class ReviewPage {

    /** Drafts drawn in full on the page (each is checked as a reload would check it); more are listed. */
    static final int IN_FULL = 10;

    /** The activity search as given, for the form. */
    public record ActivityForm(String actor, String author, String kind, String from, String to, String limit) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(List<ReviewItem> waiting, List<DraftSummary> more, ActivityForm form,
                List<FieldError> errors, List<DraftEvent> events, List<Field> kinds, Refusal refusal,
                boolean requireApproval);
    }

    @Inject
    DraftService drafts;

    @Inject
    DraftReport reports;

    @Inject
    DraftPublisher publisher;

    @Inject
    ConsoleUser user;

    @Inject
    RecordFilters filters;

    @Inject
    PolicyConfig config;

    @GET
    public RestResponse<TemplateInstance> page(@RestQuery String actor, @RestQuery String author,
            @RestQuery String kind, @RestQuery String from, @RestQuery String to, @RestQuery String limit)
            throws Exception {
        ActivityForm form = new ActivityForm(Html.given(actor), Html.given(author), Html.given(kind), Html.given(from),
                Html.given(to), Html.given(limit));
        return render(form, null);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<TemplateInstance> approve(@PathParam("id") String id, @RestForm String comment,
            @RestForm(ConsoleCsrf.FIELD) String csrf) throws Exception {
        return act(id, csrf, () -> drafts.approve(id, user.name(), comment));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<TemplateInstance> reject(@PathParam("id") String id, @RestForm String comment,
            @RestForm(ConsoleCsrf.FIELD) String csrf) throws Exception {
        return act(id, csrf, () -> drafts.reject(id, user.name(), comment));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<TemplateInstance> publish(@PathParam("id") String id, @RestForm(ConsoleCsrf.FIELD) String csrf)
            throws Exception {
        return act(id, csrf, () -> publisher.publish(id, user.name()));
    }

    @POST
    @Path("/{id}/rebase")
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<TemplateInstance> rebase(@PathParam("id") String id, @RestForm(ConsoleCsrf.FIELD) String csrf)
            throws Exception {
        return act(id, csrf, () -> publisher.rebase(id, user.name()));
    }

    private interface Action {
        Object run() throws Exception;
    }

    /** Runs an editor's action; done, to the draft's page; refused, this page again with the reason. */
    private RestResponse<TemplateInstance> act(String id, String csrf, Action action) throws Exception {
        user.checkCsrf(csrf);
        try {
            action.run();
        } catch (ProblemException e) {
            Refusal refusal = Refusal.of(e, id);
            return Html.status(refusal.status(), render(new ActivityForm(null, null, null, null, null, null), refusal)
                    .getEntity());
        }
        return Html.seeOther("/ui/drafts/" + id);
    }

    private RestResponse<TemplateInstance> render(ActivityForm form, Refusal refusal) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        Instant[] window = filters.window(form.from(), form.to(), errors);
        int size = filters.pageSize(form.limit(), errors);
        DraftEventKind kind = null;
        if (form.kind() != null) {
            try {
                kind = DraftEventKind.valueOf(form.kind());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("kind", "one of " + java.util.Arrays.toString(DraftEventKind.values())));
            }
        }
        List<Field> kinds = java.util.Arrays.stream(DraftEventKind.values()).map(k -> new Field(k.name(), k.words()))
                .toList();
        List<DraftEvent> events = errors.isEmpty() ? drafts.search(new DraftEventQuery(form.actor(), form.author(), kind,
                null, window[0], window[1], size)) : List.of();
        List<ReviewItem> waiting = new ArrayList<>();
        List<DraftSummary> more = new ArrayList<>();
        int tables = 0;
        for (var d : drafts.list()) {
            if (d.state() != DraftState.OPEN && d.state() != DraftState.APPROVED) {
                continue;
            }
            if (waiting.size() < IN_FULL) {
                ReviewItem item = ReviewItem.of(reports.view(d), tables, user.name(), config.publish().requireApproval());
                tables += item.tables().size();
                waiting.add(item);
            } else {
                more.add(reports.summary(d));
            }
        }
        TemplateInstance page = Templates.review(waiting, more, form, errors, events, kinds, refusal,
                config.publish().requireApproval());
        return errors.isEmpty() ? Html.ok(page) : Html.status(400, page);
    }
}
