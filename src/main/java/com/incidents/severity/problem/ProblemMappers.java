package com.incidents.severity.problem;

import java.io.IOException;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.handlers.FormBodyHandler;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Every error leaves the service as an RFC 9457 problem body; none names a Java class or repeats
 * the message of an unexpected exception. Application errors carry their own problem
 * ({@link ProblemException}); anything else is a bug, answered 500 with the id its stack trace is
 * logged under.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Object> problem(ProblemException e) {
        RestResponse.ResponseBuilder<Object> answer = RestResponse.ResponseBuilder.<Object> create(e.problem().status())
                .entity(e.body()).type(Problem.MEDIA_TYPE);
        e.headers().forEach(answer::header);
        e.retryAfterSeconds().ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER, seconds));
        return answer.build();
    }

    /**
     * No credentials, or wrong ones: a 401 problem with the challenge of the mechanisms in use; where
     * the mechanism's challenge is a redirect (the console's sign-in form), that redirect.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Uni<RestResponse<Problem>> unauthorized(RoutingContext ctx) {
        return AuthAnswers.challenge(ctx).map(challenge -> {
            RestResponse.ResponseBuilder<Problem> answer = AuthAnswers.isRedirect(challenge)
                    ? RestResponse.ResponseBuilder.<Problem> create(challenge.status)
                    : RestResponse.ResponseBuilder.<Problem> create(401)
                            .entity(AuthAnswers.unauthorized()).type(Problem.MEDIA_TYPE);
            challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
            return answer.build();
        });
    }

    /** Authenticated, without a role the endpoint requires: a 403 problem naming the roles that would do. */
    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, SimpleResourceInfo resource) {
        RolesAllowed roles = resource == null || resource.getResourceClass() == null ? null
                : rolesOf(resource.getResourceClass(), resource.getMethodName());
        return problem(AuthAnswers.forbidden(roles == null ? null : String.join(" or ", roles.value())));
    }

    private static RolesAllowed rolesOf(Class<?> type, String method) {
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (m.getName().equals(method) && m.getAnnotation(RolesAllowed.class) != null) {
                return m.getAnnotation(RolesAllowed.class);
            }
        }
        return type.getAnnotation(RolesAllowed.class);
    }

    /**
     * The framework's own answers (404, 405, 406, 415, ...) keep their status. A 405 names the
     * methods the path allows, in its detail and in {@code Allow}; a 415 names the media types the
     * endpoint accepts, in its detail and (for POST) in {@code Accept-Post}.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        if (status == 405) {
            Set<String> allowed = Routes.allowed(request.path());
            String detail = allowed.isEmpty() ? title
                    : request.method().name() + " is not allowed on " + request.path() + "; allowed: "
                            + String.join(", ", allowed);
            return RestResponse.ResponseBuilder.<Problem> create(status)
                    .entity(Problem.of("http-" + status, title, status, detail)).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
        }
        if (status == 415) {
            Set<String> accepted = Routes.accepted(request.method().name(), request.path());
            String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
            String detail = accepted.isEmpty() ? title
                    : request.method().name() + " " + request.path() + " accepts " + String.join(" or ", accepted)
                            + ", not " + (sent == null ? "a body without Content-Type" : sent);
            RestResponse.ResponseBuilder<Problem> answer = RestResponse.ResponseBuilder.<Problem> create(status)
                    .entity(Problem.of("http-" + status, title, status, detail)).type(Problem.MEDIA_TYPE);
            if (!accepted.isEmpty() && request.method().name().equals("POST")) {
                answer.header("Accept-Post", String.join(", ", accepted));
            }
            return answer.build();
        }
        return problem(Problem.of("http-" + status, title, status, title));
    }

    /**
     * RESTEasy reads a form body before the resource method runs and reports a truncated or
     * malformed one (an empty multipart body, say) as a bare IOException: the caller's fault, a 400.
     * Any other IOException is a fault of the service.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> io(IOException e) {
        if (!readingTheForm(e)) {
            return unexpected(e);
        }
        LOG.debugf(e, "Unreadable form body");
        return problem(Problem.of("malformed-body", "The body cannot be read", 400,
                "The form body is empty, truncated or malformed; send each file as a part of a multipart/form-data body"));
    }

    private static boolean readingTheForm(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(FormBodyHandler.class.getName())) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e) {
        if (e instanceof RuntimeException && readingTheForm(e) && String.valueOf(e.getMessage()).startsWith("Param limit of")) {
            // RESTEasy's form parser stops at its limit of parts with a bare RuntimeException
            return problem(Problem.of("too-many-parts", "The form has too many parts", 413,
                    "The multipart body has more parts than this server reads (" + e.getMessage()
                            + "); send only the policy's files"));
        }
        return problem(Problem.internal(ErrorIds.logged(LOG, e, "Unexpected error answering a request")));
    }

    static RestResponse<Problem> problem(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem> create(problem.status())
                .entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
