package com.incidents.severity.decision.rest;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.problem.Problem;

/** Reads request bodies as JSON trees, refusing oversized and malformed ones with a problem body. */
public final class JsonBodies {

    /** Jackson's message for a key given twice (STRICT_DUPLICATE_DETECTION, see StrictJson). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private JsonBodies() {
    }

    public static JsonNode read(ObjectMapper mapper, byte[] body, int maxBytes) {
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
            String detail = "Malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage();
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            if (duplicate.find()) {
                throw new InvalidRequestException(new Problem("/problems/malformed-json", "The body is not valid JSON",
                        400, detail, null, List.of(FieldError.of(duplicate.group(1),
                                duplicate.group(1) + " is given more than once; give each field once"))));
            }
            throw InvalidRequestException.malformed(detail);
        } catch (IOException e) {
            throw InvalidRequestException.malformed("The body could not be read as JSON");
        }
    }
}
