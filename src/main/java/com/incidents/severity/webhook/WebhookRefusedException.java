package com.incidents.severity.webhook;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/** A refused webhook operation: a subscription or delivery that does not exist for the caller (404). */
public class WebhookRefusedException extends ProblemException {

    private WebhookRefusedException(Problem problem) {
        super(problem.detail(), problem);
    }

    /** Also the answer for another client's subscription: whether it exists is not told. */
    public static WebhookRefusedException notFound(String id) {
        return new WebhookRefusedException(Problem.of("subscription-not-found", "No such subscription", 404,
                "You have no subscription '" + id + "'; GET /api/v1/subscriptions lists yours"));
    }

    public static WebhookRefusedException deliveryNotFound(String id) {
        return new WebhookRefusedException(Problem.of("delivery-not-found", "No such delivery", 404,
                "You have no delivery '" + id + "'"));
    }
}
