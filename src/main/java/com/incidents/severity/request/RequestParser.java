package com.incidents.severity.request;

import static com.incidents.severity.engine.model.PolicyContract.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidents.severity.engine.Facts;
import com.incidents.severity.engine.model.CapabilityEntry;
import com.incidents.severity.engine.model.Catalog;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.engine.model.InputType;
import com.incidents.severity.engine.model.InputTypes;
import com.incidents.severity.engine.model.Similarity;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;

/**
 * Checks a decision request field by field and collects every problem before answering, so a
 * caller learns all that is wrong at once. Valid requests come out as normalised facts. The values
 * a field allows are those the DMN types of the policy in force declare, never a list kept here.
 */
public final class RequestParser {

    static final List<String> FIELDS = List.of("impactLevel", "affectedUsers", "affectedApps", "capability",
            "capabilityTier", "incidentType", "durationMinutes", "partnerReports", "startedAt", "pagedAt");
    /** The fields that are facts for the engine (impactLevel alone decides nothing). */
    private static final List<String> DECIDING_FIELDS = List.of("affectedUsers", "affectedApps", "capability",
            "capabilityTier", "incidentType", "durationMinutes", "partnerReports", "startedAt");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** The largest count or duration a request may give (a whole number such as 1e23 is too large, not "not whole"). */
    private static final BigDecimal LARGEST = BigDecimal.valueOf(Long.MAX_VALUE);

    private final CompiledPolicy policy;
    private final Catalog catalog;
    private final InputTypes types;
    private final JsonNode body;
    private final Instant now;
    private final List<FieldError> errors = new ArrayList<>();

    private RequestParser(CompiledPolicy policy, JsonNode body, Instant now) {
        this.policy = policy;
        this.catalog = policy.catalog();
        this.types = policy.inputTypes();
        this.body = body;
        this.now = now;
    }

    /**
     * Checks the body against the policy in force: enumerations and number constraints are the
     * allowed values its DMN types declare. Which facts the policy needs is not decided here but
     * after evaluation, from the engine's outcome ({@link CapabilityFacts}).
     */
    public static DecisionRequest parse(JsonNode body, CompiledPolicy policy, Instant now) {
        Checked checked = check(body, policy, now);
        if (!checked.errors().isEmpty()) {
            throw InvalidRequestException.of(checked.errors());
        }
        return checked.request();
    }

    /**
     * Every field and cross-field error of the body, with the request made of the fields that are
     * valid (so the engine can be asked what else the request lacks: {@link CapabilityFacts}).
     * A body that is not a JSON object has no fields: it is refused at once.
     */
    public static Checked check(JsonNode body, CompiledPolicy policy, Instant now) {
        return new RequestParser(policy, body, now).check();
    }

    /**
     * A checked body: {@code request} holds only the valid fields; {@code errors} names every
     * offending one (empty when the request is valid).
     */
    public record Checked(DecisionRequest request, List<FieldError> errors) {

        /** Whether the body gives any fact the engine decides from, valid or refused. */
        public boolean givesFacts() {
            return request.facts().hasAny() || errors.stream().anyMatch(e -> DECIDING_FIELDS.contains(e.field()));
        }

        /** The JSON names of the fields refused. */
        public java.util.Set<String> refusedFields() {
            java.util.Set<String> fields = new java.util.HashSet<>();
            errors.forEach(e -> fields.add(e.field()));
            return fields;
        }
    }

    private Checked check() {
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of(List.of(FieldError.of("body", "The body must be a JSON object")));
        }
        rejectUnknownFields();
        String level = choice("impactLevel", IMPACT_LEVEL);
        Long users = count("affectedUsers", AFFECTED_USERS);
        Long apps = count("affectedApps", AFFECTED_APPS);
        CapabilityEntry capability = capability();
        String tier = choice("capabilityTier", STATED_TIER);
        String type = choice("incidentType", INCIDENT_TYPE);
        Long duration = count("durationMinutes", DURATION_MINUTES);
        Long reports = count("partnerReports", PARTNER_REPORTS);
        Instant startedAt = instant("startedAt");
        Instant pagedAt = instant("pagedAt");

