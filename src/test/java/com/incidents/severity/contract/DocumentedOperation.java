package com.incidents.severity.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One operation of the document the service serves, with a request that is well formed for it:
 * its path with a (random) decision id where it has one, and, where it takes a body, a body of its
 * first media type (the document's example for JSON). Read from the document itself, so an
 * operation added to it is called by every test that walks them all.
 */
public record DocumentedOperation(Request.Method method, String template, String contentType, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "documented-operation-7c1e";

    /** Every operation of the served document, in document order. */
    public static List<DocumentedOperation> all(ServedContract contract) {
        JsonNode doc;
        try {
            doc = JSON.readTree(contract.document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DocumentedOperation> operations = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode content = op.getValue().path("requestBody").path("content");
            String type = content.isEmpty() ? null : content.fieldNames().next();
            operations.add(new DocumentedOperation(Request.Method.valueOf(op.getKey().toUpperCase(Locale.ROOT)),
                    path.getKey(), type, type == null ? null : body(type, content.get(type))));
        }));
        return operations;
    }

    private static byte[] body(String type, JsonNode media) {
        if (type.equals("application/json")) {
            JsonNode example = media.has("example") ? media.get("example")
                    : media.path("examples").isEmpty() ? null : media.get("examples").elements().next().get("value");
            return (example == null ? "{}" : example.toString()).getBytes(StandardCharsets.UTF_8);
        }
        if (type.startsWith("multipart/")) {
            return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return "x".getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The path to call: the template with an id that is well formed (and names no decision or draft),
     * and a draft's file path a file of the fixture.
     */
    public String path() {
        return template.replace("{id}", UUID.randomUUID().toString()).replace("{path}", "incident-severity.dmn")
                .replace("{key}", "NO-SUCH-INCIDENT");
    }

    /** Sends this operation's request on {@code request} (which carries the credentials, headers...). */
    public Response send(RequestSpecification request, String path) {
        if (contentType != null) {
            request.contentType(contentType.startsWith("multipart/") ? contentType + "; boundary=" + BOUNDARY
                    : contentType).body(body);
        }
        return request.request(method.name(), path);
    }

    /** Sends this operation's request on {@code request} and checks the answer against {@code contract}. */
    public Response sendAndCheck(ServedContract contract, RequestSpecification request) {
        String path = path();
        return contract.check(method, path, send(request, path));
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
