package com.incidents.severity.console.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.audit.model.ChangeKind;
import com.incidents.severity.audit.model.ChangePage;
import com.incidents.severity.audit.service.ChangeFilterParams;
import com.incidents.severity.audit.service.ChangeHistory;
import com.incidents.severity.audit.service.RecordFilters;
import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.ChangeLine;
import com.incidents.severity.console.view.ChangeView;
import com.incidents.severity.console.view.ChangeWords;
import com.incidents.severity.console.view.Field;
import com.incidents.severity.problem.FieldError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The change history of the policy: search it, read one change with its row diff. */
@Path("/ui/changes")
@RolesAllowed({ Roles.EDITOR, Roles.AUDITOR })
@Produces(Html.TYPE)
public class ChangesPage {

    /** The filters as given, for the form and the pager. */
    public record ChangeForm(String kind, String author, String person, String from, String to, String limit) {
        public String query() {
            StringBuilder q = new StringBuilder();
            add(q, "kind", kind);
            add(q, "author", author);
            add(q, "person", person);
            add(q, "from", from);
            add(q, "to", to);
            add(q, "limit", limit);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append(q.isEmpty() ? "" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ChangeForm form, List<FieldError> errors, List<ChangeLine> changes,
                String nextCursor, String cursor, List<Field> kinds);

        static native TemplateInstance detail(ChangeView c);

        static native TemplateInstance missing(String id);
    }

    @Inject
    ChangeHistory history;

    @Inject
    RecordFilters filters;

    @GET
    public RestResponse<TemplateInstance> list(@RestQuery String kind, @RestQuery String author,
            @RestQuery String person, @RestQuery String from, @RestQuery String to, @RestQuery String cursor,
            @RestQuery String limit) throws Exception {
        ChangeForm form = new ChangeForm(Html.given(kind), Html.given(author), Html.given(person), Html.given(from),
                Html.given(to), Html.given(limit));
        List<FieldError> errors = new ArrayList<>();
        ChangeHistory.ChangeFilter filter = ChangeFilterParams.filter(form.kind(), form.author(), form.person(),
                filters.window(form.from(), form.to(), errors), errors);
        Long before = filters.cursor(Html.given(cursor), errors);
        int size = filters.pageSize(form.limit(), errors);
        List<Field> kinds = new ArrayList<>();
        for (ChangeKind k : ChangeKind.values()) {
            kinds.add(new Field(k.name(), ChangeWords.of(k)));
        }
        if (!errors.isEmpty()) {
            return Html.status(400, Templates.list(form, errors, List.of(), null, null, kinds));
        }
        ChangePage page = history.page(filter, before, size);
        return Html.ok(Templates.list(form, errors, page.items().stream().map(ChangeLine::of).toList(),
                page.nextCursor(), Html.given(cursor), kinds));
    }

    @GET
    @Path("/{id}")
    public RestResponse<TemplateInstance> detail(@PathParam("id") String id) throws Exception {
        return history.find(id)
                .map(c -> Html.ok(Templates.detail(ChangeView.of(c.seq(), c.hash(), c.prevHash(), c.record()))))
                .orElseGet(() -> Html.status(404, Templates.missing(id)));
    }
}
