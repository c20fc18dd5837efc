package com.incidents.severity.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;

import io.restassured.response.Response;

/**
 * The document the running service serves at /q/openapi, and an independent validator
 * (Atlassian's swagger-request-validator) that checks real answers against it: an undocumented
 * status or media type, a missing required field or header, a wrong type, an undeclared null or
 * an undeclared field fails the check.
 */
public final class ServedContract {

    private final String document;
    private final OpenApiInteractionValidator validator;

    /** The same document judging requests only: what a validating proxy in front of the service would let through. */
    private final OpenApiInteractionValidator requests;

    private ServedContract(String document) {
        this.document = document;
        this.requests = validator(document, Level.ERROR, Level.IGNORE);
        // Only answers are judged here; requests are sent wrong on purpose to get errors.
        this.validator = validator(document, Level.IGNORE, Level.ERROR);
    }

    private static OpenApiInteractionValidator validator(String document, Level requests, Level responses) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", requests)
                        .withLevel("validation.response", responses)
                        .build())
                .withResolveRefs(true)
                .withResolveCombinators(true)
                .build();
    }

    /** Fetches the document the service serves now. */
    public static ServedContract fetch() {
        String json = given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString();
        return new ServedContract(json);
    }

    public String document() {
        return document;
    }

    /**
     * The messages of the validator for an answer made of {@code status}, {@code headers} and
     * {@code body} (JSON) of {@code mediaType} to {@code method} {@code path}; empty when it conforms.
     */
    public List<String> problemsOf(Request.Method method, String path, int status, String mediaType,
            java.util.Map<String, String> headers, String body) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status).withContentType(mediaType).withBody(body);
        headers.forEach(answer::withHeader);
        return validator.validateResponse(path, method, answer.build()).getMessages().stream()
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }

    /**
     * What the document says is wrong with a request (as an authenticated caller sends it); empty
     * when the document allows it.
     */
    public List<String> requestProblemsOf(Request.Method method, String path, String contentType, String body) {
        return requestProblemsOf(method, path, contentType, body, java.util.Map.of());
    }

    /** As {@link #requestProblemsOf(Request.Method, String, String, String)}, with these headers. */
    public List<String> requestProblemsOf(Request.Method method, String path, String contentType, String body,
            java.util.Map<String, String> headers) {
        com.atlassian.oai.validator.model.SimpleRequest.Builder request =
                new com.atlassian.oai.validator.model.SimpleRequest.Builder(method, path)
                        .withContentType(contentType).withBody(body).withHeader("Authorization", "Basic dTpw");
        headers.forEach(request::withHeader);
        return requests.validateRequest(request.build()).getMessages().stream()
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }

    /** Fails unless the answer is one the document allows for this request; returns it for more checks. */
    public Response check(Request.Method method, String path, Response response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        String body = response.asString();
        if (body != null && !body.isEmpty()) {
            answer.withBody(body);
        }
        response.headers().forEach(h -> answer.withHeader(h.getName(), h.getValue()));
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        ValidationReport report = validator.validateResponse(pathOnly, method, answer.build());
        if (report.hasErrors()) {
            List<String> messages = report.getMessages().stream()
                    .map(m -> m.getKey() + ": " + m.getMessage() + " " + m.getContext().map(Object::toString).orElse(""))
                    .toList();
            fail(method + " " + path + " answered " + response.statusCode() + " " + response.contentType()
                    + " against the served document:\n  " + String.join("\n  ", messages) + "\nbody: "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
        return response;
    }
}
