package com.incidents.severity.incident;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/** A refused incident operation: not found (404), resolved (409), stale (412), unconditional (428). */
public class IncidentRefusedException extends ProblemException {

    private IncidentRefusedException(Problem problem) {
        super(problem.detail(), problem);
    }

    public static IncidentRefusedException notFound(String key) {
        return new IncidentRefusedException(Problem.of("incident-not-found", "No such incident", 404,
                "No incident has the key '" + key + "'; PUT /api/v1/incidents/{key} creates one"));
    }

    public static IncidentRefusedException resolved(String key) {
        return new IncidentRefusedException(Problem.of("incident-resolved", "The incident is resolved", 409,
                "Incident '" + key + "' is resolved: its facts no longer change; open a new incident"));
    }

    public static IncidentRefusedException noOverride(String key) {
        return new IncidentRefusedException(Problem.of("no-override", "The incident has no override", 409,
                "Incident '" + key + "' has no override to lift: its severity is the engine's"));
    }

    public static IncidentRefusedException notAnOverride(String key, String decisionId) {
        return new IncidentRefusedException(Problem.of("not-an-override", "Not an override of this incident", 404,
                "Decision '" + decisionId + "' is not one where a responder set the severity of incident '" + key
                        + "' by hand"));
    }

    public static IncidentRefusedException stale(String key, String given, String current) {
        return new IncidentRefusedException(Problem.of("incident-changed", "The incident has changed", 412,
                "If-Match " + given + " names a revision of incident '" + key + "' that is not its current one ("
                        + (current == null ? "it does not exist" : current) + "); GET it, apply your change to what"
                        + " it holds now, and send it with the new ETag"));
    }

    public static IncidentRefusedException unconditional(String key, String current) {
        return new IncidentRefusedException(Problem.of("if-match-required", "If-Match is required", 428,
                "Incident '" + key + "' exists (ETag " + current + "): send If-Match with the ETag of the revision"
                        + " your change was made from, so that no one else's change is overwritten"));
    }

    /**
     * Another decision about the incident was recorded after this one was made from it (time
     * passed, a policy came in): the service makes it again from the new state, the caller never sees it.
     */
    public static IncidentRefusedException moved(String key) {
        return new IncidentRefusedException(Problem.of("incident-moved", "The incident was decided meanwhile", 409,
                "Incident '" + key + "' was decided again while this change was being decided; send it again"));
    }

    public boolean moved() {
        return problem().type().equals("/problems/incident-moved");
    }
}
