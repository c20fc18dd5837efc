package com.incidents.severity.decision.rest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.problem.InvalidRequestException;

/** Reads request bodies as JSON trees, refusing oversized and malformed ones with a problem body. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonNode read(ObjectMapper mapper, byte[] body, int maxBytes) {
        if (body.length > maxBytes) {
            throw InvalidRequestException.tooLarge("The body has " + body.length + " bytes; at most " + maxBytes
                    + " are accepted");
        }
        if (body.length == 0) {
            throw InvalidRequestException.malformed("The body is empty; send a JSON object");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw InvalidRequestException.malformed("The body is empty; send a JSON object");
            }
            return node;
        } catch (StreamConstraintsException e) { // nested too deep, a number too long: no location to give
            throw InvalidRequestException.malformed("The JSON exceeds a parser limit: "
                    + e.getOriginalMessage().replaceAll(", from `[^`]*`", ""));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw InvalidRequestException.malformed("Malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidRequestException.malformed("The body could not be read as JSON");
        }
    }
}
