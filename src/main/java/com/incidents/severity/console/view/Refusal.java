package com.incidents.severity.console.view;

import com.incidents.severity.problem.ProblemException;

/**
 * Why an action of the console was refused, as the page shows it above its form: the problem's
 * title and detail, without the API calls its detail suggests to API callers.
 */
public record Refusal(int status, String title, String detail, String draftId,
        java.util.List<com.incidents.severity.problem.FieldError> errors) {

    public static Refusal of(ProblemException e, String draftId) {
        String detail = e.problem().detail() == null ? "" : e.problem().detail()
                .replaceAll("\\s*\\((GET|POST|PUT|PATCH|DELETE) /api/[^)]*\\)", "");
        return new Refusal(e.problem().status(), e.problem().title(), detail, draftId,
                e.problem().errors() == null ? java.util.List.of() : e.problem().errors());
    }
}
