package com.incidents.severity.console.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.incidents.severity.problem.Problem;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * An error answer to a console page (a missing role, a stale form, a wrong method, an internal
 * error) is shown as a page saying what happened, not as JSON. The API's answers are untouched.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        MediaType type = response.getMediaType();
        if (response.getStatus() < 400 || !(path.equals("/ui") || path.startsWith("/ui/"))
                || (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE))) {
            return;
        }
        Response.StatusType status = Response.Status.fromStatusCode(response.getStatus());
        String title = status == null ? "Error " + response.getStatus() : status.getReasonPhrase();
        String detail = response.getStatus() == 403 ? "Your account does not have the role this page needs."
                : "The request could not be answered.";
        if (response.getEntity() instanceof Problem problem) {
            title = problem.title();
            detail = problem.detail() + (problem.errorId() == null ? "" : " (error id " + problem.errorId() + ")");
        }
        response.setEntity(Templates.error(response.getStatus(), title, detail).render(), null, MediaType.valueOf(Html.TYPE));
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
    }
}