        if ((present("affectedUsers") != null || present("affectedApps") != null) && present("impactLevel") == null) {
            InputType levels = types.of(IMPACT_LEVEL);
            errors.add(new FieldError("impactLevel", "impactLevel" + (levels.enumerated()
                    ? " (" + String.join(" or ", levels.values()) + ")" : "")
                    + " is required with affectedUsers or affectedApps", null, levels.values()));
        }
        if (capability != null && tier != null && !tier.equals(capability.tier())) {
            errors.add(new FieldError("capabilityTier", "'" + capability.name() + "' is a " + capability.tier()
                    + " capability, not " + tier, tier, List.of(capability.tier())));
            tier = null;
        }
        if (startedAt != null && startedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(FieldError.rejected("startedAt", "startedAt lies in the future", text("startedAt")));
            startedAt = null;
        }
        if (startedAt != null && pagedAt != null && pagedAt.isBefore(startedAt)) {
            errors.add(FieldError.rejected("pagedAt", "pagedAt (" + pagedAt + ") is before startedAt (" + startedAt
                    + "): an incident is paged after it starts, and the investigation would fall due before it began",
                    text("pagedAt")));
            pagedAt = null;
        }
        if (duration != null && startedAt != null) {
            long elapsed = Duration.between(startedAt, now.plus(CLOCK_SKEW)).toMinutes();
            if (duration > elapsed) {
                errors.add(FieldError.rejected("durationMinutes", "durationMinutes (" + duration + ") is longer than"
                        + " the " + Math.max(0, Duration.between(startedAt, now).toMinutes()) + " minutes since startedAt ("
                        + startedAt + "); give the duration so far, or leave it out to have it measured from startedAt",
                        duration));
                duration = null;
            }
        }
        boolean ongoing = duration == null && startedAt != null && present("durationMinutes") == null;
        if (ongoing) {
            duration = Math.max(0, Duration.between(startedAt, now).toMinutes());
            InputType minutes = types.of(DURATION_MINUTES);
            if (!minutes.accepts(duration)) {
                errors.add(FieldError.rejected("startedAt", "The duration measured from startedAt, " + duration
                        + " minutes, is outside the allowed values of " + DURATION_MINUTES + " in policy "
                        + policy.version() + ": " + minutes.constraint(), text("startedAt")));
                duration = null;
                ongoing = false;
            }
        }
        checkSomethingToDecide();
        String capabilityName = capability == null ? null : capability.name();
        return new Checked(new DecisionRequest(new Facts(level, users, apps, capabilityName, tier, type, duration,
                reports), startedAt, pagedAt, ongoing, now, body), List.copyOf(errors));
    }

    /**
     * Refuses a request that gives nothing at all to decide on: no field the engine decides from
     * is present, valid or not. Which facts a decision needs depends on the framework the policy
     * applies, known only from the engine's outcome.
     */
    private void checkSomethingToDecide() {
        if (DECIDING_FIELDS.stream().anyMatch(f -> present(f) != null)) {
            return;
        }
        errors.add(FieldError.of("body", "Nothing to decide on: give affectedUsers or affectedApps with impactLevel, "
                + "a capability (or capabilityTier) with incidentType and durationMinutes, or partnerReports"));
    }

    private void rejectUnknownFields() {
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.length() > Similarity.MAX_NAME_LENGTH) {
                errors.add(FieldError.of(name.substring(0, 40) + "...", "Unknown field (a name of " + name.length()
                        + " characters; no field name is longer than " + Similarity.MAX_NAME_LENGTH + ")"));
            } else if (!FIELDS.contains(name)) {
                List<String> close = FIELDS.stream().filter(f -> Similarity.close(name, f)).toList();
                errors.add(new FieldError(name, "Unknown field", null, close));
            }
        }
    }

    private JsonNode present(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private String text(String field) {
        JsonNode node = present(field);
        return node == null ? null : node.isTextual() ? node.textValue() : node.toString();
    }

    private Long count(String field, String input) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            errors.add(FieldError.rejected(field, field + " must be a whole number", node));
            return null;
        }
        double approximate = node.doubleValue();
        BigDecimal number = Double.isInfinite(approximate) && !node.isBigDecimal() && !node.isBigInteger()
                ? BigDecimal.valueOf(Math.signum(approximate)).multiply(LARGEST.add(BigDecimal.ONE)) // 1e400
                : node.decimalValue();
        if (number.signum() < 0) {
            errors.add(FieldError.rejected(field, field + " must not be negative", node));
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            errors.add(FieldError.rejected(field, field + " must be a whole number", node));
            return null;
        }
        if (number.compareTo(LARGEST) > 0) {
            errors.add(FieldError.rejected(field, field + " is too large: at most " + LARGEST, node));
            return null;
        }
        long value = number.longValueExact();
        InputType type = types.of(input);
        if (!type.accepts(value)) {
            errors.add(FieldError.rejected(field, field + " must be within the allowed values of " + input
                    + " in policy " + policy.version() + ": " + type.constraint(), value));
            return null;
        }
        return value;
    }

    /** A value of the input's DMN type, matched case-insensitively when the type lists its values. */
    private String choice(String field, String input) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        InputType type = types.of(input);
        String text = node.isTextual() ? node.textValue() : null;
        // A member of an enumeration is one of the values its allowed-values list evaluated to,
        // so only other types need the engine's check per request.
        String value = text == null ? null
                : type.enumerated() ? type.match(text).orElse(null)
                : type.accepts(text.strip()) ? text.strip() : null;
        if (value == null) {
            String allowed = type.enumerated() ? "one of " + String.join(", ", type.values())
                    : type.constrained() ? "within " + type.constraint() : "text";
            errors.add(new FieldError(field, field + " must be " + allowed + " (the allowed values of " + input
                    + " in policy " + policy.version() + ")", node, type.values()));
            return null;
        }
        return value;
    }

    private CapabilityEntry capability() {
        JsonNode node = present("capability");
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(FieldError.rejected("capability", "capability must be a catalog name", node));
            return null;
        }
        if (node.textValue().length() > Similarity.MAX_NAME_LENGTH) { // neither looked up nor scored
            errors.add(FieldError.of("capability", "capability has " + node.textValue().length()
                    + " characters; a catalog name has at most " + Similarity.MAX_NAME_LENGTH));
            return null;
        }
        return catalog.find(node.textValue()).orElseGet(() -> {
            errors.add(new FieldError("capability", "Unknown capability; see GET /api/v1/capabilities",
                    node.textValue(), catalog.suggest(node.textValue(), 3)));
            return null;
        });
    }

    private Instant instant(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        try {
            if (node.isTextual()) {
                return OffsetDateTime.parse(node.textValue().strip()).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(FieldError.rejected(field, field + " must be an ISO-8601 instant such as 2026-01-31T09:30:00Z", node));
        return null;
    }
}
