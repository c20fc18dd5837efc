package com.incidents.severity.console.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.audit.model.VerifyReport;
import com.incidents.severity.audit.service.AuditVerification;
import com.incidents.severity.audit.service.RecordFilters;
import com.incidents.severity.console.Roles;
import com.incidents.severity.problem.FieldError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The chain check, for everything or a time range; it reads only, so the form is a GET. */
@Path("/ui/verify")
@RolesAllowed(Roles.AUDITOR)
@Produces(Html.TYPE)
public class VerifyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(String from, String to, List<FieldError> errors, VerifyReport report);
    }

    @Inject
    AuditVerification verifier;

    @Inject
    RecordFilters filters;

    @GET
    public RestResponse<TemplateInstance> verify(@RestQuery String from, @RestQuery String to, @RestQuery boolean run)
            throws Exception {
        String start = Html.given(from);
        String end = Html.given(to);
        List<FieldError> errors = new ArrayList<>();
        Instant[] window = filters.window(start, end, errors);
        if (!errors.isEmpty()) {
            return Html.status(400, Templates.verify(start, end, errors, null));
        }
        VerifyReport report = run ? verifier.verify(window[0], window[1]) : null;
        return Html.ok(Templates.verify(start, end, errors, report));
    }
}
